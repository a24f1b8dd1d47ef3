/**
 * `curate mirrors`' table in zh-CN, typed against the English reference (mirrors-en.ts).
 * Terms as in docs/glossary.md: 镜像, 需科学上网, 限流, 可直连. A finder's `detail` is data
 * (an HTTP status, an API's code) and appears as written.
 */
import type { MirrorsText } from './mirrors-en.js';
import { formatNumber } from './format.js';

const count = (value: number): string => formatNumber('zh-CN', value);

export const MIRRORS_TEXT_ZH_CN: MirrorsText = {
  nothingToFind: '没有需要找镜像的资源：需科学上网的资源都已有确认过、可直连的镜像。',
  resourceHeading: (resourceId, region, url) => `${resourceId}（在${region}需科学上网）：${url}`,
  couldNotSearch: (finder, reason, detail) => `${finder}：没能搜索，${reason}（${detail}）`,
  couldNotSearchReason: {
    'rate-limited': '被限流',
    blocked: '被拦截',
    'changed-api': '接口已变更',
    unreachable: '无法访问',
  },
  noStableMirror: (finder, host) => `${finder}：${host} 没有稳定的镜像，curate 不会推荐代理`,
  noCopyMatched: (finder) => `${finder}：已搜索，没有找到对得上的副本`,
  column: { standing: '结论', url: 'URL', evidence: '依据' },
  standing: {
    'matched-by-evidence': '依据充分',
    suggestion: '待人工确认',
    rejected: '已排除',
  },
  checkSaid: (status, reason) =>
    `检查结果为${status}${reason === undefined ? '' : `（${reason}）`}`,
  notOpenIn: (region, access) => `在${region}不能直连（${access}）`,
  evidenceSeparator: '；',
  summary: (resources, matched, blocked) =>
    `${count(resources)} 个资源需要镜像：${count(matched)} 个依据充分` +
    (blocked > 0 ? `，${count(blocked)} 个有来源没能搜索` : '') +
    '。',
  evidence: {
    duration: (seconds, original) => `时长 ${seconds}，YouTube 原视频 ${original}`,
    parts: (parts, seconds, videos, original) =>
      `${parts} 个分P共 ${seconds}，YouTube 播放列表 ${videos} 个视频共 ${original}`,
    titleMatches: (percent) => `标题一致（相似度 ${percent}%）`,
    titleDiffers: (percent) => `标题不同（相似度 ${percent}%）`,
    officialChannel: (name) => `官方账号 ${name}`,
    uploadedBy: (name) => `上传者 ${name}`,
    descriptionNames: (name) => `Gitee 仓库简介里写明了 ${name}`,
    descriptionMatches: (percent) => `简介与 GitHub 上的相似（${percent}%）`,
    pageNames: (name) => `hf-mirror.com 的页面里有 ${name}`,
    samePath: 'hf-mirror.com 上同一路径能打开',
  },
};
