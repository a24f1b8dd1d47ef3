import { describe, expect, it } from 'vitest';
import type {
  CheckOutcome,
  CheckResult,
  CheckTarget,
  LinkPlan,
  Plan,
  PlannedLink,
  PlannedMirror,
  PlannedResource,
  SkipReason,
} from '../domain.js';
import { buildReport, countStatuses } from './build.js';
import type { ReportMeta } from './build.js';

import { expectValidReport } from '../../test/helpers/report-schema.js';

const META: ReportMeta = {
  toolVersion: '0.1.0',
  roadmapPath: 'roadmap.yaml',
  roadmapTitle: 'LLM roadmap',
  vantage: 'global',
  startedAt: '2026-11-28T18:00:00.000Z',
  finishedAt: '2026-11-28T18:02:00.000Z',
  isPartial: false,
  networkDown: undefined,
};

const CHECKED_AT = '2026-11-28T18:01:00.000Z';
const TARGET = 'https://example.test/a';

function link(
  plan: LinkPlan,
  fields: { url?: string | undefined; line?: number } = {},
): PlannedLink {
  const url = 'url' in fields ? fields.url : TARGET;
  return { url, path: 'sections[0].resources[0].url', line: fields.line ?? 10, plan };
}

function check(targetId: string): LinkPlan {
  return { kind: 'check', targetId };
}

function mirror(plan: LinkPlan, fields: Partial<PlannedMirror> = {}): PlannedMirror {
  return {
    ...link(plan, { url: 'https://mirror.example.test/a', line: 12 }),
    platform: undefined,
    lang: undefined,
    note: undefined,
    isConfirmed: true,
    ...fields,
  };
}

function resource(
  id: string,
  planned: PlannedLink,
  mirrors: readonly PlannedMirror[] = [],
): PlannedResource {
  return {
    id,
    sectionId: '1.1',
    sectionTitle: 'Basics',
    topic: undefined,
    title: `Title of ${id}`,
    kind: 'article',
    access: {},
    link: planned,
    mirrors,
  };
}

/** A plan whose targets are the distinct `check` target ids of its links. */
function planOf(...resources: PlannedResource[]): Plan {
  const ids = new Set<string>();
  for (const planned of resources.flatMap((entry) => [entry.link, ...entry.mirrors])) {
    if (planned.plan.kind === 'check') ids.add(planned.plan.targetId);
  }
  const targets: CheckTarget[] = [...ids].map((id) => ({ id, url: new URL(id), refs: [] }));
  return { resources, targets };
}

function result(
  targetId: string,
  outcome: CheckOutcome,
  fields: Partial<CheckResult> = {},
): CheckResult {
  const observed = { targetId, hops: fields.hops ?? [], durationMs: 120, checkedAt: CHECKED_AT };
  const checked: CheckResult = { ...outcome, ...observed };
  return fields.pageTitle === undefined ? checked : { ...checked, pageTitle: fields.pageTitle };
}

function resultsOf(...results: CheckResult[]): Map<string, CheckResult> {
  return new Map(results.map((entry) => [entry.targetId, entry]));
}

describe('buildReport', () => {
  it.each<[string, CheckOutcome, Record<string, unknown>]>([
    [
      'ok',
      { status: 'ok', reason: 'ok', httpStatus: 200 },
      { status: 'ok', reason: 'ok', httpStatus: 200 },
    ],
    [
      'permanent redirect',
      {
        status: 'redirected',
        reason: 'permanent-redirect',
        httpStatus: 301,
        finalUrl: 'https://example.test/b',
      },
      {
        status: 'redirected',
        reason: 'permanent-redirect',
        httpStatus: 301,
        finalUrl: 'https://example.test/b',
      },
    ],
    [
      'broken with detail',
      { status: 'broken', reason: 'soft-404', httpStatus: 200, detail: 'title says Not Found' },
      { status: 'broken', reason: 'soft-404', httpStatus: 200, detail: 'title says Not Found' },
    ],
    [
      'unreachable with error code',
      { status: 'unreachable', reason: 'reset', errorCode: 'ECONNRESET' },
      { status: 'unreachable', reason: 'reset', errorCode: 'ECONNRESET' },
    ],
    [
      'unverified',
      { status: 'unverified', reason: 'bot-wall', httpStatus: 403 },
      { status: 'unverified', reason: 'bot-wall', httpStatus: 403 },
    ],
    [
      'skipped by the checker',
      { status: 'skipped', reason: 'private-address', detail: '10.0.0.1' },
      { status: 'skipped', reason: 'private-address', detail: '10.0.0.1' },
    ],
  ])('takes a checked link from its target result: %s', (_name, outcome, expected) => {
    const report = buildReport(
      planOf(resource('a', link(check(TARGET)))),
      resultsOf(result(TARGET, outcome)),
      META,
    );

    const [entry] = report.results;
    expect(entry).toMatchObject({ url: TARGET, line: 10, durationMs: 120, checkedAt: CHECKED_AT });
    // The entry carries the outcome itself: exactly its fields, no flattened copies beside it.
    expect(entry?.outcome).toStrictEqual(expected);
    for (const key of ['status', 'reason', 'httpStatus', 'finalUrl', 'errorCode', 'detail']) {
      expect(Object.hasOwn(entry!, key)).toBe(false);
    }
    expect(Object.hasOwn(entry!, 'pageTitle')).toBe(false);
  });

  it('copies hops as redirects and keeps the page title', () => {
    const hops = [
      { url: TARGET, status: 302 },
      { url: 'https://example.test/tmp', status: 307 },
    ];
    const report = buildReport(
      planOf(resource('a', link(check(TARGET)))),
      resultsOf(
        result(
          TARGET,
          { status: 'ok', reason: 'temporary-redirect', httpStatus: 200 },
          { hops, pageTitle: 'Home' },
        ),
      ),
      META,
    );

    expect(report.results[0]).toMatchObject({
      redirects: hops,
      pageTitle: 'Home',
      outcome: { reason: 'temporary-redirect' },
    });
    expect(report.results[0]?.outcome).not.toHaveProperty('finalUrl');
  });

  it.each<[string, LinkPlan, string | undefined, Record<string, unknown>]>([
    [
      'excluded',
      { kind: 'skip', reason: 'excluded', detail: 'matches exclude pattern' },
      TARGET,
      {
        outcome: { status: 'skipped', reason: 'excluded', detail: 'matches exclude pattern' },
        url: TARGET,
      },
    ],
    [
      'no URL',
      { kind: 'skip', reason: 'no-url' },
      undefined,
      { outcome: { status: 'skipped', reason: 'no-url' }, url: null },
    ],
    [
      'invalid URL',
      { kind: 'invalid', detail: 'Invalid URL' },
      'htp://exa mple',
      {
        outcome: { status: 'broken', reason: 'invalid-url', detail: 'Invalid URL' },
        url: 'htp://exa mple',
      },
    ],
  ])('reports a link that was never fetched from its plan: %s', (_name, plan, url, expected) => {
    const report = buildReport(
      planOf(resource('a', link(plan, { url, line: 7 }))),
      new Map(),
      META,
    );

    expect(report.results[0]).toMatchObject({
      ...expected,
      line: 7,
      redirects: [],
      durationMs: 0,
      checkedAt: META.finishedAt,
    });
  });

  it.each<[string, ReportMeta, SkipReason]>([
    ['interrupted', { ...META, isPartial: true }, 'not-started'],
    [
      'network down',
      { ...META, isPartial: true, networkDown: { message: 'no route' } },
      'network-down',
    ],
  ])('skips a checked link whose target has no result: %s', (_name, meta, reason) => {
    const other = 'https://example.test/other';
    const report = buildReport(
      planOf(
        resource('a', link(check(TARGET))),
        resource('b', link(check(other), { url: other, line: 20 })),
      ),
      resultsOf(result(other, { status: 'ok', reason: 'ok', httpStatus: 200 })),
      meta,
    );

    expect(
      report.results.map((entry) => [entry.id, entry.outcome.status, entry.outcome.reason]),
    ).toEqual([
      ['a', 'skipped', reason],
      ['b', 'ok', 'ok'],
    ]);
    expect(report.results[0]).toMatchObject({
      durationMs: 0,
      checkedAt: meta.finishedAt,
      url: TARGET,
    });
    expect(report.partial).toBe(true);
  });

  it('gives every resource sharing a target the same result at its own line and URL', () => {
    const report = buildReport(
      planOf(
        resource('first', link(check(TARGET), { url: 'https://EXAMPLE.test/a', line: 10 })),
        resource('second', link(check(TARGET), { url: 'https://example.test/a', line: 30 })),
      ),
      resultsOf(result(TARGET, { status: 'broken', reason: 'http-404', httpStatus: 404 })),
      META,
    );

    expect(
      report.results.map((entry) => [entry.id, entry.url, entry.line, entry.outcome.reason]),
    ).toEqual([
      ['first', 'https://EXAMPLE.test/a', 10, 'http-404'],
      ['second', 'https://example.test/a', 30, 'http-404'],
    ]);
    expect(report.summary.broken).toBe(2);
  });

  it('reports each mirror with its own result and its platform, language, note and confirmation', () => {
    const mirrorTarget = 'https://mirror.example.test/a';
    const report = buildReport(
      planOf(
        resource('a', link(check(TARGET)), [
          mirror(check(mirrorTarget), {
            platform: 'bilibili',
            lang: 'zh',
            note: '中文字幕',
            isConfirmed: false,
          }),
          mirror({ kind: 'skip', reason: 'offline' }),
        ]),
      ),
      resultsOf(
        result(TARGET, { status: 'ok', reason: 'ok', httpStatus: 200 }),
        result(mirrorTarget, { status: 'broken', reason: 'video-removed' }),
      ),
      META,
    );

    expect(report.results[0]?.mirrors).toEqual([
      {
        url: mirrorTarget,
        line: 12,
        outcome: { status: 'broken', reason: 'video-removed' },
        redirects: [],
        durationMs: 120,
        checkedAt: CHECKED_AT,
        // Kept per vantage, so reports from several vantages can be merged and compared.
        observations: {
          global: { outcome: { status: 'broken', reason: 'video-removed' }, checkedAt: CHECKED_AT },
        },
        platform: 'bilibili',
        lang: 'zh',
        note: '中文字幕',
        confirmed: false,
      },
      {
        url: mirrorTarget,
        line: 12,
        outcome: { status: 'skipped', reason: 'offline' },
        redirects: [],
        durationMs: 0,
        checkedAt: META.finishedAt,
        confirmed: true,
      },
    ]);
  });

  it('counts resources and mirrors per status separately, in plan order', () => {
    const gone = 'https://example.test/gone';
    const slow = 'https://example.test/slow';
    const report = buildReport(
      planOf(
        resource('a', link(check(TARGET)), [mirror(check(gone)), mirror(check(TARGET))]),
        resource('b', link(check(gone), { url: gone })),
        resource('c', link(check(slow), { url: slow }), [
          mirror({ kind: 'skip', reason: 'excluded' }),
        ]),
        resource('d', link({ kind: 'skip', reason: 'no-url' }, { url: undefined })),
      ),
      resultsOf(
        result(TARGET, { status: 'ok', reason: 'ok', httpStatus: 200 }),
        result(gone, { status: 'broken', reason: 'http-410', httpStatus: 410 }),
        result(slow, { status: 'unreachable', reason: 'timeout' }),
      ),
      META,
    );

    expect(report.results.map((entry) => entry.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(report.summary).toEqual({
      total: 4,
      ok: 1,
      redirected: 0,
      broken: 1,
      unreachable: 1,
      unverified: 0,
      skipped: 1,
    });
    expect(report.mirrorSummary).toEqual({
      total: 3,
      ok: 1,
      redirected: 0,
      broken: 1,
      unreachable: 0,
      unverified: 0,
      skipped: 1,
    });
  });

  it('carries the run metadata and leaves networkDown out when the network was fine', () => {
    const report = buildReport(planOf(), new Map(), META);

    expect(report).toEqual({
      schemaVersion: 2,
      tool: { name: 'curate', version: '0.1.0' },
      roadmap: { path: 'roadmap.yaml', title: 'LLM roadmap' },
      vantage: 'global',
      startedAt: META.startedAt,
      finishedAt: META.finishedAt,
      partial: false,
      summary: countStatuses([]),
      mirrorSummary: countStatuses([]),
      results: [],
    });
    expect(report).not.toHaveProperty('networkDown');
  });

  it('builds the same bytes whatever order the results arrived in', () => {
    const other = 'https://example.test/other';
    const plan = planOf(
      resource('a', link(check(TARGET))),
      resource('b', link(check(other), { url: other })),
    );
    const first = result(TARGET, { status: 'ok', reason: 'ok', httpStatus: 200 });
    const second = result(other, { status: 'unverified', reason: 'rate-limited', httpStatus: 429 });

    const forwards = JSON.stringify(buildReport(plan, resultsOf(first, second), META));
    const backwards = JSON.stringify(buildReport(plan, resultsOf(second, first), META));

    expect(backwards).toBe(forwards);
  });

  it('builds a report that conforms to the report schema', () => {
    const plan = planOf(
      resource('a', link(check(TARGET)), [mirror({ kind: 'invalid', detail: 'Invalid URL' })]),
      resource('b', link({ kind: 'skip', reason: 'no-url' }, { url: undefined })),
    );
    const report = buildReport(
      plan,
      resultsOf(
        result(TARGET, { status: 'unreachable', reason: 'tls', errorCode: 'CERT_HAS_EXPIRED' }),
      ),
      { ...META, networkDown: { message: 'offline' } },
    );

    expect(() => expectValidReport(report)).not.toThrow();
  });
});

describe('countStatuses', () => {
  it('counts every status, including the ones with no entries', () => {
    const entries = [{ status: 'ok' }, { status: 'skipped' }, { status: 'ok' }] as const;
    expect(countStatuses(entries.map((outcome) => ({ outcome })))).toEqual({
      total: 3,
      ok: 2,
      redirected: 0,
      broken: 0,
      unreachable: 0,
      unverified: 0,
      skipped: 1,
    });
  });
});
