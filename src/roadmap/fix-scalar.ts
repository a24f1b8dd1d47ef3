/**
 * How `curate fix` writes a new URL where an old one stood: in the old scalar's quoting style,
 * so the line reads as before, unless the new URL would then read back differently.
 */
import type { Scalar } from 'yaml';

/** The new URL in the old scalar's style (`type`), falling back to double quotes where needed. */
export function renderUrlScalar(url: string, type: Scalar['type'], isInFlow: boolean): string {
  if (type === 'PLAIN' && isPlainSafe(url, isInFlow)) return url;
  if (type === 'QUOTE_SINGLE' && !hasControlCharacter(url)) return `'${url.replaceAll("'", "''")}'`;
  // JSON's escapes (\" \\ \n \uXXXX) are all valid in a YAML double-quoted scalar.
  return JSON.stringify(url);
}

/**
 * Whether a URL reads back as the same string when written unquoted: no spaces or control
 * characters, no trailing `:` (it would become a key), and no flow indicators inside `{ }`/`[ ]`.
 */
function isPlainSafe(url: string, isInFlow: boolean): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S*$/.test(url) || url.endsWith(':')) return false;
  if (hasControlCharacter(url)) return false;
  return !isInFlow || !/[,[\]{}]/.test(url);
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
