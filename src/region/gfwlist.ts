/**
 * AutoProxy lists (the format of gfwlist): parse once into an index, then match URLs against it.
 *
 * Semantics, after AutoProxy's rule syntax (as gfwlist documents it) and SwitchyOmega's reading
 * of it, matching case-insensitively as Adblock Plus (AutoProxy's parent) does:
 * - `||example.com` — that host and all its subdomains, any scheme. Label boundaries count:
 *   `||x.co` never matches `x.com`. A path after the host (`||host/path*`) must match the
 *   start of the URL's path and query. `*` in the host matches anything, so `||cdn*.x.com` works.
 * - `|http://prefix` — the URL starts with the prefix (`*` wildcards; a trailing `|` anchors the end).
 * - `keyword`, including `.example.com` — a substring of the URL after `http://`, for http URLs
 *   only: AutoProxy applies bare keywords to http, since a proxy never sees an https URL's path.
 * - `/regex/` — a JavaScript regular expression tested against the whole URL; one that JavaScript
 *   cannot compile is skipped and listed in `skipped`.
 * - `@@rule` — an exception: when any exception matches, the URL is not blocked, whatever else matches.
 * - `!` comments and the `[AutoProxy x.y]` header are ignored; so are Adblock Plus element-hiding
 *   rules (`##`), which say nothing about URLs.
 */
import { assertNever } from '../domain.js';
import { InputError, wholeFileProblem } from '../errors.js';
import { regionRulesTextOf, type Lang } from '../i18n/index.js';
import { compileRule, type CompiledRule, type DomainRule, type UrlRule } from './autoproxy-rule.js';

/** A list line that takes no part in matching, and why. */
export type SkippedLine = { line: number; text: string; reason: string };

/** Rules indexed so that a URL is tested only against rules that could match its host. */
type RuleIndex = {
  /** Domain rules by the domain they name (for a wildcard host: its literal tail, e.g. `x.com`). */
  byDomain: Map<string, DomainRule[]>;
  /** Prefix rules by the literal start of their host (`|http://radiko.jp` → `radiko.jp`). */
  byHostStart: Map<string, UrlRule[]>;
  /** Rules no host key can find (keywords, regexes, hosts starting with `*`): tested one by one. */
  scanned: CompiledRule[];
};

/** A parsed AutoProxy list, ready for {@link matchAutoProxy}. */
export type AutoProxyList = {
  /** The name verdicts cite the list by, e.g. `gfwlist.txt`. */
  name: string;
  encoding: 'plain' | 'base64';
  /** From the `[AutoProxy 0.2.9]` header, when there is one. */
  version: string | undefined;
  ruleCounts: { blocking: number; exceptions: number };
  skipped: readonly SkippedLine[];
  blocking: RuleIndex;
  exceptions: RuleIndex;
};

/** What a list says about a URL; `rule` is the deciding line as written (an `@@` line when an exception won). */
export type AutoProxyMatch = { isBlocked: boolean; rule: string | undefined };

/**
 * Parses an AutoProxy list, plain or base64-wrapped; throws an {@link InputError} (filed under
 * `listName`) when the text is neither.
 */
export function parseAutoProxyList(
  text: string,
  listName: string,
  lang: Lang = 'en',
): AutoProxyList {
  const { text: plain, encoding } = decodeListText(text, listName, lang);
  const skipped: SkippedLine[] = [];
  const list: AutoProxyList = {
    name: listName,
    encoding,
    version: undefined,
    ruleCounts: { blocking: 0, exceptions: 0 },
    skipped,
    blocking: emptyIndex(),
    exceptions: emptyIndex(),
  };
  plain.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    if (text === '' || text.startsWith('!')) return;
    if (text.startsWith('[')) {
      const header = /^\[AutoProxy\s*([\d.]*)\s*\]$/i.exec(text);
      if (header === null) skipped.push({ line, text, reason: 'unknown header' });
      else list.version ??= header[1] === '' ? undefined : header[1];
      return;
    }
    if (text.includes('##') || text.includes('#@#')) {
      skipped.push({ line, text, reason: 'element-hiding rule: says nothing about URLs' });
      return;
    }
    const isException = text.startsWith('@@');
    const compiled = compileRule(isException ? text.slice(2) : text, text);
    if ('skip' in compiled) {
      skipped.push({ line, text, reason: compiled.skip });
      return;
    }
    addRule(isException ? list.exceptions : list.blocking, compiled.rule, compiled.key);
    list.ruleCounts[isException ? 'exceptions' : 'blocking'] += 1;
  });
  return list;
}

/** Matches a URL against a list: an exception beats any blocking rule. */
export function matchAutoProxy(list: AutoProxyList, url: URL): AutoProxyMatch {
  const exception = findRule(list.exceptions, url);
  if (exception !== undefined) return { isBlocked: false, rule: exception.text };
  const blocking = findRule(list.blocking, url);
  return { isBlocked: blocking !== undefined, rule: blocking?.text };
}

function decodeListText(
  text: string,
  listName: string,
  lang: Lang,
): { text: string; encoding: 'plain' | 'base64' } {
  const withoutBom = text.replace(/^\uFEFF/, '');
  if (looksLikePlainList(withoutBom)) return { text: withoutBom, encoding: 'plain' };
  const decoded = decodeBase64(withoutBom);
  if (decoded !== undefined && looksLikePlainList(decoded))
    return { text: decoded, encoding: 'base64' };
  const words = regionRulesTextOf(lang);
  throw new InputError(
    words.notAutoProxy(listName),
    [wholeFileProblem(listName, words.notAutoProxyProblem, words.notAutoProxyHint)],
    { lang },
  );
}

function looksLikePlainList(text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/).map((line) => line.trim());
  const first = lines.find((line) => line !== '' && !line.startsWith('!'));
  return first?.startsWith('[AutoProxy') === true || lines.some((line) => /^(@@)?\|\|/.test(line));
}

function decodeBase64(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
  try {
    const bytes = Uint8Array.from(atob(compact), (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // Not base64 after all, or not UTF-8 inside: the caller reports the list as unreadable.
    return undefined;
  }
}

function emptyIndex(): RuleIndex {
  return { byDomain: new Map(), byHostStart: new Map(), scanned: [] };
}

function addRule(index: RuleIndex, rule: CompiledRule, key: string | undefined): void {
  if (key === undefined) index.scanned.push(rule);
  else if (rule.kind === 'domain') pushTo(index.byDomain, key, rule);
  else pushTo(index.byHostStart, key, rule);
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const values = map.get(key);
  if (values === undefined) map.set(key, [value]);
  else values.push(value);
}

/** The first rule that matches, most specific first: domain rules, then prefixes, then the rest. */
function findRule(index: RuleIndex, url: URL): CompiledRule | undefined {
  const host = hostOf(url);
  for (const domain of domainSuffixes(host)) {
    const rule = index.byDomain.get(domain)?.find((candidate) => matchesRule(candidate, url, host));
    if (rule !== undefined) return rule;
  }
  for (let end = host.length; end > 0; end -= 1) {
    const rule = index.byHostStart
      .get(host.slice(0, end))
      ?.find((candidate) => matchesRule(candidate, url, host));
    if (rule !== undefined) return rule;
  }
  return index.scanned.find((candidate) => matchesRule(candidate, url, host));
}

function matchesRule(rule: CompiledRule, url: URL, host: string): boolean {
  switch (rule.kind) {
    case 'domain':
      // The index already matched the host's labels; a wildcard host and a path narrow it further.
      return (
        (rule.hostPattern === undefined || rule.hostPattern.test(host)) &&
        (rule.pathPattern === undefined || rule.pathPattern.test(url.pathname + url.search))
      );
    case 'prefix':
    case 'regex':
      return rule.pattern.test(url.href);
    case 'keyword':
      return url.protocol === 'http:' && rule.pattern.test(url.href.slice('http://'.length));
    default:
      return assertNever(rule);
  }
}

function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/\.$/, '');
}

/** `a.b.example.com` → itself, `b.example.com`, `example.com`, `com`: every domain it lies under. */
function* domainSuffixes(host: string): Generator<string> {
  let rest = host;
  while (rest !== '') {
    yield rest;
    const dot = rest.indexOf('.');
    rest = dot === -1 ? '' : rest.slice(dot + 1);
  }
}
