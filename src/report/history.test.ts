import { describe, expect, it } from 'vitest';
import { shardOf } from '../ci/shard.js';
import { parseFailOnList, type FailOnKey } from '../outcome/fail-on.js';
import { loadReportFixture } from '../../test/fixtures/ci/fixtures.js';
import { assertNever, type CheckOutcome } from '../domain.js';
import { InputError, UsageError } from '../errors.js';
import {
  assessFlakiness,
  emptyHistory,
  type History,
  linkKey,
  parseHistory,
  renderHistory,
  reportLinks,
  updateHistory,
} from './history.js';
import type { Report } from './schema.js';

/** What these tests count as failing: the audit's `--fail-on broken,unreachable`. */
const BROKEN_OR_UNREACHABLE = parseFailOnList(['broken,unreachable']);

const fixture = loadReportFixture();
const WATCHED = 'python-tutorial';

/** `broken`, or `skipped:network-down` for a status with a chosen reason. */
type Step = Extract<
  FailOnKey,
  | 'ok'
  | 'broken'
  | 'unreachable'
  | 'redirected'
  | 'unverified'
  | 'skipped:network-down'
  | 'skipped:interrupted'
  | 'skipped:excluded'
  | 'unverified:login-wall'
>;

/** An outcome for a step: the status's usual outcome, or the chosen reason. */
function outcomeOf(step: Step): CheckOutcome {
  switch (step) {
    case 'ok':
      return { status: 'ok', reason: 'ok', httpStatus: 200 };
    case 'broken':
      return { status: 'broken', reason: 'http-404', httpStatus: 404 };
    case 'unreachable':
      return { status: 'unreachable', reason: 'timeout' };
    case 'redirected':
      return {
        status: 'redirected',
        reason: 'permanent-redirect',
        httpStatus: 200,
        finalUrl: 'https://new.test/',
      };
    case 'skipped:network-down':
      return { status: 'skipped', reason: 'network-down' };
    case 'skipped:interrupted':
      return { status: 'skipped', reason: 'interrupted' };
    case 'skipped:excluded':
      return { status: 'skipped', reason: 'excluded' };
    case 'unverified':
      return { status: 'unverified', reason: 'bot-wall', httpStatus: 403 };
    case 'unverified:login-wall':
      return { status: 'unverified', reason: 'login-wall' };
    default:
      return assertNever(step);
  }
}

/** The fixture report as run number `run`, with the watched resource in the given state. */
function reportOfRun(run: number, step: Step, vantage = 'global'): Report {
  const at = `2026-11-${String(run).padStart(2, '0')}T03:00:00.000Z`;
  return {
    ...fixture,
    vantage,
    startedAt: at,
    results: fixture.results.map((result) => ({
      ...result,
      checkedAt: at,
      ...(result.id === WATCHED ? { outcome: outcomeOf(step) } : {}),
      mirrors: result.mirrors.map((mirror) => ({ ...mirror, checkedAt: at })),
    })),
  };
}

function historyOf(steps: readonly Step[], keep = 10): History {
  return steps.reduce(
    (history, step, i) => updateHistory(history, reportOfRun(i + 1, step), { keep }),
    emptyHistory(),
  );
}

function captureError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

const day = (run: number): string => `2026-11-${String(run).padStart(2, '0')}T03:00:00.000Z`;

/** Where the watched resource ends up: `new`, `persistent since <run>`, `recovered since <run>`, or `-`. */
function verdict(history: History, failAfter: number): string {
  const flakiness = assessFlakiness(history, { failAfter, failing: BROKEN_OR_UNREACHABLE });
  const find = <T extends { key: string }>(links: T[]): T | undefined =>
    links.find((link) => link.key === WATCHED);
  const fresh = find(flakiness.newFailures);
  const persistent = find(flakiness.persistent);
  const recovered = find(flakiness.recovered);
  const matches = [fresh, persistent, recovered].filter((link) => link !== undefined);
  expect(matches.length).toBeLessThanOrEqual(1);
  if (fresh !== undefined) return `new since ${fresh.since}`;
  if (persistent !== undefined) return `persistent since ${persistent.since}`;
  if (recovered !== undefined) return `recovered ${recovered.since}..${recovered.recoveredAt}`;
  return '-';
}

describe('assessFlakiness', () => {
  it.each<[string, Step[], number, string]>([
    ['first failure is only new', ['broken'], 2, `new since ${day(1)}`],
    ['K failures make it persistent', ['broken', 'broken'], 2, `persistent since ${day(1)}`],
    [
      'it stays persistent, since the start',
      ['ok', 'broken', 'broken', 'unreachable'],
      2,
      `persistent since ${day(2)}`,
    ],
    [
      'working again after K failures: recovered',
      ['broken', 'broken', 'ok'],
      2,
      `recovered ${day(1)}..${day(3)}`,
    ],
    ['recovered is reported once', ['broken', 'broken', 'ok', 'ok'], 2, '-'],
    ['a single failure that heals was never counted', ['broken', 'ok'], 2, '-'],
    ['an interrupted streak starts again', ['broken', 'ok', 'broken'], 2, `new since ${day(3)}`],
    ['unverified is not failing by default', ['unverified', 'unverified'], 2, '-'],
    [
      'redirected is not failing by default',
      ['broken', 'broken', 'redirected'],
      2,
      `recovered ${day(1)}..${day(3)}`,
    ],
    ['with K=1 a failure counts at once', ['broken'], 1, `persistent since ${day(1)}`],
    ['with K=1 one good run recovers', ['broken', 'ok'], 1, `recovered ${day(1)}..${day(2)}`],
    ['with K=3 two failures are still new', ['broken', 'broken'], 3, `new since ${day(1)}`],
    [
      'with K=3 three failures count',
      ['broken', 'broken', 'broken'],
      3,
      `persistent since ${day(1)}`,
    ],
    [
      'a network-down run does not break a streak',
      ['broken', 'skipped:network-down', 'broken'],
      2,
      `persistent since ${day(1)}`,
    ],
    [
      'a network-down run does not recover a link',
      ['broken', 'broken', 'skipped:network-down'],
      2,
      `persistent since ${day(1)}`,
    ],
    [
      'an interrupted run does not count',
      ['broken', 'skipped:interrupted'],
      2,
      `new since ${day(1)}`,
    ],
    [
      'an excluded link is no longer failing',
      ['broken', 'broken', 'skipped:excluded'],
      2,
      `recovered ${day(1)}..${day(3)}`,
    ],
  ])('%s (%j, K=%i)', (_, steps, failAfter, expected) => {
    expect(verdict(historyOf(steps), failAfter)).toBe(expected);
  });

  it('walks new → persistent → recovered over consecutive runs', () => {
    const steps: Step[] = ['ok', 'broken', 'broken', 'broken', 'ok'];
    const verdicts = steps.map((_, i) => verdict(historyOf(steps.slice(0, i + 1)), 2));
    expect(verdicts).toEqual([
      '-',
      `new since ${day(2)}`,
      `persistent since ${day(2)}`,
      `persistent since ${day(2)}`,
      `recovered ${day(2)}..${day(5)}`,
    ]);
  });

  it('honours status:reason entries of the failing set', () => {
    // The fixture's illustrated-transformer is unverified too, but behind a bot wall.
    const history = historyOf(['unverified:login-wall', 'unverified:login-wall']);
    const failing = parseFailOnList(['unverified:login-wall']);
    const keys = assessFlakiness(history, { failing }).persistent.map((link) => link.key);
    expect(keys).toEqual([WATCHED]);
  });

  it('judges one vantage at a time when asked', () => {
    const history = [
      reportOfRun(1, 'broken', 'global'),
      reportOfRun(2, 'ok', 'cn'),
      reportOfRun(3, 'broken', 'global'),
    ].reduce((h, report) => updateHistory(h, report, { keep: 10 }), emptyHistory());
    const persistentIn = (vantage?: string): string[] =>
      assessFlakiness(history, {
        failing: BROKEN_OR_UNREACHABLE,
        ...(vantage === undefined ? {} : { vantage }),
      })
        .persistent.filter((link) => link.key === WATCHED)
        .map((link) => link.since);
    expect(persistentIn('global')).toEqual([day(1)]);
    expect(persistentIn()).toEqual([]);
  });

  it('counts every failing link of the fixture as new after one run', () => {
    const flakiness = assessFlakiness(historyOf(['ok']), { failing: BROKEN_OR_UNREACHABLE });
    expect(flakiness.newFailures.map((link) => link.key)).toEqual([
      '3b1b-linear-algebra#mirror:https://bilibili.example.test/video/BV1gone',
      'annotated-transformer',
      'flash-attention',
      'llm-leaderboard#mirror:https://hf-mirror.example.test/spaces/leaderboard',
      'numpy-guide',
    ]);
    expect(flakiness.persistent).toEqual([]);
  });

  it.each([0, -1, 1.5])('refuses failAfter %s', (failAfter) => {
    expect(() =>
      assessFlakiness(emptyHistory(), { failAfter, failing: BROKEN_OR_UNREACHABLE }),
    ).toThrow(UsageError);
  });
});

describe('updateHistory', () => {
  it('records one observation per resource and per mirror', () => {
    const history = historyOf(['broken']);
    expect(Object.keys(history.links)).toHaveLength(
      fixture.results.length + fixture.results.flatMap((result) => result.mirrors).length,
    );
    expect(history.links[linkKey(WATCHED)]).toEqual([
      { at: day(1), vantage: 'global', status: 'broken', reason: 'http-404' },
    ]);
    expect(history.links[linkKey('hf-course', 'https://hf-mirror.example.test/learn')]).toEqual([
      { at: day(1), vantage: 'global', status: 'ok', reason: 'ok' },
    ]);
  });

  it.each([1, 2, 3])('keeps only the newest %i observations', (keep) => {
    const history = historyOf(['ok', 'broken', 'unreachable', 'ok', 'broken'], keep);
    const kept = history.links[WATCHED]?.map((seen) => seen.at);
    expect(kept).toEqual([day(1), day(2), day(3), day(4), day(5)].slice(-keep));
  });

  it('changes nothing when the same report is applied twice', () => {
    const once = historyOf(['broken', 'ok']);
    expect(updateHistory(once, reportOfRun(2, 'ok'), { keep: 10 })).toEqual(once);
  });

  it('puts a late report in time order', () => {
    const late = updateHistory(historyOf(['ok']), reportOfRun(3, 'broken'), {
      keep: 10,
    });
    const history = updateHistory(late, reportOfRun(2, 'broken'), { keep: 10 });
    expect(history.links[WATCHED]?.map((seen) => seen.at)).toEqual([day(1), day(2), day(3)]);
  });

  it.each([
    [undefined, false],
    [true, false],
    [false, true],
  ])('with dropMissing %s, a removed resource is kept: %s', (dropMissing, isKept) => {
    const withoutWatched = {
      ...reportOfRun(2, 'ok'),
      results: reportOfRun(2, 'ok').results.filter((result) => result.id !== WATCHED),
    };
    const history = updateHistory(historyOf(['broken']), withoutWatched, {
      keep: 10,
      ...(dropMissing === undefined ? {} : { dropMissing }),
    });
    expect(WATCHED in history.links).toBe(isKept);
  });

  it('keeps the history of links in a shard a partial merge lacks (not checked, not removed)', () => {
    const total = 2;
    const index = shardOf(WATCHED, total);
    const partial: Report = {
      ...reportOfRun(2, 'ok'),
      partial: true,
      missingShards: [{ vantage: 'global', index, total }],
      results: reportOfRun(2, 'ok').results.filter((result) => shardOf(result.id, total) !== index),
    };
    const history = updateHistory(historyOf(['broken']), partial, { keep: 10 });
    expect(history.links[WATCHED]).toHaveLength(1);
  });

  it.each([0, -3, 2.5])('refuses keep %s', (keep) => {
    expect(() => updateHistory(emptyHistory(), fixture, { keep })).toThrow(UsageError);
  });
});

describe('history.json', () => {
  it('round-trips through renderHistory and parseHistory', () => {
    const history = historyOf(['broken', 'ok']);
    const text = renderHistory(history);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseHistory(text, 'reports/history.json')).toEqual(history);
  });

  it('writes keys in a stable order whatever the report order', () => {
    const reversed = { ...fixture, results: [...fixture.results].reverse() };
    const a = renderHistory(updateHistory(emptyHistory(), fixture, { keep: 3 }));
    const b = renderHistory(updateHistory(emptyHistory(), reversed, { keep: 3 }));
    expect(a).toBe(b);
  });

  it.each([
    ['not JSON', '{', /not a history file/, ''],
    [
      'another version',
      '{"schemaVersion":2,"links":{}}',
      /not a valid history file/,
      'schemaVersion',
    ],
    [
      'a bad status',
      '{"schemaVersion":1,"links":{"a":[{"at":"x","vantage":"global","status":"dead","reason":"r"}]}}',
      /not a valid history file/,
      'links.a.0.status',
    ],
  ])('rejects %s as an input error', (_, text, message, path) => {
    const read = (): unknown => parseHistory(text, 'history.json');
    expect(read).toThrow(message);
    const error = captureError(read);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0]?.path).toBe(path);
  });
});

describe('reportLinks', () => {
  it('lists resources and their mirrors in report order under their keys', () => {
    const keys = reportLinks(fixture).map((link) => `${link.role} ${link.key} @${link.line}`);
    expect(keys.slice(0, 4)).toEqual([
      'resource 3b1b-linear-algebra @17',
      'mirror 3b1b-linear-algebra#mirror:https://bilibili.example.test/video/BV1ys @22',
      'mirror 3b1b-linear-algebra#mirror:https://bilibili.example.test/video/BV1gone @23',
      'resource khan-calculus @28',
    ]);
  });
});
