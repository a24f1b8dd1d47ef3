/**
 * Login walls: a link that lands on a sign-in form instead of the content.
 */
import type { HtmlScanRequest } from './html-scan-request.js';
import { titleSegments, wordCount, type Headline } from './page-text.js';

const SIGN_IN_HOST_LABELS: ReadonlySet<string> = new Set([
  'login',
  'signin',
  'accounts',
  'account',
  'passport',
  'sso',
  'auth',
]);

// `/login`, `/signin`, `/users/sign_in`, Google's `ServiceLogin`, LinkedIn's `authwall`.
const SIGN_IN_PATH_SEGMENT =
  /^(log[-_]?in|sign[-_]?in|log[-_]?on|sign[-_]?on|servicelogin|authwall|auth|sso|session|sessions)$/i;

/** Whether a URL is itself a sign-in page, so landing there was expected rather than a wall. */
export function isSignInUrl(url: URL): boolean {
  const firstLabel = url.hostname.split('.')[0] ?? '';
  return (
    SIGN_IN_HOST_LABELS.has(firstLabel) ||
    url.pathname.split('/').some((segment) => SIGN_IN_PATH_SEGMENT.test(segment))
  );
}

const SIGN_IN_TITLE = /\b(sign[ -]?in|log[ -]?in|sign on|log on|sign[ -]?up)\b/i;
const CJK_SIGN_IN_TITLE = /(登录|登入|登錄|注册)/u;

function isSignInTitle(text: string | undefined): boolean {
  if (text === undefined) return false;
  return titleSegments(text).some(
    (segment) =>
      (SIGN_IN_TITLE.test(segment) && wordCount(segment) <= 5) ||
      (CJK_SIGN_IN_TITLE.test(segment) && segment.length <= 12),
  );
}

/**
 * What {@link isLoginWallPage} needs read: a password field. Its raw HTML says `type=password`
 * (attribute names are never escaped; a value spelled with character references would be
 * missed, and no page does that), so an `<input>` past the last such text cannot be one, and a
 * long page that merely says "password" need not be read to the end.
 */
export const LOGIN_WALL_SCAN_REQUEST: HtmlScanRequest = {
  passwordField: { hint: /type\s*=\s*["']?password/i },
};

/**
 * A page that is only a sign-in form: two of three signals (a sign-in URL, a sign-in title or
 * heading, a password field), so neither a blog post titled "Login with OAuth" nor a site with a
 * login box in its header counts.
 */
export function isLoginWallPage(
  { title, h1 }: Headline,
  hasPasswordField: boolean,
  finalUrl: URL,
): boolean {
  const signals = [
    isSignInUrl(finalUrl),
    isSignInTitle(title) || isSignInTitle(h1),
    hasPasswordField,
  ];
  return signals.filter(Boolean).length >= 2;
}
