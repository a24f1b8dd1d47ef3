import { describe, expect, it } from 'vitest';
import type { FetchOutcome } from '../domain.js';
import type { ProbeResponse } from './probe.js';
import { toProbeResponse } from './probe-response.js';

const API = 'https://api.bilibili.com/x/web-interface/view?bvid=BV17x411w7KC';

describe('toProbeResponse', () => {
  it.each<[string, FetchOutcome, ProbeResponse]>([
    [
      'a response, after redirects',
      {
        kind: 'response',
        status: 200,
        finalUrl: 'https://www.bilibili.com/video/BV17x411w7KC/',
        hops: [{ url: 'https://b23.tv/xYz12Ab', status: 302 }],
        headers: { 'content-type': 'text/html' },
        contentType: 'text/html',
        body: '<html></html>',
        durationMs: 40,
      },
      {
        kind: 'response',
        status: 200,
        finalUrl: 'https://www.bilibili.com/video/BV17x411w7KC/',
        body: '<html></html>',
        contentType: 'text/html',
        headers: { 'content-type': 'text/html' },
      },
    ],
    [
      'a network failure',
      {
        kind: 'network-failure',
        failure: { reason: 'reset', code: 'ECONNRESET', message: 'socket hang up' },
        hops: [],
        durationMs: 5,
      },
      { kind: 'failure', reason: 'reset: socket hang up' },
    ],
    [
      'a timeout',
      { kind: 'timeout', phase: 'headers', hops: [{ url: API, status: 307 }], durationMs: 10_000 },
      { kind: 'failure', reason: 'timeout (headers)' },
    ],
  ])('%s', (_name, outcome, expected) => {
    expect(toProbeResponse(outcome)).toEqual(expected);
  });
});
