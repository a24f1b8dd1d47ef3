/**
 * Where platforms write "this is gone" when the page itself answers 200: not in `<title>` or
 * `<h1>` but in an element of their own (WeChat's `weui-msg__title`, Baidu Netdisk's
 * `share_nofound_des`, Zhihu's `ErrorPage-title`). A rule names those elements for its own hosts
 * only, so every other page is scanned exactly as before, and the scan stays bounded: it waits
 * for a marked element only while the element's class or id is still written ahead in the page
 * (decision 12).
 *
 * The texts feed the soft-404 check (a "not found" phrase there counts like one in the title)
 * and the platform probes in `src/probes/`, which read their platform's own words.
 */
import { scanHtml } from './html-scan.js';
import type { HtmlScan, HtmlScanRequest, MarkSelector } from './html-scan-request.js';
import { collapse } from './page-text.js';

/** The elements one platform writes its status messages in, in the order they are read. */
type PlatformMessageRule = {
  /** Host names the rule applies to (exact, lower case). */
  hosts: readonly string[];
  selectors: readonly MarkSelector[];
};

const RULES: readonly PlatformMessageRule[] = [
  {
    // Deleted, blocked and verification pages: `<div class="weui-msg__title warn">…</div>` with
    // an explanation in `weui-msg__desc`; older pages use `global_error_msg`.
    hosts: ['mp.weixin.qq.com'],
    selectors: ['.weui-msg__title', '.weui-msg__desc', '.global_error_msg'],
  },
  {
    // An expired share: `<div id="share_nofound_des">啊哦，你来晚了，…</div>`.
    hosts: ['pan.baidu.com', 'yun.baidu.com'],
    selectors: ['#share_nofound_des', '.error-content', '.share-error-left'],
  },
  {
    // Zhihu's error page: `<h1 class="ErrorPage-title">…</h1>`, `<p class="ErrorPage-subtitle">`.
    hosts: ['www.zhihu.com', 'zhihu.com', 'zhuanlan.zhihu.com'],
    selectors: ['.ErrorPage-title', '.ErrorPage-subtitle'],
  },
];

/** Hosts whose pages are read for their platform messages, wherever those stand in the page. */
export const PLATFORM_MESSAGE_HOSTS: readonly string[] = RULES.flatMap((rule) => rule.hosts);

function ruleFor(url: URL): PlatformMessageRule | undefined {
  const host = url.hostname.toLowerCase();
  return RULES.find((rule) => rule.hosts.includes(host));
}

/** The scan request that reads a page's platform messages; empty for hosts without a rule. */
export function platformMessageScanRequest(url: URL): HtmlScanRequest {
  const rule = ruleFor(url);
  return rule === undefined ? {} : { marked: rule.selectors };
}

/** The platform messages a scan read for a page at `url`, whitespace collapsed, empty ones left out. */
export function platformMessagesOf(scan: HtmlScan, url: URL): string[] {
  const rule = ruleFor(url);
  if (rule === undefined) return [];
  return rule.selectors
    .map((selector) => collapse(scan.marked[selector] ?? ''))
    .filter((text) => text !== '');
}

/** A page's platform messages, read in a scan of their own (for probes that read the page). */
export function readPlatformMessages(html: string, url: URL): string[] {
  return platformMessagesOf(scanHtml(html, platformMessageScanRequest(url)), url);
}
