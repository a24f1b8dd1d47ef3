/**
 * GitHub Actions output for a check: workflow commands that put findings on the roadmap's YAML
 * lines in a pull request, and a compact Markdown job summary for `$GITHUB_STEP_SUMMARY`.
 * See https://docs.github.com/actions/reference/workflow-commands-for-github-actions.
 */
import { assertNever, STATUSES } from '../domain.js';
import { failingFindingKinds, isFailing, isFailingLink, type FailOn } from '../outcome/fail-on.js';
import { describeFinding } from '../report/finding-sentences.js';
import { coverageQuote, reportCoverage, type ReportCoverage } from '../report/coverage.js';
import { DEFAULT_FAILING, type ReportLink, reportLinks } from '../report/history.js';
import { describeOutcome } from '../report/reasons.js';
import type { Report } from '../report/schema.js';
import { formatCodeSpan, formatText } from '../report/markdown-format.js';
import type { Lang } from '../i18n/index.js';
import { statusWord, wordsFor, type Words } from '../report/report-words.js';

/** How loud an annotation is: errors fail the eye, notices only inform. */
export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** One finding on one line of a file. */
export type Annotation = {
  level: AnnotationLevel;
  file: string;
  /** 1-based; 0 annotates the file as a whole. */
  line: number;
  col?: number;
  title: string;
  message: string;
};

// Same escaping as @actions/core's command.ts: the runner decodes these in data and properties.
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** One workflow command line, e.g. `::error file=roadmap.yaml,line=12,title=broken::…`. */
export function formatAnnotation(annotation: Annotation): string {
  const properties: [string, string | number | undefined][] = [
    ['file', annotation.file],
    ['line', annotation.line > 0 ? annotation.line : undefined],
    ['col', annotation.line > 0 ? annotation.col : undefined],
    ['title', annotation.title],
  ];
  const encoded = properties
    .filter(
      (entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '',
    )
    .map(([name, value]) => `${name}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${annotation.level}${encoded === '' ? '' : ` ${encoded}`}::${escapeData(annotation.message)}`;
}

/** How findings are chosen and where they point. */
export type AnnotationOptions = {
  /** Statuses (or `status:reason`) reported as errors. @default broken and unreachable */
  failing?: FailOn;
  /** The roadmap's path relative to the repository root. @default the report's roadmap path */
  file?: string;
  /** The language of the titles and messages; status words and ids stay as in report.json. */
  lang?: Lang | undefined;
};

/**
 * The annotations of a report: failing links as errors, permanent redirects and other dead or
 * unreachable links as warnings, unverified ones as notices; ok and skipped links say nothing.
 */
export function reportAnnotations(report: Report, options: AnnotationOptions = {}): Annotation[] {
  const failing = options.failing ?? DEFAULT_FAILING;
  // GitHub matches annotation paths against the repository tree: forward slashes, no `./`.
  const file = (options.file ?? report.roadmap.path).replaceAll('\\', '/').replace(/^(\.\/)+/, '');
  const words = wordsFor(options.lang);
  const annotations: Annotation[] = [];
  for (const link of reportLinks(report)) {
    const level = annotationLevel(link, failing);
    if (level === undefined) continue;
    // A link that fails only for a finding (`--fail-on archived`) is titled by the finding.
    const word = isFailing(link.outcome, failing, [])
      ? statusWord(link.outcome.status, words)
      : failingFindingKinds(link, failing).join(', ') || statusWord(link.outcome.status, words);
    const what =
      link.role === 'mirror'
        ? words.annotation('mirrorOf', { id: link.resourceId })
        : link.resourceId;
    annotations.push({
      level,
      file,
      line: link.line,
      title: words.annotation('title', { status: word, what }),
      message: `${linkMessage(link, words)}${findingsSaid(link, failing, words)}`,
    });
  }
  // GitHub shows only the first ANNOTATION_CAP of each level per step: errors first, so the
  // ones that fail the run are the ones shown; within a level, in roadmap order (sort is stable).
  return annotations.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
}

const LEVEL_ORDER: Readonly<Record<AnnotationLevel, number>> = { error: 0, warning: 1, notice: 2 };

/**
 * How many annotations of each level GitHub shows for one step; the rest are dropped, so the
 * job summary lists every finding. https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
export const ANNOTATION_CAP = 10;

function annotationLevel(link: ReportLink, failing: FailOn): AnnotationLevel | undefined {
  const { outcome } = link;
  if (isFailingLink(link, failing)) return 'error';
  switch (outcome.status) {
    case 'redirected':
    case 'broken':
    case 'unreachable':
      return 'warning';
    case 'unverified':
      return 'notice';
    case 'ok':
    case 'skipped':
      return undefined;
    default:
      return assertNever(outcome);
  }
}

function linkMessage(link: ReportLink, words: Words): string {
  const url = link.url ?? words.annotation('noUrl');
  const { outcome } = link;
  if (outcome.status === 'redirected') {
    return words.annotation('moved', { url, finalUrl: outcome.finalUrl });
  }
  return `${url}: ${describeOutcome(outcome, words.lang)}`;
}

/** `; the repository is archived …`: the findings `--fail-on` counts, in the report's words. */
function findingsSaid(link: ReportLink, failing: FailOn, words: Words): string {
  const counted = (link.findings ?? []).filter((finding) =>
    failingFindingKinds(link, failing).includes(finding.kind),
  );
  return counted.map((finding) => `; ${describeFinding(finding, words.lang)}`).join('');
}

/** How the job summary lists links. */
export type JobSummaryOptions = {
  /** @default broken and unreachable */
  failing?: FailOn;
  /**
   * Links listed per group before "…and N more": enough for every finding of a large roadmap
   * (annotations stop at ANNOTATION_CAP), well under GitHub's 1 MiB summary limit. @default 1000
   */
  maxListed?: number;
  /** The language of the summary; status words and ids stay as in report.json. */
  lang?: Lang | undefined;
};

/** A compact Markdown summary of a report: counts per status, then what fails and what moved. */
export function renderJobSummary(report: Report, options: JobSummaryOptions = {}): string {
  const failing = options.failing ?? DEFAULT_FAILING;
  const maxListed = options.maxListed ?? 1000;
  const words = wordsFor(options.lang);
  const links = reportLinks(report);
  const statusWords = STATUSES.map((status) => statusWord(status, words));
  const title = words.summary('title', {
    title: formatText(report.roadmap.title),
    vantage: formatText(report.vantage),
  });
  const lines = [
    `### ${title}`,
    '',
    `| | ${statusWords.join(' | ')} | ${words.summary('total')} |`,
    `|---|${STATUSES.map(() => '---:').join('|')}|---:|`,
    `| ${words.summary('resources')} | ${STATUSES.map((status) => report.summary[status]).join(' | ')} | ${report.summary.total} |`,
    `| ${words.summary('mirrors')} | ${STATUSES.map((status) => report.mirrorSummary[status]).join(' | ')} | ${report.mirrorSummary.total} |`,
  ];
  // What was checked comes from the outcomes (report/coverage.ts), as in report.md.
  const coverage = reportCoverage(report);
  lines.push(...coverageQuote(report, coverage, '', words));
  if (coverage.kind === 'checked' && report.partial) {
    lines.push('', words.summary('partialRun'));
  }
  const failingLinks = links.filter((link) => isFailingLink(link, failing));
  const moved = links.filter(
    (link) => link.outcome.status === 'redirected' && !isFailingLink(link, failing),
  );
  const list = { report, maxListed, words, failing };
  lines.push(
    ...listSection(words.summary('failing', { count: failingLinks.length }), failingLinks, list),
  );
  lines.push(...listSection(words.summary('moved', { count: moved.length }), moved, list));
  // The rest of what is annotated (dead links outside --fail-on, unverified ones), so a reader
  // past GitHub's cap on annotations still sees every finding.
  const others = links.filter(
    (link) =>
      !isFailingLink(link, failing) &&
      ['broken', 'unreachable', 'unverified'].includes(link.outcome.status),
  );
  lines.push(...listSection(words.summary('others', { count: others.length }), others, list));
  const capped = annotationsOverCap(reportAnnotations(report, { failing }));
  if (capped.length > 0) {
    lines.push(
      '',
      words.summary('capped', { cap: ANNOTATION_CAP, levels: capped.join(words.md('separator')) }),
    );
  }
  if (failingLinks.length === 0) lines.push('', nothingFailing(coverage, words));
  return `${lines.join('\n')}\n`;
}

/** The levels with more annotations than GitHub shows, e.g. `errors (14)`. */
function annotationsOverCap(annotations: readonly Annotation[]): string[] {
  return (['error', 'warning', 'notice'] as const).flatMap((level) => {
    const count = annotations.filter((annotation) => annotation.level === level).length;
    return count > ANNOTATION_CAP ? [`${level}s (${count})`] : [];
  });
}

/** "Nothing is failing", said only of the links that were checked. */
function nothingFailing(coverage: ReportCoverage, words: Words): string {
  switch (coverage.kind) {
    case 'checked':
      return words.summary('noneChecked');
    case 'not-checked':
      return words.summary('noneUnchecked');
    case 'partly-checked':
      return words.summary('nonePartly', { links: words.mdCount('links', coverage.checked) });
    default:
      return assertNever(coverage.kind);
  }
}

function listSection(
  heading: string,
  links: readonly ReportLink[],
  {
    report,
    maxListed,
    words,
    failing,
  }: { report: Report; maxListed: number; words: Words; failing: FailOn },
): string[] {
  if (links.length === 0) return [];
  const items = links.slice(0, maxListed).map((link) => {
    const where = `\`${report.roadmap.path}:${link.line}\``;
    const name =
      link.role === 'mirror' ? words.summary('mirrorOf', { id: link.resourceId }) : link.resourceId;
    const { outcome } = link;
    const url = formatCodeSpan(link.url ?? words.summary('noUrl'));
    const said =
      outcome.status === 'redirected'
        ? words.summary('movedTo', { url, finalUrl: formatCodeSpan(outcome.finalUrl) })
        : `${statusWord(link.outcome.status, words)}: ${formatText(describeOutcome(outcome, words.lang))} ${url}`;
    const findings = formatText(findingsSaid(link, failing, words));
    return `- ${where} **${formatText(link.title)}** (${formatText(name)}): ${said}${findings}`;
  });
  const more =
    links.length > maxListed
      ? [`- ${words.summary('more', { count: links.length - maxListed })}`]
      : [];
  return ['', `**${heading}**`, '', ...items, ...more];
}
