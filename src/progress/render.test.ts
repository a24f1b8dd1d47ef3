import { describe, expect, it } from 'vitest';
import { renderProgressLine } from './render.js';
import type { PendingFetch, ProgressSnapshot } from './state.js';

const snapshot = (overrides: Partial<ProgressSnapshot> = {}): ProgressSnapshot => ({
  done: 4,
  total: 10,
  failing: 1,
  requestsOut: 9,
  hostsOut: 3,
  estimate: { kind: 'unknown' },
  ...overrides,
});

const pending = (url: string, waitedMs: number, fields: Partial<PendingFetch> = {}) => ({
  url,
  waitedMs,
  attempt: 1,
  maxAttempts: 3,
  isRequestOut: true,
  ...fields,
});

/** 53 of 54 done, the last one's request out, waited on for `waitedMs` in its second attempt. */
const lastOneWaiting = (failing: number, waitedMs: number): ProgressSnapshot =>
  snapshot({
    done: 53,
    total: 54,
    failing,
    requestsOut: 1,
    hostsOut: 1,
    estimate: {
      kind: 'waiting',
      pending: [pending('https://slow.example/x', waitedMs, { attempt: 2 })],
    },
  });

describe('renderProgressLine', () => {
  it.each([
    [snapshot(), 'checked 4/10 (40%), 1 failing, 9 requests out on 3 hosts'],
    [
      snapshot({ requestsOut: 1, hostsOut: 1, estimate: { kind: 'pace', remainingMs: 11_200 } }),
      'checked 4/10 (40%), 1 failing, 1 request out on 1 host, ETA 12 s',
    ],
    [
      snapshot({ requestsOut: 0, hostsOut: 0, estimate: { kind: 'pace', remainingMs: 125_000 } }),
      'checked 4/10 (40%), 1 failing, no request out, ETA 2 min 5 s',
    ],
    [snapshot({ done: 0, total: 0 }), 'checked 0/0 (100%), 1 failing, 9 requests out on 3 hosts'],
  ])('counts done, failing, requests and hosts, and the ETA from the pace: %j', (given, line) => {
    expect(renderProgressLine(given)).toBe(line);
  });

  it('names what it waits on, with its wait and attempt, instead of an ETA', () => {
    const line = renderProgressLine(lastOneWaiting(0, 42_900));
    expect(line).toBe(
      'checked 53/54 (98%), 0 failing, 1 request out on 1 host, waiting on 1: https://slow.example/x (42 s, attempt 2/3)',
    );
  });

  it('says when a fetch waits to retry, and counts the ones past the third', () => {
    const line = renderProgressLine(
      snapshot({
        estimate: {
          kind: 'waiting',
          pending: [
            pending('https://a.test/', 75_000, { isRequestOut: false }),
            pending('https://b.test/', 3_000),
            pending('https://c.test/', 2_000),
            pending('https://d.test/', 1_000),
            pending('https://e.test/', 0),
          ],
        },
      }),
    );
    expect(line).toBe(
      'checked 4/10 (40%), 1 failing, 9 requests out on 3 hosts, waiting on 5: https://a.test/ (1 min 15 s, retrying after attempt 1/3), https://b.test/ (3 s, attempt 1/3), https://c.test/ (2 s, attempt 1/3), and 2 more',
    );
  });
});

describe('renderProgressLine in zh-CN', () => {
  it('says the same facts in Chinese, with the glossary’s terms', () => {
    const line = renderProgressLine(lastOneWaiting(2, 75_900), 'zh-CN');
    expect(line).toBe(
      '已检查 53/54（98%），2 个失败，1 个站点上有 1 个请求进行中，还在等 1 个：https://slow.example/x (1 分 15 秒，第 2/3 次尝试)',
    );
    expect(
      renderProgressLine(snapshot({ estimate: { kind: 'pace', remainingMs: 11_200 } }), 'zh-CN'),
    ).toBe('已检查 4/10（40%），1 个失败，3 个站点上有 9 个请求进行中，预计还需 12 秒');
  });
});
