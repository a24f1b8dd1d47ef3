/**
 * The sentence each finding gets in a report, one catalog per language keyed by finding kind,
 * so that a translation (zh-CN) is one more object of the same type and no formatter builds a
 * sentence of its own. Finding words stay English everywhere: they are the contract. The
 * sentences are plain text, no Markdown: annotations, SARIF, JUnit and report.html show them as
 * written, and report.md escapes them.
 */
import { assertNever } from '../assert-never.js';
import type { Lang } from '../i18n/index.js';
import type { Finding, FindingKind, FindingOf } from '../outcome/findings.js';

/** The languages reports can speak; `en` is the reference. */
export type ReportLanguage = Lang;

/** One sentence per finding kind, made from the finding's own fields. */
export type FindingSentences = { readonly [K in FindingKind]: (finding: FindingOf<K>) => string };

const PLATFORM_NAMES = { github: 'GitHub', huggingface: 'Hugging Face', arxiv: 'arXiv' } as const;

/** `2026-12-02T14:00:00.000Z` → `2026-12-02 14:00 UTC`: when a quota comes back, to the minute. */
function minute(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = date.toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}

/** `2024-03-01T10:00:00Z` → `2024-03-01`: a date is what a reader needs here. */
function day(iso: string): string {
  return iso.slice(0, 10);
}

export const FINDING_SENTENCES_EN: FindingSentences = {
  archived: (finding) =>
    `the repository is archived (read-only, no longer maintained)${finding.since === undefined ? '' : `; last changed ${day(finding.since)}`}`,
  renamed: (finding) =>
    `${PLATFORM_NAMES[finding.platform]} says ${finding.from} is now ${finding.to}: ${finding.newUrl}; run curate fix to update the roadmap`,
  gated: (finding) =>
    finding.approval === 'manual'
      ? 'the model is gated: learners must ask for access and wait for the author to approve it'
      : 'the model is gated: learners must log in and accept its conditions (access is granted at once)',
  withdrawn: (finding) =>
    `the authors withdrew the paper ("${finding.reason}")${finding.lastLiveVersion === undefined ? '' : `; ${finding.lastLiveVersion} is the last version before the withdrawal`}`,
  'title-drift': (finding) => `the page title is "${finding.pageTitle}": ${finding.reason}`,
  unprobed: (finding) =>
    `not asked: ${PLATFORM_NAMES[finding.platform]}'s API quota ran out${finding.retryAt === undefined ? '' : ` until ${minute(finding.retryAt)}`}; the page check stands (set GITHUB_TOKEN for a larger quota)`,
};

// Terms as docs/glossary.md fixes them; finding words and URLs stay as they are.
export const FINDING_SENTENCES_ZH_CN: FindingSentences = {
  archived: (finding) =>
    `仓库已归档（只读，不再维护）${finding.since === undefined ? '' : `，最后更新于 ${day(finding.since)}`}`,
  renamed: (finding) =>
    `${PLATFORM_NAMES[finding.platform]} 显示 ${finding.from} 已改名为 ${finding.to}：${finding.newUrl}；运行 curate fix 即可更新路线图`,
  gated: (finding) =>
    finding.approval === 'manual'
      ? '模型设了访问限制：学习者要先申请，等作者审批通过才能下载'
      : '模型设了访问限制：学习者要登录并同意使用条款（同意后立即可用）',
  withdrawn: (finding) =>
    `作者已撤回这篇论文（“${finding.reason}”）${finding.lastLiveVersion === undefined ? '' : `；撤回前的最后一版是 ${finding.lastLiveVersion}`}`,
  'title-drift': (finding) => `页面标题是“${finding.pageTitle}”：${finding.reason}`,
  unprobed: (finding) =>
    `未查询：${PLATFORM_NAMES[finding.platform]} API 配额已用完${finding.retryAt === undefined ? '' : `（${minute(finding.retryAt)} 恢复）`}；以页面检查结果为准（设置 GITHUB_TOKEN 可提高配额）`,
};

const CATALOGS: Readonly<Record<ReportLanguage, FindingSentences>> = {
  en: FINDING_SENTENCES_EN,
  'zh-CN': FINDING_SENTENCES_ZH_CN,
};

/** The sentence of one finding in a language. */
export function describeFinding(finding: Finding, language: ReportLanguage = 'en'): string {
  const sentences = CATALOGS[language];
  switch (finding.kind) {
    case 'archived':
      return sentences.archived(finding);
    case 'renamed':
      return sentences.renamed(finding);
    case 'gated':
      return sentences.gated(finding);
    case 'withdrawn':
      return sentences.withdrawn(finding);
    case 'title-drift':
      return sentences['title-drift'](finding);
    case 'unprobed':
      return sentences.unprobed(finding);
    default:
      return assertNever(finding);
  }
}
