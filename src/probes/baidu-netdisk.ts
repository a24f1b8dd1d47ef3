/**
 * The Baidu Netdisk (百度网盘) share probe. A share link (`pan.baidu.com/s/1…`,
 * `/share/init?surl=…`) answers 200 whether the share is alive or long gone; the page's title
 * ("百度网盘-链接不存在") and its error block (`#share_nofound_des`) say which. The probe reads
 * the page the run already fetched, as for WeChat. Observed wording of expired shares, as
 * quoted in public share-checker tools:
 *
 * | the page says (title or error block)                        | verdict                            |
 * | ----------------------------------------------------------- | ---------------------------------- |
 * | 链接不存在 (no such link)                                     | broken `content-removed`           |
 * | 分享的文件已经被取消 (the owner cancelled the share)            | broken `content-removed`           |
 * | 分享的文件已经被删除 ("啊哦，你来晚了，…已经被删除了")            | broken `content-removed`           |
 * | 此链接分享内容可能因为涉及侵权 (taken down)                     | broken `content-removed`           |
 * | 分享已过期 / 链接已过期 (the share's validity ran out)          | broken `content-removed`           |
 * | 请输入提取码 (asks for the extract code: the share exists)      | confirmed                          |
 * | anything else                                               | inconclusive: the HTTP answer stands |
 */
import { scanHtml } from '../classify/html-scan.js';
import { platformMessageScanRequest, platformMessagesOf } from '../classify/platform-messages.js';
import { collapse } from '../classify/page-text.js';
import { findPhrase, outcomeVerdict, pageReadingProbe, type PhraseRow } from './page-probe.js';
import type { Probe, ProbeResponse, ProbeVerdict } from './probe.js';

const PROBE_ID = 'baidu-netdisk';
const HOSTS: ReadonlySet<string> = new Set(['pan.baidu.com', 'yun.baidu.com']);

const PHRASES: readonly PhraseRow<'removed' | 'alive'>[] = [
  { phrase: '链接不存在', meaning: 'removed' },
  { phrase: '分享的文件已经被取消', meaning: 'removed' },
  { phrase: '分享的文件已经被删除', meaning: 'removed' },
  { phrase: '此链接分享内容可能因为涉及侵权', meaning: 'removed' },
  { phrase: '分享已过期', meaning: 'removed' },
  { phrase: '链接已过期', meaning: 'removed' },
  { phrase: '请输入提取码', meaning: 'alive' },
];

/** Whether a URL is a Netdisk share: `/s/<code>`, `/share/init?surl=…` or `/share/link?shareid=…`. */
export function isNetdiskShareUrl(url: URL): boolean {
  if (!HOSTS.has(url.hostname.toLowerCase())) return false;
  const { pathname, searchParams } = url;
  return (
    /^\/s\/[\w-]+$/.test(pathname) ||
    (pathname === '/share/init' && searchParams.has('surl')) ||
    (pathname === '/share/link' && searchParams.has('shareid'))
  );
}

/** What a fetched share page says about the share. */
export function readNetdiskPage(response: ProbeResponse): ProbeVerdict {
  if (response.kind === 'failure') {
    return { kind: 'inconclusive', detail: `Baidu Netdisk not reachable: ${response.reason}` };
  }
  const finalUrl = URL.canParse(response.finalUrl) ? new URL(response.finalUrl) : undefined;
  if (response.body === undefined || finalUrl === undefined || !HOSTS.has(finalUrl.hostname)) {
    return {
      kind: 'inconclusive',
      detail: `Baidu Netdisk answered HTTP ${response.status} at ${response.finalUrl} without a page to read`,
    };
  }
  const scan = scanHtml(response.body, platformMessageScanRequest(finalUrl));
  const said = [collapse(scan.title ?? ''), ...platformMessagesOf(scan, finalUrl)];
  const found = findPhrase(said, PHRASES);
  if (found === undefined) {
    return { kind: 'inconclusive', detail: 'the share page says neither gone nor alive' };
  }
  if (found.row.meaning === 'alive') return { kind: 'confirmed', title: undefined };
  return outcomeVerdict({
    status: 'broken',
    reason: 'content-removed',
    httpStatus: response.status,
    detail: `Baidu Netdisk says "${found.said}"`,
  });
}

/** Matches Netdisk share links and judges the share page by the platform's own words. */
export const baiduNetdiskProbe: Probe = pageReadingProbe(
  PROBE_ID,
  isNetdiskShareUrl,
  readNetdiskPage,
);
