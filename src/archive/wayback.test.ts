import { describe, expect, it } from 'vitest';
import type { ArchivedCopy } from './archived-copy.js';
import {
  isLookupEnd,
  judgeArchiveAnswer,
  lookUpSnapshot,
  snapshotRequestUrl,
  snapshotTimestamp,
  type ArchiveAnswer,
} from './wayback.js';

const SNAPSHOT = 'https://web.archive.org/web/20240102030405/https://example.test/a';

describe('judgeArchiveAnswer', () => {
  it.each<[string, ArchiveAnswer, ArchivedCopy]>([
    [
      'a redirect to a snapshot',
      { kind: 'response', status: 302, location: SNAPSHOT },
      { kind: 'snapshot', url: SNAPSHOT, timestamp: '2024-01-02T03:04:05Z' },
    ],
    [
      'a snapshot with flags',
      {
        kind: 'response',
        status: 302,
        location: 'https://web.archive.org/web/20240102030405id_/https://example.test/a',
      },
      {
        kind: 'snapshot',
        url: 'https://web.archive.org/web/20240102030405id_/https://example.test/a',
        timestamp: '2024-01-02T03:04:05Z',
      },
    ],
    [
      'never archived',
      { kind: 'response', status: 404, location: undefined },
      { kind: 'none', reason: 'not-archived' },
    ],
    [
      'excluded',
      { kind: 'response', status: 403, location: undefined },
      { kind: 'none', reason: 'excluded' },
    ],
    [
      'rate limited',
      { kind: 'response', status: 429, location: undefined },
      { kind: 'unanswered', reason: 'rate-limited', detail: 'HTTP 429 after the retries' },
    ],
    [
      'down',
      { kind: 'response', status: 503, location: undefined },
      { kind: 'unanswered', reason: 'unreachable', detail: 'HTTP 503' },
    ],
    [
      'a network failure',
      { kind: 'failure', detail: 'reset' },
      { kind: 'unanswered', reason: 'unreachable', detail: 'reset' },
    ],
    [
      'a redirect off the archive',
      { kind: 'response', status: 302, location: 'https://example.test/' },
      { kind: 'unanswered', reason: 'unexpected', detail: 'redirected to https://example.test/' },
    ],
    [
      'a 200 without a snapshot',
      { kind: 'response', status: 200, location: undefined },
      { kind: 'unanswered', reason: 'unexpected', detail: 'HTTP 200' },
    ],
  ])('%s', (_name, answer, expected) => {
    expect(judgeArchiveAnswer(answer)).toEqual(expected);
  });
});

describe('the snapshot URL', () => {
  it('asks /web/<url> without the fragment', () => {
    expect(snapshotRequestUrl(new URL('https://example.test/a?b=1#c')).href).toBe(
      'https://web.archive.org/web/https://example.test/a?b=1',
    );
  });
  it('reads only real dates on the archive', () => {
    expect(
      snapshotTimestamp(new URL('https://web.archive.org/web/20241399000000/x')),
    ).toBeUndefined();
    expect(snapshotTimestamp(new URL('https://example.test/web/20240102030405/x'))).toBeUndefined();
  });
  it('follows only the archive hops without a timestamp', () => {
    expect(isLookupEnd(new URL('https://web.archive.org/web/http://example.test/a'))).toBe(false);
    expect(isLookupEnd(new URL(SNAPSHOT))).toBe(true);
    expect(isLookupEnd(new URL('https://example.test/'))).toBe(true);
  });
  it('sends exactly one GET of /web/<url>', async () => {
    const asked: string[] = [];
    const copy = await lookUpSnapshot(new URL('https://example.test/a'), (url) => {
      asked.push(url.href);
      return Promise.resolve({ kind: 'response', status: 302, location: SNAPSHOT });
    });
    expect(asked).toEqual(['https://web.archive.org/web/https://example.test/a']);
    expect(copy.kind).toBe('snapshot');
  });
});
