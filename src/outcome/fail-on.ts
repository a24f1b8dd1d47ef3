/**
 * `--fail-on`: which outcomes make a run fail, as typed `status` or `status:reason` keys, or
 * finding words (`archived`, `gated` …), parsed against the model's own lists so that a typo is
 * a usage error, never a silent no-op.
 */
import { UsageError } from '../errors.js';
import { flagTextOf, type Lang } from '../i18n/index.js';
import { suggestNearest } from '../roadmap/suggest.js';
import { FINDING_KINDS, isFindingKind, type Finding, type FindingKind } from './findings.js';
import { REASONS_BY_STATUS, STATUSES, type ReasonOf, type Status } from './model.js';
import type { StatusReason } from './status-reason.js';

/** A `status:reason` pair of the model, e.g. `unverified:bot-wall`. */
export type StatusReasonKey = { [S in Status]: `${S}:${ReasonOf<S>}` }[Status];

/** One `--fail-on` item: a whole status, one reason of a status, or a finding beside the status. */
export type FailOnKey = Status | StatusReasonKey | FindingKind;

/** The parsed `--fail-on`: empty for `none`. */
export type FailOn = ReadonlySet<FailOnKey>;

/** The `status:reason` key of an outcome (or of a history record). */
export function statusReasonKey(outcome: StatusReason): StatusReasonKey {
  // The pair comes from one variant of the union, so it is one of the model's keys; TypeScript
  // cannot correlate the two halves of a template literal on its own.
  return `${outcome.status}:${outcome.reason}` as StatusReasonKey;
}

/**
 * Whether an outcome's status, or its `status:reason`, is one that fails the run, or any of the
 * findings beside it is. The findings are a required argument so that no caller can leave them
 * out by accident: pass `[]` only where the findings are judged on their own (SARIF's results).
 */
export function isFailing(
  outcome: StatusReason,
  failOn: FailOn,
  findings: readonly Pick<Finding, 'kind'>[] | undefined,
): boolean {
  return (
    failOn.has(outcome.status) ||
    failOn.has(statusReasonKey(outcome)) ||
    (findings ?? []).some((finding) => isFailingFinding(finding, failOn))
  );
}

/** What the judgement reads of a link (a resource's own or a mirror's): outcome and findings. */
export type JudgedLink = {
  readonly outcome: StatusReason;
  readonly findings?: readonly Pick<Finding, 'kind'>[] | undefined;
};

/**
 * The one `--fail-on` judgement of a link: check's exit code counts with it, and so do the
 * annotations, the job summary, JUnit, diff, history and the action's `failing` output, so
 * that "failing" means the same wherever curate says it.
 */
export function isFailingLink(link: JudgedLink, failOn: FailOn): boolean {
  return isFailing(link.outcome, failOn, link.findings);
}

/** Counts the resources and mirrors of a report that fail per `failOn` (check's exit code). */
export function countFailing(
  report: {
    readonly results: readonly (JudgedLink & { readonly mirrors: readonly JudgedLink[] })[];
  },
  failOn: FailOn,
): number {
  return report.results
    .flatMap((result) => [result, ...result.mirrors])
    .filter((link) => isFailingLink(link, failOn)).length;
}

/** The finding kinds of a link that `--fail-on` counts (the why of a failure beside its status). */
export function failingFindingKinds(link: JudgedLink, failOn: FailOn): FindingKind[] {
  return (link.findings ?? [])
    .filter((finding) => isFailingFinding(finding, failOn))
    .map((finding) => finding.kind);
}

/** Whether one finding fails the run: only when `--fail-on` names its kind. */
export function isFailingFinding(finding: Pick<Finding, 'kind'>, failOn: FailOn): boolean {
  return failOn.has(finding.kind);
}

const STATUS_WORDS: ReadonlySet<string> = new Set(STATUSES);

function isStatus(word: string): word is Status {
  return STATUS_WORDS.has(word);
}

/**
 * Parses `--fail-on broken,unverified:bot-wall` (or `none`). An unknown status, or a reason the
 * status never has, is a `UsageError` (exit 2) with the nearest word as a hint.
 */
export function parseFailOnList(items: readonly string[], lang: Lang = 'en'): FailOn {
  const keys = new Set<FailOnKey>();
  for (const raw of items.flatMap((item) => item.split(','))) {
    const item = raw.trim();
    if (item === '' || item === 'none') continue;
    keys.add(parseFailOnItem(item, lang));
  }
  return keys;
}

function parseFailOnItem(item: string, lang: Lang): FailOnKey {
  const text = flagTextOf(lang);
  const separator = item.indexOf(':');
  const statusWord = separator === -1 ? item : item.slice(0, separator);
  if (separator === -1 && isFindingKind(statusWord)) return statusWord;
  if (!isStatus(statusWord)) {
    const words = separator === -1 ? [...STATUSES, ...FINDING_KINDS] : STATUSES;
    const nearest = suggestNearest(statusWord, words);
    throw new UsageError(text.failOnNotWord(item), {
      hint: text.failOnNotWordHint(nearest, STATUSES, FINDING_KINDS),
      lang,
    });
  }
  if (separator === -1) return statusWord;
  const reasonWord = item.slice(separator + 1);
  const reasons: readonly string[] = REASONS_BY_STATUS[statusWord];
  const key = `${statusWord}:${reasonWord}`;
  if (reasons.includes(reasonWord)) return key as StatusReasonKey;
  const nearest = suggestNearest(reasonWord, reasons);
  throw new UsageError(text.failOnNotReason(reasonWord, statusWord), {
    hint: text.failOnNotReasonHint(statusWord, nearest, reasons),
    lang,
  });
}
