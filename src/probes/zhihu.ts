/**
 * The Zhihu (知乎) probe. Zhihu answers a checker with 403 or sends it to a sign-in or "unhuman"
 * verification page far more often than it shows a dead page; its error page (`ErrorPage-title`,
 * "你似乎来到了没有知识存在的荒原") normally comes with a 404, and when it comes with a 200 it
 * still means the content is gone. The probe reads the page the run already fetched:
 *
 * | the run's answer for a Zhihu content page                        | verdict                 |
 * | ---------------------------------------------------------------- | ----------------------- |
 * | 403 from zhihu.com (the anti-crawler answer to a visitor without a login) | unverified `login-wall` |
 * | ended on `www.zhihu.com/signin` (the login wall)                  | unverified `login-wall` |
 * | ended on `www.zhihu.com/account/unhuman` (the captcha)            | unverified `bot-wall`   |
 * | 200 with `ErrorPage-title` "你似乎来到了没有知识存在的荒原" or "…已被删除" | broken `content-removed` |
 * | anything else                                                    | inconclusive: the HTTP answer stands |
 *
 * A 404 needs no probe (probes only refine answers that looked alive or unverifiable).
 */
import { scanHtml } from '../classify/html-scan.js';
import { platformMessageScanRequest, platformMessagesOf } from '../classify/platform-messages.js';
import { findPhrase, outcomeVerdict, pageReadingProbe, type PhraseRow } from './page-probe.js';
import type { Probe, ProbeResponse, ProbeVerdict } from './probe.js';

const PROBE_ID = 'zhihu';
const HOSTS: ReadonlySet<string> = new Set(['www.zhihu.com', 'zhihu.com', 'zhuanlan.zhihu.com']);
const CONTENT_PATH = /^\/(p|question|answer|zvideo|pin|column)\/\d+/;

const REMOVED_PHRASES: readonly PhraseRow<'removed'>[] = [
  { phrase: '你似乎来到了没有知识存在的荒原', meaning: 'removed' },
  { phrase: '已被删除', meaning: 'removed' },
];

/** Whether a URL is a Zhihu article, question, answer, video, pin or column. */
export function isZhihuContentUrl(url: URL): boolean {
  return HOSTS.has(url.hostname.toLowerCase()) && CONTENT_PATH.test(url.pathname);
}

/** What the run's answer for a Zhihu page says about the content. */
export function readZhihuPage(response: ProbeResponse): ProbeVerdict {
  if (response.kind === 'failure') {
    return { kind: 'inconclusive', detail: `Zhihu not reachable: ${response.reason}` };
  }
  const finalUrl = URL.canParse(response.finalUrl) ? new URL(response.finalUrl) : undefined;
  if (finalUrl === undefined || !HOSTS.has(finalUrl.hostname)) {
    return { kind: 'inconclusive', detail: `Zhihu answered at ${response.finalUrl}` };
  }
  const httpStatus = response.status;
  if (finalUrl.pathname.startsWith('/account/unhuman')) {
    const detail = 'Zhihu sent the checker to its verification page (/account/unhuman)';
    return outcomeVerdict({ status: 'unverified', reason: 'bot-wall', httpStatus, detail });
  }
  if (httpStatus === 403 || finalUrl.pathname.startsWith('/signin')) {
    const detail =
      httpStatus === 403
        ? 'Zhihu answers HTTP 403 to a visitor without a login'
        : `Zhihu sent the checker to its sign-in page: ${finalUrl.origin}${finalUrl.pathname}`;
    return outcomeVerdict({ status: 'unverified', reason: 'login-wall', httpStatus, detail });
  }
  if (httpStatus !== 200 || response.body === undefined) {
    return { kind: 'inconclusive', detail: `Zhihu answered HTTP ${httpStatus}` };
  }
  const scan = scanHtml(response.body, platformMessageScanRequest(finalUrl));
  const found = findPhrase(platformMessagesOf(scan, finalUrl), REMOVED_PHRASES);
  if (found === undefined) return { kind: 'inconclusive', detail: 'Zhihu shows no error page' };
  return outcomeVerdict({
    status: 'broken',
    reason: 'content-removed',
    httpStatus,
    detail: `Zhihu says "${found.said}"`,
  });
}

/** Matches Zhihu content pages and reads walls and error pages from the run's answer. */
export const zhihuProbe: Probe = pageReadingProbe(PROBE_ID, isZhihuContentUrl, readZhihuPage);
