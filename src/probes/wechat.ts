/**
 * The WeChat (微信公众号) article probe. mp.weixin.qq.com has no public API for an article and
 * answers 200 whatever became of it: a deleted or blocked article is a page with an empty
 * `<title>` and the platform's words in `<div class="weui-msg__title warn">` (older pages:
 * `global_error_msg`), with details in `weui-msg__desc`. The probe reads the page the run
 * already fetched (a second request is what brings up the verification wall) and judges it by
 * those words, as they appear in public scrapers and archives of WeChat pages (WeChatscope's
 * censorship notices, article-saver tools):
 *
 * | the page says (message element)                       | verdict                                  |
 * | ----------------------------------------------------- | ---------------------------------------- |
 * | 该内容已被发布者删除 (deleted by the author)            | broken `content-removed`                 |
 * | 此内容因违规无法查看 (removed for a violation)          | broken `content-removed`                 |
 * | 此帐号已被屏蔽 (account blocked)                        | broken `content-removed`                 |
 * | 此帐号已自主注销 (account closed by its owner)          | broken `content-removed`                 |
 * | 被投诉且经审核涉嫌侵权，无法查看 (infringement takedown) | broken `content-removed`                 |
 * | 链接已过期 (a temporary link that expired)              | broken `content-removed`                 |
 * | 该公众号已迁移 (the account moved), with the new link   | redirected to `transferTargetLink`       |
 * | 该公众号已迁移, no link found                           | unverified `content-moved`               |
 * | 环境异常 / 完成验证后即可继续访问 (verification wall)    | unverified `bot-wall`                    |
 * | no message, an og:title or `var msg_title`            | confirmed, with the article's title      |
 * | anything else (参数错误, an unknown message, no page)   | inconclusive: the HTTP answer stands     |
 *
 * The migration page keeps the account's new article in a script variable,
 * `var transferTargetLink = '…'` (as tt-rss's WeChat plugin reads it); a page without one is
 * never called broken. The words are matched without whitespace or punctuation, so "侵权,无法查看"
 * and "侵权，无法查看" are one phrase. A verification wall is recognised by its words or by the
 * captcha path it redirects to (`/mp/wappoc_appmsgcaptcha`): it says nothing about the article.
 */
import { assertNever, type UnverifiedReason } from '../domain.js';
import { permanentMove, type BrokenPlatformReason } from '../outcome/model.js';
import { scanHtml } from '../classify/html-scan.js';
import { platformMessageScanRequest, platformMessagesOf } from '../classify/platform-messages.js';
import { findPhrase, outcomeVerdict, pageReadingProbe, type PhraseRow } from './page-probe.js';
import type { Probe, ProbeResponse, ProbeVerdict } from './probe.js';

const PROBE_ID = 'wechat';
const HOST = 'mp.weixin.qq.com';
const CAPTCHA_PATH = '/mp/wappoc_appmsgcaptcha';

/** What a WeChat message means for the article. */
type Meaning =
  | { kind: 'broken'; reason: BrokenPlatformReason }
  | { kind: 'unverified'; reason: UnverifiedReason }
  | { kind: 'moved' };

const REMOVED: Meaning = { kind: 'broken', reason: 'content-removed' };
const WALL: Meaning = { kind: 'unverified', reason: 'bot-wall' };

// The wall first: its description may mention other words.
const PHRASES: readonly PhraseRow<Meaning>[] = [
  { phrase: '环境异常', meaning: WALL },
  { phrase: '完成验证后即可继续访问', meaning: WALL },
  { phrase: '该内容已被发布者删除', meaning: REMOVED },
  { phrase: '此内容因违规无法查看', meaning: REMOVED },
  { phrase: '此帐号已被屏蔽', meaning: REMOVED },
  { phrase: '此帐号已自主注销', meaning: REMOVED },
  { phrase: '被投诉且经审核涉嫌侵权，无法查看', meaning: REMOVED },
  { phrase: '链接已过期', meaning: REMOVED },
  { phrase: '该公众号已迁移', meaning: { kind: 'moved' } },
];

/** Whether a URL is a WeChat article: `/s/<id>` or `/s?__biz=…&mid=…`. */
export function isWechatArticleUrl(url: URL): boolean {
  if (url.hostname.toLowerCase() !== HOST) return false;
  return url.pathname.startsWith('/s/')
    ? url.pathname.length > '/s/'.length
    : url.pathname === '/s' && url.searchParams.has('__biz');
}

const TRANSFER_LINK = /\btransferTargetLink\s*=\s*(["'])(.*?)\1/s;
const MSG_TITLE = /\bvar\s+msg_title\s*=\s*(["'])(.*?)\1/s;

/** A URL written in WeChat's inline script, where `&` appears as `\x26` or `&amp;`. */
function unescapeScriptUrl(text: string): string {
  return text.replace(/\\x26/gi, '&').replace(/&amp;/g, '&').replace(/\\\//g, '/');
}

/** The new article a migration page points to, when it names a web address. */
export function readTransferLink(html: string): string | undefined {
  const written = TRANSFER_LINK.exec(html)?.[2];
  if (written === undefined) return undefined;
  const link = unescapeScriptUrl(written.trim());
  if (!URL.canParse(link)) return undefined;
  const url = new URL(link);
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
}

/** What a fetched WeChat page says about its article. */
export function readWechatPage(response: ProbeResponse): ProbeVerdict {
  if (response.kind === 'failure') {
    return { kind: 'inconclusive', detail: `WeChat page not reachable: ${response.reason}` };
  }
  const finalUrl = URL.canParse(response.finalUrl) ? new URL(response.finalUrl) : undefined;
  if (finalUrl?.hostname === HOST && finalUrl.pathname === CAPTCHA_PATH) {
    return outcomeVerdict({
      status: 'unverified',
      reason: 'bot-wall',
      httpStatus: response.status,
      detail: `WeChat sent the checker to its verification page (${CAPTCHA_PATH})`,
    });
  }
  const html = response.body;
  if (html === undefined || finalUrl === undefined || finalUrl.hostname !== HOST) {
    return {
      kind: 'inconclusive',
      detail: `WeChat answered HTTP ${response.status} at ${response.finalUrl} without a page to read`,
    };
  }
  const scan = scanHtml(html, platformMessageScanRequest(finalUrl));
  const messages = platformMessagesOf(scan, finalUrl);
  const found = findPhrase(messages, PHRASES);
  if (found !== undefined) return verdictOf(found.row.meaning, found.said, html, response.status);
  const title = nonEmpty(scan.ogTitle) ?? nonEmpty(MSG_TITLE.exec(html)?.[2]);
  if (title !== undefined && messages.length === 0) return { kind: 'confirmed', title };
  return {
    kind: 'inconclusive',
    detail:
      messages.length > 0
        ? `WeChat says "${messages.join(' ')}": not understood`
        : 'the WeChat page shows neither an article nor a message',
  };
}

function verdictOf(meaning: Meaning, said: string, html: string, httpStatus: number): ProbeVerdict {
  const detail = `WeChat says "${said}"`;
  switch (meaning.kind) {
    case 'broken':
      return outcomeVerdict({ status: 'broken', reason: meaning.reason, httpStatus, detail });
    case 'unverified':
      return outcomeVerdict({ status: 'unverified', reason: meaning.reason, httpStatus, detail });
    case 'moved': {
      const link = readTransferLink(html);
      return link === undefined
        ? outcomeVerdict({
            status: 'unverified',
            reason: 'content-moved',
            httpStatus,
            detail: `${detail}; the page gives no new link`,
          })
        : outcomeVerdict(permanentMove(httpStatus, link));
    }
    default:
      return assertNever(meaning);
  }
}

function nonEmpty(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/** Matches WeChat articles and judges the article page by the platform's own words. */
export const wechatProbe: Probe = pageReadingProbe(PROBE_ID, isWechatArticleUrl, readWechatPage);
