/**
 * The zh-CN texts of the machine-read reports (SARIF rules and results, JUnit test cases), typed
 * as {@link FindingTexts} so a missing text fails the type check. Terms follow docs/glossary.md;
 * rule ids, status and reason words, flags and file names stay as written.
 */
import { CATALOGS, regionName, type Lang } from '../i18n/index.js';
import { describeFinding } from './finding-sentences.js';
import { FINDING_TEXTS_EN, type FindingTexts } from './finding-texts.js';

export const FINDING_TEXTS_ZH_CN: FindingTexts = {
  lang: 'zh-CN',
  status: {
    redirected: {
      title: '链接已迁移',
      meaning: '该 URL 返回了永久重定向（HTTP 301 或 308）：页面已经换了地址。',
      help: '把 URL 改成重定向最终指向的地址（结果里写明了）。`curate fix` 会改写 roadmap.yaml 里所有这类 URL，文件其余部分保持不变。',
    },
    broken: {
      title: '链接失效',
      meaning: '内容已不存在：是服务器、域名解析或平台明确这么说的，不是偶发故障。',
      help: '找到内容的新去处（作者的网站、镜像、存档），替换 URL、添加镜像，或把这个资源从路线图里删掉。',
    },
    unreachable: {
      title: '链接无法访问',
      meaning: '重试之后服务器仍然连不上或出错。这可能只是暂时的，并不能说明内容已经没了。',
      help: '用浏览器打开看看。如果连续几次巡检都打不开（见 `curate history`），再去找新地址或镜像。',
    },
    unverified: {
      title: '无法验证',
      meaning:
        '服务器不让检查程序看到结果（人机验证、需登录、限流、私密视频），页面本身很可能没问题。',
      help: '用浏览器打开确认。如果某个网站总是拦截检查程序，把它加到 `settings.exclude`，或为该站点接受这个状态码。',
    },
  },
  findings: {
    'region/vpn-without-mirror': {
      title: '该地区需科学上网，且没有镜像',
      meaning: '该地区的学习者不科学上网就打不开这个资源，而它没有在该地区可直连的已确认镜像。',
      help: '添加一个在该地区可直连的镜像（`mirrors:` 下，`confirmed: true` 为默认值），或检查过推荐的镜像后把它标为已确认。',
    },
    'region/access-conflict': {
      title: '声明的访问情况与实际不符',
      meaning: '路线图里某个地区的 `access:` 是一种说法，规则或在该地区的检测结果是另一种。',
      help: '改正 `access:` 声明或规则，让路线图告诉学习者真实情况。',
    },
    'title-drift': {
      title: '页面已不是原来的资源',
      meaning: '页面能打开，但标题是占位内容（域名被停放、空服务器、网站被暂停）。',
      help: '打开 URL 看看；如果网站已经没了，换成资源的新地址，或删掉这个资源。',
    },
    archived: {
      title: '仓库已归档',
      meaning: 'GitHub 显示该仓库已归档：仍能打开，但只读，作者不再维护。',
      help: '找一个还在维护的 fork 或后继项目换上，或在资源的 note 里告诉学习者代码已停止更新。',
    },
    renamed: {
      title: '仓库已改名或转移',
      meaning: '平台 API 显示仓库已换了名字或所有者，旧地址只是重定向过去。',
      help: '运行 `curate fix` 把 URL 换成新地址。',
    },
    gated: {
      title: '模型需申请访问',
      meaning: 'Hugging Face 要求学习者登录并同意使用条件后才提供模型文件，有时还要作者审批。',
      help: '在资源的 note 里写明，或添加一个无需申请的镜像。',
    },
    withdrawn: {
      title: '论文已撤回',
      meaning: 'arXiv 显示作者已撤回论文：最新版本是撤回声明，之前的版本仍可阅读。',
      help: '改为链接撤回前的最后一个版本（`…/abs/<id>v<N>`），或换一篇论文。',
    },
    unprobed: {
      title: '未查询：API 配额用完',
      meaning:
        '还没来得及查询这个链接，平台的 API 配额就用完了；页面检查的结果保留，但未经 API 确认。',
      help: '设置 GITHUB_TOKEN 以获得更多配额，或等配额重置后再运行一次。',
    },
  },
  ruleShort: (statusTitle, reasonSentence) => `${statusTitle}：${reasonSentence}`,
  ruleMeaning: (reasonSentence, statusMeaning) => `${reasonSentence}。${statusMeaning}`,
  ruleHelp: (statusHelp, failOnHint) => `${statusHelp}${failOnHint}`,
  failOnHint: (key) => `加上 \`--fail-on ${key}\` 时，出现这个问题会让本次运行失败。`,
  subject: (link) =>
    link.role === 'mirror'
      ? `资源“${link.resourceId}”（${link.title}）的镜像`
      : `资源“${link.resourceId}”（${link.title}）`,
  linkMessage: (link, said) =>
    `${FINDING_TEXTS_ZH_CN.subject(link)}：${link.url ?? FINDING_TEXTS_ZH_CN.noUrl}：${said}`,
  movedTo: (finalUrl) => `已永久迁移到 ${finalUrl}；运行 \`curate fix\` 更新路线图`,
  vpnWithoutMirror: (region, evidence) =>
    `在${regionName(CATALOGS['zh-CN'], region)}需科学上网（${evidence}），且没有在那里可直连的已确认镜像`,
  finding: (finding) => describeFinding(finding, 'zh-CN'),
  noUrl: '（没有 URL）',
  suiteName: FINDING_TEXTS_EN.suiteName,
  caseName: (link) =>
    link.role === 'mirror'
      ? `${link.title}（${link.resourceId}）镜像 ${link.url ?? FINDING_TEXTS_ZH_CN.noUrl}`
      : `${link.title}（${link.resourceId}）`,
  runName: (roadmapTitle, vantage) => `curate check：${roadmapTitle}（${vantage}）`,
  partialRun: '本次运行不完整：并非所有链接都检查过。',
};

const FINDING_TEXTS: Readonly<Record<Lang, FindingTexts>> = {
  en: FINDING_TEXTS_EN,
  'zh-CN': FINDING_TEXTS_ZH_CN,
};

/** The SARIF and JUnit texts of a language. */
export function findingTextsOf(lang: Lang): FindingTexts {
  return FINDING_TEXTS[lang];
}
