/**
 * One AutoProxy rule line compiled to what matching needs: a `||` domain (its index key, and a
 * host wildcard or path that narrows it), a `|` prefix (keyed by the literal start of its host),
 * a keyword or a `/regex/`. The semantics are gfwlist.ts's header.
 */
import { domainToASCII } from 'node:url';

/** A `||` rule: a host and its subdomains, maybe narrowed by a host wildcard and a path. */
export type DomainRule = {
  kind: 'domain';
  text: string;
  hostPattern: RegExp | undefined;
  pathPattern: RegExp | undefined;
};

/** A rule tested against the URL's text. */
export type UrlRule = {
  kind: 'prefix' | 'keyword' | 'regex';
  text: string;
  pattern: RegExp;
};

/** One rule line, compiled. */
export type CompiledRule = DomainRule | UrlRule;

/** A compiled rule with the key that indexes it (none: tested one by one), or why the line is skipped. */
export type Compiled = { rule: CompiledRule; key: string | undefined } | { skip: string };

/** Compiles one rule's body (without a leading `@@`); `text` is the line as written. */
export function compileRule(body: string, text: string): Compiled {
  if (body === '') return { skip: 'empty rule' };
  if (body.length > 2 && body.startsWith('/') && body.endsWith('/'))
    return compileRegex(body, text);
  if (body.startsWith('||')) return compileDomain(body.slice(2), text);
  if (body.startsWith('|')) return compilePrefix(body.slice(1), text);
  const isEndAnchored = body.endsWith('|');
  const keyword = isEndAnchored ? body.slice(0, -1) : body;
  if (keyword === '') return { skip: 'empty rule' };
  return {
    rule: {
      kind: 'keyword',
      text,
      pattern: new RegExp(wildcardSource(keyword) + (isEndAnchored ? '$' : ''), 'i'),
    },
    key: undefined,
  };
}

function compileRegex(body: string, text: string): Compiled {
  try {
    return {
      rule: { kind: 'regex', text, pattern: new RegExp(body.slice(1, -1), 'i') },
      key: undefined,
    };
  } catch (error) {
    return { skip: `regular expression JavaScript cannot compile: ${(error as Error).message}` };
  }
}

function compileDomain(rest: string, text: string): Compiled {
  const slash = rest.indexOf('/');
  const hostText = (slash === -1 ? rest : rest.slice(0, slash))
    .replace(/[|^]+$/, '')
    .replace(/\.$/, '');
  const path = slash === -1 ? '' : rest.slice(slash).replace(/\|$/, '');
  if (hostText === '') return { skip: 'no domain after "||"' };
  if (hostText.includes(':')) return { skip: 'ports in domain rules are not supported' };
  const pathPattern = path === '' ? undefined : new RegExp(`^${wildcardSource(path)}`, 'i');
  if (!hostText.includes('*')) {
    const host = asciiHost(hostText);
    if (host === undefined) return { skip: `"${hostText}" is not a domain name` };
    return { rule: { kind: 'domain', text, hostPattern: undefined, pathPattern }, key: host };
  }
  // A wildcard host is indexed by the labels after its last wildcard, then tested in full.
  const labels = hostText.toLowerCase().split('.');
  const lastWildcard = labels.findLastIndex((part) => part.includes('*'));
  const tail = labels.slice(lastWildcard + 1).join('.');
  const hostPattern = new RegExp(`(?:^|\\.)${wildcardSource(hostText)}$`, 'i');
  return {
    rule: { kind: 'domain', text, hostPattern, pathPattern },
    key: tail === '' ? undefined : tail,
  };
}

function compilePrefix(rest: string, text: string): Compiled {
  const isEndAnchored = rest.endsWith('|');
  const prefix = isEndAnchored ? rest.slice(0, -1) : rest;
  if (prefix === '') return { skip: 'no URL after "|"' };
  const pattern = new RegExp(`^${wildcardSource(prefix)}${isEndAnchored ? '$' : ''}`, 'i');
  const schemeEnd = prefix.indexOf('://');
  // The literal start of the host: enough to find the rule from a URL's host.
  const hostStart =
    schemeEnd === -1
      ? ''
      : (/^[^/:?#*^|]*/.exec(prefix.slice(schemeEnd + 3))?.[0] ?? '').toLowerCase();
  return { rule: { kind: 'prefix', text, pattern }, key: hostStart === '' ? undefined : hostStart };
}

/** Turns an AutoProxy pattern into regex source: `*` is anything, `^` a separator. */
function wildcardSource(pattern: string): string {
  let source = '';
  for (const char of pattern.replace(/\*+/g, '*')) {
    if (char === '*') source += '.*';
    else if (char === '^') source += '(?:[^\\w.%-]|$)';
    else source += char.replace(/[.+?${}()|[\]\\/]/g, '\\$&');
  }
  return source;
}

function asciiHost(text: string): string | undefined {
  const lower = text.toLowerCase();
  // eslint-disable-next-line no-control-regex -- the ASCII range, to spot names that need IDNA
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  const ascii = domainToASCII(lower);
  return ascii === '' ? undefined : ascii;
}
