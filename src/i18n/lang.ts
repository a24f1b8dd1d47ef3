/** Which of curate's languages a BCP 47 tag or a POSIX locale (`zh_CN.UTF-8`) asks for. */
import { LANGS, type Lang } from './catalog.js';

/**
 * The curate language for a tag: any Chinese (`zh`, `zh-CN`, `zh_CN.UTF-8`, `zh-Hans`) is
 * `zh-CN`, the only Chinese catalog; English and anything else is `en`. Undefined or empty
 * gives undefined, so a caller can fall through to its next source.
 */
export function langOf(tag: string | undefined): Lang | undefined {
  if (tag === undefined) return undefined;
  const normalized = tag.trim().replace(/_/g, '-').replace(/\..*$/, '').toLowerCase();
  if (normalized === '' || normalized === 'c' || normalized === 'posix') return undefined;
  if (normalized === 'zh' || normalized.startsWith('zh-')) return 'zh-CN';
  return 'en';
}

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}
