/**
 * Title drift: a page that still answers 200 but no longer is what the roadmap links to (a
 * domain that expired into a parking or placeholder page). Roadmap titles are Chinese and pages
 * are often English, so titles are not compared for similarity; only pages whose title is
 * clearly generic are flagged. Conservative on purpose: a false alarm costs a maintainer more
 * than a missed one, and the classifier already reports the parked pages it recognises.
 */
import type { TitleDrift } from './schema.js';

/** Placeholder titles of parked domains, fresh servers and suspended hosting accounts. */
const GENERIC_TITLES: readonly RegExp[] = [
  /\bdomain\b.*\bfor sale\b/i,
  /\bbuy this domain\b/i,
  /\bdomain (is |has been )?parked\b/i,
  /^parked\b/i,
  /\bcoming soon\b/i,
  /\bunder construction\b/i,
  /^welcome to nginx\b/i,
  /^apache2? .*default page\b/i,
  /^iis windows server$/i,
  /^test page for the (apache|nginx)\b/i,
  /^index of \//i,
  /^account suspended\b/i,
  /^site not found\b/i,
  /^just another wordpress site$/i,
  /域名.*(出售|转让)/,
];

/** A title that is nothing but a domain name, as parking pages show it. */
const BARE_DOMAIN = /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;

/**
 * Flags a page whose title says it is a placeholder, or is a bare domain name sharing no word
 * with the roadmap's title. Only pages the classifier found `ok` are considered.
 */
export function detectTitleDrift(
  roadmapTitle: string,
  check: { status: string; pageTitle?: string | undefined },
): TitleDrift | undefined {
  if (check.status !== 'ok' || check.pageTitle === undefined) return undefined;
  const pageTitle = check.pageTitle.replace(/\s+/g, ' ').trim();
  if (pageTitle === '') return undefined;
  if (GENERIC_TITLES.some((pattern) => pattern.test(pageTitle))) {
    return {
      pageTitle,
      reason: 'the page title is a placeholder (parked domain, empty server or suspended site)',
    };
  }
  if (BARE_DOMAIN.test(pageTitle) && !sharesWord(pageTitle, roadmapTitle)) {
    return {
      pageTitle,
      reason:
        'the page title is a bare domain name unrelated to the roadmap title, as parked domains show',
    };
  }
  return undefined;
}

/**
 * Whether any label of the domain title (3+ characters, `www` and TLDs aside) appears in the
 * roadmap title with spaces and punctuation removed: `huggingface.co` shares with "Hugging Face 课程".
 */
function sharesWord(domainTitle: string, roadmapTitle: string): boolean {
  const compact = roadmapTitle.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const labels = domainTitle.toLowerCase().split('.').slice(0, -1);
  return labels
    .flatMap((label) => label.split('-'))
    .filter((word) => word.length >= 3 && word !== 'www')
    .some((word) => compact.includes(word));
}
