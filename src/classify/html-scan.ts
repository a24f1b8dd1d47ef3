/**
 * Reads what an HTML page says about itself (its title, og metas, headings, script sources, a
 * password field, the length of its visible text) in one pass of htmlparser2's tokenizer, without
 * building a DOM, and stops as soon as nothing still wanted can appear in the rest of the page
 * (only between elements: never while the text of a title, heading or body is still being read).
 *
 * Each value is what cheerio (htmlparser2 flavour) would give for the same selector: an element's
 * text is all the text between its open and close events, nested elements and `<script>` content
 * included, entities decoded; the first element in document order wins. Texts are returned as
 * written: collapsing whitespace is the reader's business.
 */
import { Parser } from 'htmlparser2';
import {
  escapeRegExp,
  indexTags,
  isAhead,
  lookahead,
  tagAhead,
  withHint,
  type Lookahead,
  type TagIndex,
} from './html-lookahead.js';
import type { HtmlScan, HtmlScanRequest, MarkSelector } from './html-scan-request.js';

const TITLE_TAG = ['title'];
const H1_TAG = ['h1'];
const HEADING_TAG = ['h1', 'h2'];
const META_TAG = ['meta'];
const SOURCE_TAG = ['script', 'iframe', 'frame'];
const INPUT_TAG = ['input'];
const BODY_TAG = ['body'];
// Attribute values, unlike tag names, could be spelled with character references
// (`og&#58;title`); no page does that, so the literal spelling is what the scan looks ahead for.
const OG_TITLE = /og:title/g;
const OG_SITE_NAME = /og:site_name/g;

/** Elements whose text is not visible text (`$('body').find(...).remove()` in cheerio terms). */
const HIDDEN_TEXT_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
]);

/** Something the scan still looks for, and the patterns that must all lie ahead for it to come. */
type Want = { isDone: () => boolean; needs: readonly Lookahead[] };

/** Text collected for one open element, which closes when the depth falls back to `depth`. */
type OpenText = { depth: number; text: string };

/** Whether an element's attributes match a class or id selector. */
function isMarkedBy(selector: MarkSelector, attribs: Readonly<Record<string, string>>): boolean {
  const name = selector.slice(1);
  if (selector.startsWith('#')) return attribs.id === name;
  return (attribs.class ?? '').split(/\s+/).includes(name);
}

/** Scans an HTML page; see {@link HtmlScanRequest} for the optional parts. */
export function scanHtml(html: string, request: HtmlScanRequest = {}): HtmlScan {
  const scan: HtmlScan = {
    title: undefined,
    ogTitle: undefined,
    ogSiteName: undefined,
    h1: undefined,
    headings: [],
    sources: [],
    hasPasswordField: false,
    bodyText: '',
    marked: {},
  };
  let depth = 0;
  let title: OpenText | undefined;
  let h1: OpenText | undefined;
  let hasSeenTitle = false;
  let hasSeenH1 = false;
  let hasSeenOgTitle = false;
  let hasSeenOgSiteName = false;
  const headingTexts: OpenText[] = [];
  const openHeadings: OpenText[] = [];
  // `$('body')` matches every <body>, nested ones too, and `.text()` joins their texts in order.
  const bodies: OpenText[] = [];
  const openBodies: OpenText[] = [];
  const hiddenDepths: number[] = [];
  let bodyNonSpaceChars = 0;
  let isBodyTextCut = false;
  let isStopped = false;
  const openMarks: (OpenText & { selector: MarkSelector })[] = [];
  const seenMarks = new Set<MarkSelector>();

  const metaTag = tagAhead(META_TAG);
  const wants: Want[] = [
    { isDone: () => hasSeenTitle, needs: [tagAhead(TITLE_TAG)] },
    { isDone: () => hasSeenH1, needs: [tagAhead(H1_TAG)] },
    { isDone: () => hasSeenOgTitle, needs: [metaTag, lookahead(OG_TITLE)] },
    { isDone: () => hasSeenOgSiteName, needs: [metaTag, lookahead(OG_SITE_NAME)] },
  ];
  const { headings, sources, passwordField, bodyText, marked } = request;
  for (const selector of marked ?? []) {
    // Class and id names are attribute values: their literal spelling must lie ahead.
    wants.push({
      isDone: () => seenMarks.has(selector),
      needs: [lookahead(new RegExp(escapeRegExp(selector.slice(1))))],
    });
  }
  if (headings !== undefined) {
    wants.push({
      isDone: () => headingTexts.length >= headings.max,
      needs: withHint(tagAhead(HEADING_TAG), headings.hint),
    });
  }
  if (sources !== undefined) {
    wants.push({ isDone: () => false, needs: withHint(tagAhead(SOURCE_TAG), sources.hint) });
  }
  if (passwordField !== undefined) {
    wants.push({
      isDone: () => scan.hasPasswordField,
      needs: withHint(tagAhead(INPUT_TAG), passwordField.hint),
    });
  }
  if (bodyText !== undefined) {
    wants.push({ isDone: () => isBodyTextCut, needs: [tagAhead(BODY_TAG)] });
  }

  /** Whether text is being gathered for an element whose text is still incomplete. */
  const isReadingText = (): boolean =>
    title !== undefined ||
    h1 !== undefined ||
    openHeadings.length > 0 ||
    openMarks.length > 0 ||
    (openBodies.length > 0 && !isBodyTextCut);

  let tags: TagIndex | undefined;
  const tagIndex = (): TagIndex => (tags ??= indexTags(html));

  const stopIfDone = (): void => {
    if (isReadingText()) return;
    const position = parser.startIndex;
    const isWaiting = wants.some(
      (want) =>
        !want.isDone() && want.needs.every((ahead) => isAhead(html, ahead, position, tagIndex)),
    );
    if (!isWaiting) {
      isStopped = true;
      parser.pause();
    }
  };

  const addBodyText = (text: string, maxNonSpaceChars: number): void => {
    // Hidden only when the hiding element lies inside this body (`body.find(...)`); the deepest
    // open one decides.
    const hiddenAt = hiddenDepths.at(-1);
    let shownIn = 0;
    for (const body of openBodies) {
      if (hiddenAt === undefined || hiddenAt < body.depth) {
        body.text += text;
        shownIn += 1;
      }
    }
    if (shownIn === 0) return;
    // A nested body's text counts once for each body around it, as in the joined `.text()`.
    bodyNonSpaceChars += text.replace(/\s+/g, '').length * shownIn;
    if (bodyNonSpaceChars > maxNonSpaceChars) isBodyTextCut = true;
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (isStopped) return;
        depth += 1;
        switch (name) {
          case 'title':
            if (!hasSeenTitle) {
              hasSeenTitle = true;
              title = { depth, text: '' };
            }
            break;
          case 'h1':
          case 'h2':
            if (name === 'h1' && !hasSeenH1) {
              hasSeenH1 = true;
              h1 = { depth, text: '' };
            }
            if (headings !== undefined && headingTexts.length < headings.max) {
              const heading = { depth, text: '' };
              headingTexts.push(heading);
              openHeadings.push(heading);
            }
            break;
          case 'meta':
            if (attribs.property === 'og:title' && !hasSeenOgTitle) {
              hasSeenOgTitle = true;
              scan.ogTitle = attribs.content;
            } else if (attribs.property === 'og:site_name' && !hasSeenOgSiteName) {
              hasSeenOgSiteName = true;
              scan.ogSiteName = attribs.content;
            }
            break;
          case 'input':
            if (passwordField !== undefined && attribs.type?.toLowerCase() === 'password') {
              scan.hasPasswordField = true;
            }
            break;
          case 'body':
            if (bodyText !== undefined) {
              const body = { depth, text: '' };
              bodies.push(body);
              openBodies.push(body);
            }
            break;
          default:
            break;
        }
        for (const selector of marked ?? []) {
          if (!seenMarks.has(selector) && isMarkedBy(selector, attribs)) {
            seenMarks.add(selector);
            openMarks.push({ depth, text: '', selector });
          }
        }
        if (sources !== undefined && attribs.src !== undefined && isSourceElement(name)) {
          scan.sources.push(attribs.src);
        }
        if (openBodies.length > 0 && HIDDEN_TEXT_ELEMENTS.has(name)) hiddenDepths.push(depth);
        stopIfDone();
      },
      ontext(text) {
        if (isStopped) return;
        if (title !== undefined) title.text += text;
        if (h1 !== undefined) h1.text += text;
        for (const heading of openHeadings) heading.text += text;
        for (const mark of openMarks) mark.text += text;
        if (bodyText !== undefined && openBodies.length > 0 && !isBodyTextCut) {
          addBodyText(text, bodyText.maxNonSpaceChars);
        }
      },
      onclosetag() {
        if (isStopped) return;
        if (title?.depth === depth) {
          scan.title = title.text;
          title = undefined;
        }
        if (h1?.depth === depth) {
          scan.h1 = h1.text;
          h1 = undefined;
        }
        // Elements close in the reverse order they opened, so each stack's last entry is next.
        if (openHeadings.at(-1)?.depth === depth) openHeadings.pop();
        while (openMarks.at(-1)?.depth === depth) {
          const mark = openMarks.pop();
          if (mark !== undefined) scan.marked[mark.selector] = mark.text;
        }
        if (openBodies.at(-1)?.depth === depth) openBodies.pop();
        if (hiddenDepths.at(-1) === depth) hiddenDepths.pop();
        depth -= 1;
        stopIfDone();
      },
    },
    { decodeEntities: true },
  );
  // The whole page in one call: pausing from a callback stops the tokenizer where it is (and makes
  // the end a no-op), so the rest of a long page is never read, and no chunk boundary can fall
  // inside a tag.
  parser.end(html);
  scan.headings = headingTexts.map((heading) => heading.text);
  scan.bodyText = bodies.map((body) => body.text).join('');
  // A page cut off inside a marked element (the fetcher caps bodies): its text so far counts.
  for (const mark of openMarks) scan.marked[mark.selector] ??= mark.text;
  return scan;
}

function isSourceElement(name: string): boolean {
  return name === 'script' || name === 'iframe' || name === 'frame';
}
