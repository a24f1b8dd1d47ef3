import { describe, expect, it } from 'vitest';
import { CheckOutcomeSchema, REASONS_BY_STATUS, STATUSES, type CheckOutcome } from './model.js';

describe('CheckOutcomeSchema', () => {
  it('accepts each reason with the fields its group requires', () => {
    const good: CheckOutcome[] = [
      { status: 'ok', reason: 'ok', httpStatus: 200 },
      {
        status: 'redirected',
        reason: 'permanent-redirect',
        httpStatus: 200,
        finalUrl: 'https://a/',
      },
      { status: 'broken', reason: 'http-404', httpStatus: 404 },
      { status: 'broken', reason: 'nxdomain', errorCode: 'ENOTFOUND' },
      { status: 'broken', reason: 'video-removed', detail: 'gone' },
      { status: 'broken', reason: 'invalid-url', detail: 'not a URL' },
      { status: 'unreachable', reason: 'server-error', httpStatus: 503 },
      { status: 'unreachable', reason: 'refused', errorCode: 'ECONNREFUSED' },
      { status: 'unverified', reason: 'bot-wall', httpStatus: 403 },
      { status: 'unverified', reason: 'video-private' },
      { status: 'skipped', reason: 'network-down' },
    ];
    for (const outcome of good) expect(CheckOutcomeSchema.safeParse(outcome).success).toBe(true);
  });

  it('rejects a reason of another status, an unknown reason, and a missing required field', () => {
    const bad: unknown[] = [
      { status: 'ok', reason: 'http-404', httpStatus: 404 },
      { status: 'broken', reason: 'http-44', httpStatus: 404 },
      { status: 'broken', reason: 'http-404' },
      { status: 'redirected', reason: 'permanent-redirect', httpStatus: 301 },
      { status: 'unverified', reason: 'rate-limited' },
      { status: 'broken', reason: 'invalid-url' },
      { status: 'skipped', reason: 'offline', httpStatus: 200 },
    ];
    for (const outcome of bad) expect(CheckOutcomeSchema.safeParse(outcome).success).toBe(false);
  });

  it('lists every reason once, under its own status', () => {
    const all = STATUSES.flatMap((status) => REASONS_BY_STATUS[status]);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('the CheckOutcome type', () => {
  it('does not let a fixture build an ok with a broken reason', () => {
    // @ts-expect-error: http-404 is a broken reason, never an ok one.
    const wrong: CheckOutcome = { status: 'ok', reason: 'http-404', httpStatus: 404 };
    // @ts-expect-error: a reason answered over HTTP needs its status code.
    const noCode: CheckOutcome = { status: 'broken', reason: 'http-404' };
    // @ts-expect-error: a permanent redirect needs the URL to move to.
    const noTarget: CheckOutcome = {
      status: 'redirected',
      reason: 'permanent-redirect',
      httpStatus: 200,
    };
    expect(CheckOutcomeSchema.safeParse(wrong).success).toBe(false);
    expect(CheckOutcomeSchema.safeParse(noCode).success).toBe(false);
    expect(CheckOutcomeSchema.safeParse(noTarget).success).toBe(false);
  });
});
