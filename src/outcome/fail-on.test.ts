import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { isFailing, parseFailOnList } from './fail-on.js';

function usageError(items: string[]): UsageError {
  try {
    parseFailOnList(items);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`${items.join(',')} was accepted`);
}

describe('parseFailOnList', () => {
  it('reads statuses and status:reason pairs, comma-separated or repeated', () => {
    expect([...parseFailOnList(['broken,unverified:bot-wall', ' unreachable '])]).toEqual([
      'broken',
      'unverified:bot-wall',
      'unreachable',
    ]);
  });

  it('reads none (and nothing) as an empty set', () => {
    expect(parseFailOnList(['none']).size).toBe(0);
    expect(parseFailOnList([]).size).toBe(0);
  });

  it('refuses an unknown status, suggesting the nearest', () => {
    const error = usageError(['brokn']);
    expect(error.message).toMatch(/"brokn" is not a status word or a finding/);
    expect(error.hint).toMatch(/Did you mean broken\?/);
    expect(error.exitCode).toBe(2);
  });

  it('reads finding words beside the statuses, and suggests the nearest for a typo', () => {
    expect([...parseFailOnList(['broken,archived', 'withdrawn'])]).toEqual([
      'broken',
      'archived',
      'withdrawn',
    ]);
    expect(usageError(['archivd']).hint).toMatch(/Did you mean archived\?/);
    // A finding is not a status: it has no reasons.
    expect(() => parseFailOnList(['gated:manual'])).toThrow(UsageError);
  });

  it('refuses an unknown reason of a known status, suggesting the nearest', () => {
    const error = usageError(['broken:http-44']);
    expect(error.message).toMatch(/"http-44" is not a reason of broken/);
    expect(error.hint).toMatch(/Did you mean broken:http-404\?/);
    expect(error.exitCode).toBe(2);
  });

  it('refuses a reason of another status', () => {
    const error = usageError(['ok:http-404']);
    expect(error.message).toMatch(/not a reason of ok/);
    expect(error.hint).toMatch(/The reasons of ok are ok, temporary-redirect, accepted\./);
  });
});

describe('isFailing', () => {
  const failOn = parseFailOnList(['broken', 'unverified:bot-wall']);

  it.each([
    [{ status: 'broken', reason: 'http-404' } as const, true],
    [{ status: 'unverified', reason: 'bot-wall' } as const, true],
    [{ status: 'unverified', reason: 'login-wall' } as const, false],
    [{ status: 'ok', reason: 'ok' } as const, false],
  ])('%j → %s', (outcome, expected) => {
    expect(isFailing(outcome, failOn, [])).toBe(expected);
  });
});

describe('isFailing with findings', () => {
  it('fails on a finding only when --fail-on names it', () => {
    const ok = { status: 'ok', reason: 'ok' } as const;
    const archived = [{ kind: 'archived', platform: 'github' } as const];
    expect(isFailing(ok, parseFailOnList(['broken']), archived)).toBe(false);
    expect(isFailing(ok, parseFailOnList(['broken,archived']), archived)).toBe(true);
    expect(isFailing(ok, parseFailOnList(['archived']), undefined)).toBe(false);
  });
});
