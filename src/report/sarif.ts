/**
 * The SARIF 2.1.0 report (`report.sarif`), the format GitHub code scanning reads: each finding
 * is a result of one rule (`sarif-rules.ts`) on the roadmap line and columns of its URL, an
 * `error` exactly when `--fail-on` counts it. Its `partialFingerprints` come from the resource id
 * and the URL, not the line, so an alert survives the lines above it moving.
 * Spec: https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/sarif-v2.1.0-errata01-os-complete.html
 */
import { networkDownDetail } from '../i18n/network-down.js';
import { createHash } from 'node:crypto';
import { isFailingFinding, type FailOn } from '../outcome/fail-on.js';
import { HOMEPAGE } from '../options/defaults.js';
import { FINDING_TEXTS_EN, type FindingTexts, type LinkSubject } from './finding-texts.js';
import { describeVerdict } from './markdown-region.js';
import { wordsFor } from './report-words.js';
import { describeOutcome } from './reasons.js';
import type { Report, ReportEntry } from './schema.js';
import {
  levelOf,
  sarifRules,
  type RuleId,
  type SarifLevel,
  type SarifRule,
} from './sarif-rules.js';

/** The `$schema` every SARIF 2.1.0 log names. */
export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The key of curate's fingerprint in `partialFingerprints` (versioned, as SARIF advises). */
export const FINGERPRINT_KEY = 'curateLink/v1';

/** What the SARIF report needs besides the report. */
export type SarifOptions = {
  /** What counts as failing (`--fail-on`): those results are errors. */
  failOn: FailOn;
  /** The roadmap's path relative to the repository root. @default the report's roadmap path */
  file?: string;
  /** The roadmap's text, to find each URL's columns on its line; lines only without it. */
  roadmapText?: string;
  /** @default English */
  texts?: FindingTexts;
};

type SarifRegion = { startLine: number; startColumn?: number; endColumn?: number };

type SarifResult = {
  ruleId: RuleId;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: [{ physicalLocation: { artifactLocation: { uri: string }; region: SarifRegion } }];
  partialFingerprints: Record<string, string>;
};

/** One finding before it is placed: which rule, how loud, about which URL on which line. */
type Finding = {
  ruleId: RuleId;
  level: SarifLevel;
  message: string;
  line: number;
  url: string | null;
  /** What identifies the finding across runs, whatever line it moves to. */
  identity: readonly string[];
};

/** Renders a report as a SARIF 2.1.0 log (pretty JSON with a trailing newline). */
export function renderSarif(report: Report, options: SarifOptions): string {
  const texts = options.texts ?? FINDING_TEXTS_EN;
  const rules = sarifRules(options.failOn, texts);
  const ruleIndex = new Map<string, number>(rules.map((rule, index) => [rule.id, index]));
  const file = (options.file ?? report.roadmap.path).replaceAll('\\', '/').replace(/^(\.\/)+/, '');
  const lines = options.roadmapText?.split(/\r?\n/);
  const results = reportFindings(report, options.failOn, texts).map((finding): SarifResult => ({
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
    level: finding.level,
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: file },
          region: regionOf(finding, lines),
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(finding.identity) },
  }));
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: driverOf(report, rules) },
        invocations: [
          {
            executionSuccessful: !report.partial,
            startTimeUtc: report.startedAt,
            endTimeUtc: report.finishedAt,
            ...(report.partial
              ? {
                  toolExecutionNotifications: [
                    {
                      level: 'warning',
                      message: {
                        text:
                          report.networkDown === undefined
                            ? texts.partialRun
                            : networkDownDetail(report.networkDown, texts.lang),
                      },
                    },
                  ],
                }
              : {}),
          },
        ],
        // JavaScript string offsets, which is what urlColumns counts.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function driverOf(report: Report, rules: readonly SarifRule[]) {
  const version = report.tool.version;
  return {
    name: report.tool.name,
    version,
    ...(/^\d+\.\d+\.\d+/.test(version) ? { semanticVersion: version } : {}),
    informationUri: HOMEPAGE,
    rules,
  };
}

/**
 * Every finding of a report, in report order: each resource and mirror whose status says
 * something is wrong, its title drift, then each region's uncovered resources and conflicts.
 */
function reportFindings(report: Report, failOn: FailOn, texts: FindingTexts): Finding[] {
  const findings: Finding[] = [];
  for (const resource of report.results) {
    const entries: [ReportEntry, LinkSubject][] = [
      [resource, subjectOf(resource, 'resource', resource.url)],
      ...resource.mirrors.map((mirror): [ReportEntry, LinkSubject] => [
        mirror,
        subjectOf(resource, 'mirror', mirror.url),
      ]),
    ];
    for (const [entry, subject] of entries) {
      const identity = [subject.resourceId, subject.role, entry.url ?? ''];
      const linkFinding = statusFinding(entry, subject, failOn, texts);
      if (linkFinding !== undefined) findings.push({ ...linkFinding, identity });
      for (const finding of entry.findings ?? []) {
        findings.push({
          ruleId: finding.kind,
          level: isFailingFinding(finding, failOn) ? 'error' : 'warning',
          message: texts.linkMessage(subject, texts.finding(finding)),
          line: entry.line,
          url: entry.url,
          identity,
        });
      }
    }
  }
  const byId = new Map(report.results.map((resource) => [resource.id, resource]));
  for (const [region, summary] of Object.entries(report.regions ?? {})) {
    for (const id of summary.uncovered) {
      const resource = byId.get(id);
      if (resource === undefined) continue;
      const verdict = resource.region?.[region];
      const said = texts.vpnWithoutMirror(
        region,
        verdict === undefined
          ? ''
          : describeVerdict(verdict, texts.lang === 'en' ? undefined : wordsFor(texts.lang)),
      );
      findings.push({
        ruleId: 'region/vpn-without-mirror',
        level: 'warning',
        message: texts.linkMessage(subjectOf(resource, 'resource', resource.url), said),
        line: resource.line,
        url: resource.url,
        identity: [id, 'resource', resource.url ?? '', region],
      });
    }
    for (const conflict of summary.conflicts) {
      const resource = byId.get(conflict.resourceId);
      const subject: LinkSubject = {
        resourceId: conflict.resourceId,
        title: resource?.title ?? conflict.resourceId,
        role: resource === undefined || resource.url === conflict.url ? 'resource' : 'mirror',
        url: conflict.url,
      };
      findings.push({
        ruleId: 'region/access-conflict',
        level: 'warning',
        message: texts.linkMessage(subject, conflict.message),
        line: conflict.line,
        url: conflict.url,
        identity: [conflict.resourceId, subject.role, conflict.url ?? '', region],
      });
    }
  }
  return findings;
}

function subjectOf(
  resource: { id: string; title: string },
  role: LinkSubject['role'],
  url: string | null,
): LinkSubject {
  return { resourceId: resource.id, title: resource.title, role, url };
}

/** The finding a link's status makes, if any: ok and skipped links make none. */
function statusFinding(
  entry: ReportEntry,
  subject: LinkSubject,
  failOn: FailOn,
  texts: FindingTexts,
): Omit<Finding, 'identity'> | undefined {
  const { outcome } = entry;
  if (outcome.status === 'ok' || outcome.status === 'skipped') return undefined;
  const said =
    outcome.status === 'redirected'
      ? texts.movedTo(outcome.finalUrl)
      : describeOutcome(outcome, texts.lang);
  return {
    ruleId: `${outcome.status}/${outcome.reason}`,
    level: levelOf(outcome, failOn),
    message: texts.linkMessage(subject, said),
    line: entry.line,
    url: entry.url,
  };
}

/** The line (1 when unknown: SARIF regions start at 1) and, when found on it, the URL's columns. */
function regionOf(finding: Finding, lines: readonly string[] | undefined): SarifRegion {
  const startLine = Math.max(1, finding.line);
  const lineText = finding.line > 0 ? lines?.[finding.line - 1] : undefined;
  const columns =
    lineText === undefined || finding.url === null ? undefined : urlColumns(lineText, finding.url);
  return { startLine, ...columns };
}

/**
 * Where `url` is written on a line of the roadmap, as SARIF's 1-based columns (`endColumn` is
 * the first column after it), or undefined when the line does not hold it as written (an
 * escaped quoted scalar, or a roadmap that changed since the report).
 */
export function urlColumns(
  lineText: string,
  url: string,
): { startColumn: number; endColumn: number } | undefined {
  const index = url === '' ? -1 : lineText.indexOf(url);
  return index === -1 ? undefined : { startColumn: index + 1, endColumn: index + 1 + url.length };
}

/** A stable hash of what identifies a finding; NUL-separated so no two lists collide. */
function fingerprint(identity: readonly string[]): string {
  return createHash('sha256').update(identity.join('\u0000')).digest('hex');
}
