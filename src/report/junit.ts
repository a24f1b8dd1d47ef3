/**
 * The JUnit XML report (`report.junit.xml`), for CI systems that show test results: one test
 * suite per roadmap section, one test case per link (each resource and each mirror) with the
 * roadmap `file` and `line`, a `<failure>` exactly for what `--fail-on` counts and `<skipped>`
 * for links that were not checked. The de facto schema is Jenkins' / Ant's junit format
 * (https://github.com/testmoapp/junitxml documents what the common readers accept).
 */
import { assertNever } from '../assert-never.js';
import { failingFindingKinds, isFailing, isFailingLink, type FailOn } from '../outcome/fail-on.js';
import { FINDING_TEXTS_EN, type FindingTexts, type LinkSubject } from './finding-texts.js';
import { describeOutcome } from './reasons.js';
import type { Report, ReportEntry } from './schema.js';

/** What the JUnit report needs besides the report. */
export type JunitOptions = {
  /** Outcomes (status or status:reason) reported as failures. */
  failOn: FailOn;
  /** The roadmap's path as the test cases' `file`. @default the report's roadmap path */
  file?: string;
  /** @default English */
  texts?: FindingTexts;
};

/** One test case, before it is written out. */
type TestCase = {
  name: string;
  subject: LinkSubject;
  entry: ReportEntry;
  verdict:
    | { kind: 'failure'; type: string; message: string }
    | { kind: 'skipped'; message: string }
    | { kind: 'passed'; note: string | undefined };
};

type Suite = { name: string; sectionId: string; cases: TestCase[] };

/** Renders a report as JUnit XML (UTF-8, with a trailing newline). */
export function renderJunit(report: Report, options: JunitOptions): string {
  const texts = options.texts ?? FINDING_TEXTS_EN;
  const file = (options.file ?? report.roadmap.path).replaceAll('\\', '/').replace(/^(\.\/)+/, '');
  const suites = new Map<string, Suite>();
  for (const resource of report.results) {
    const suite = suites.get(resource.sectionId) ?? {
      name: texts.suiteName(resource.sectionId, resource.sectionTitle),
      sectionId: resource.sectionId,
      cases: [],
    };
    suites.set(resource.sectionId, suite);
    const subject = (role: LinkSubject['role'], url: string | null): LinkSubject => ({
      resourceId: resource.id,
      title: resource.title,
      role,
      url,
    });
    suite.cases.push(testCase(resource, subject('resource', resource.url), options.failOn, texts));
    for (const mirror of resource.mirrors) {
      suite.cases.push(testCase(mirror, subject('mirror', mirror.url), options.failOn, texts));
    }
  }
  const all = [...suites.values()];
  const timestamp = report.startedAt.slice(0, 19);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({
      name: texts.runName(report.roadmap.title, report.vantage),
      ...counts(all.flatMap((suite) => suite.cases)),
      timestamp,
    })}>`,
    ...all.flatMap((suite) => suiteLines(suite, { file, timestamp })),
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}

function testCase(
  entry: ReportEntry,
  subject: LinkSubject,
  failOn: FailOn,
  texts: FindingTexts,
): TestCase {
  const { outcome } = entry;
  const said =
    outcome.status === 'redirected'
      ? texts.movedTo(outcome.finalUrl)
      : describeOutcome(outcome, texts.lang);
  const base = { name: texts.caseName(subject), subject, entry };
  if (isFailingLink(entry, failOn)) {
    // A link that fails only for a finding (`--fail-on archived`) is typed by the finding.
    const type = isFailing(outcome, failOn, [])
      ? `${outcome.status}/${outcome.reason}`
      : failingFindingKinds(entry, failOn).join(',');
    return {
      ...base,
      verdict: {
        kind: 'failure',
        type,
        message: texts.linkMessage(subject, said),
      },
    };
  }
  switch (outcome.status) {
    case 'skipped':
      return { ...base, verdict: { kind: 'skipped', message: said } };
    case 'ok':
      return { ...base, verdict: { kind: 'passed', note: undefined } };
    case 'redirected':
    case 'broken':
    case 'unreachable':
    case 'unverified':
      // Not counted by --fail-on, but worth a look: said in the case's output.
      return {
        ...base,
        verdict: { kind: 'passed', note: `${outcome.status}: ${texts.linkMessage(subject, said)}` },
      };
    default:
      return assertNever(outcome);
  }
}

function suiteLines(suite: Suite, where: { file: string; timestamp: string }): string[] {
  const head = `  <testsuite${attributes({
    name: suite.name,
    ...counts(suite.cases),
    timestamp: where.timestamp,
    file: where.file,
  })}>`;
  const cases = suite.cases.flatMap((item) => {
    const open = `    <testcase${attributes({
      name: item.name,
      classname: `roadmap.${suite.sectionId}`,
      file: where.file,
      line: item.entry.line,
      time: seconds(item.entry.durationMs),
    })}`;
    const { verdict } = item;
    switch (verdict.kind) {
      case 'failure':
        return [
          `${open}>`,
          `      <failure${attributes({ message: verdict.message, type: verdict.type })}>${escapeXml(verdict.message)}</failure>`,
          '    </testcase>',
        ];
      case 'skipped':
        return [
          `${open}>`,
          `      <skipped${attributes({ message: verdict.message })}/>`,
          '    </testcase>',
        ];
      case 'passed':
        return verdict.note === undefined
          ? [`${open}/>`]
          : [
              `${open}>`,
              `      <system-out>${escapeXml(verdict.note)}</system-out>`,
              '    </testcase>',
            ];
      default:
        return assertNever(verdict);
    }
  });
  return [head, ...cases, '  </testsuite>'];
}

function counts(cases: readonly TestCase[]): Record<string, string | number> {
  const durationMs = cases.reduce((sum, item) => sum + item.entry.durationMs, 0);
  return {
    tests: cases.length,
    failures: cases.filter((item) => item.verdict.kind === 'failure').length,
    errors: 0,
    skipped: cases.filter((item) => item.verdict.kind === 'skipped').length,
    time: seconds(durationMs),
  };
}

function seconds(durationMs: number): string {
  return (durationMs / 1000).toFixed(3);
}

function attributes(values: Readonly<Record<string, string | number>>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}

// Characters XML 1.0 cannot hold at all, even as a reference (controls but tab, LF and CR;
// lone surrogates; U+FFFE/U+FFFF). They become U+FFFD rather than a file no reader accepts.
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Escapes text for XML content and double- or single-quoted attributes alike. Line breaks and
 * tabs become references, so an attribute keeps them (a parser would fold them to spaces).
 */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\r', '&#13;')
    .replaceAll('\t', '&#9;');
}
