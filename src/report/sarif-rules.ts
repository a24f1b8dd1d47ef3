/**
 * The rules of curate's SARIF report: one per finding kind, with an id that never changes
 * between runs (code scanning matches alerts by rule id): `<status>/<reason>` for each reason a
 * link can fail with (`broken/http-404`, `unreachable/timeout`, `redirected/permanent-redirect`),
 * plus the findings beside the status (`region/vpn-without-mirror`, `title-drift`, ...).
 * The list is made from the model's own reason lists, so a new reason gets its rule by itself.
 */
import { isFailing, isFailingFinding, type FailOn } from '../outcome/fail-on.js';
import { isFindingKind } from '../outcome/findings.js';
import { REASONS_BY_STATUS } from '../outcome/model.js';
import type { StatusReason } from '../outcome/status-reason.js';
import {
  EXTRA_FINDINGS,
  type ExtraFinding,
  type FindingStatus,
  type FindingTexts,
  type RuleText,
} from './finding-texts.js';
import { describeReason } from './reasons.js';

/** SARIF's result levels that curate uses. */
export type SarifLevel = 'error' | 'warning' | 'note';

/** The statuses with a rule per reason, in report order. */
export const FINDING_STATUSES = [
  'redirected',
  'broken',
  'unreachable',
  'unverified',
] as const satisfies readonly FindingStatus[];

/** A rule id: `status/reason` of a failing link, or a finding beside the status. */
export type RuleId = `${FindingStatus}/${string}` | ExtraFinding;

/** A SARIF `reportingDescriptor`, as curate writes it. */
export type SarifRule = {
  id: RuleId;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[] };
};

/** The level a link's outcome gets when `--fail-on` does not count it. */
export function defaultLevelOf(status: FindingStatus): Exclude<SarifLevel, 'error'> {
  // As the workflow annotations: what may need an edit warns, what a checker could not tell notes.
  return status === 'unverified' ? 'note' : 'warning';
}

/** The level of a link finding: an error exactly when `--fail-on` counts it. */
export function levelOf(
  outcome: StatusReason & { status: FindingStatus },
  failOn: FailOn,
): SarifLevel {
  // The status's own result: each finding is a SARIF result of its own, leveled by itself.
  return isFailing(outcome, failOn, []) ? 'error' : defaultLevelOf(outcome.status);
}

/** `broken/http-404` → `BrokenHttp404`: SARIF's `name` is an identifier-like form of the id. */
export function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`)
    .join('');
}

/** Every rule, link statuses first (in the model's order), then the other findings. */
export function sarifRules(failOn: FailOn, texts: FindingTexts): SarifRule[] {
  const linkRules = FINDING_STATUSES.flatMap((status) =>
    (REASONS_BY_STATUS[status] as readonly StatusReason['reason'][]).map((reason) => {
      // The pair is one of the model's, taken from its own reason list.
      const outcome = { status, reason } as StatusReason & { status: FindingStatus };
      const statusText = texts.status[status];
      const sentence = describeReason(reason, {}, texts.lang);
      const text: RuleText = {
        title: texts.ruleShort(statusText.title, sentence),
        meaning: texts.ruleMeaning(sentence, statusText.meaning),
        help: texts.ruleHelp(statusText.help, texts.failOnHint(`${status}:${reason}`)),
      };
      return rule(`${status}/${reason}`, text, levelOf(outcome, failOn), ['links', status]);
    }),
  );
  const otherRules = EXTRA_FINDINGS.map((id) => {
    const level = isFindingKind(id) && isFailingFinding({ kind: id }, failOn) ? 'error' : 'warning';
    return rule(id, texts.findings[id], level, ['links', id.split('/')[0] ?? id]);
  });
  return [...linkRules, ...otherRules];
}

function rule(id: RuleId, text: RuleText, level: SarifLevel, tags: string[]): SarifRule {
  return {
    id,
    name: ruleName(id),
    shortDescription: { text: text.title },
    fullDescription: { text: text.meaning },
    help: { text: text.help, markdown: text.help },
    defaultConfiguration: { level },
    properties: { tags },
  };
}
