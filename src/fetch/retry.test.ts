import { describe, expect, it } from 'vitest';
import type { FetchOutcome, NetworkFailureReason } from '../domain.js';
import {
  isTransient,
  parseRetryAfterMs,
  requestedWaitMs,
  retryDelayMs,
  shouldRetry,
} from './retry.js';

function response(status: number, headers: Record<string, string> = {}): FetchOutcome {
  return {
    kind: 'response',
    status,
    finalUrl: 'https://www.example.test/',
    hops: [],
    headers,
    contentType: undefined,
    body: undefined,
    durationMs: 1,
  };
}

function failure(reason: NetworkFailureReason): FetchOutcome {
  return {
    kind: 'network-failure',
    failure: { reason, code: undefined, message: reason },
    hops: [],
    durationMs: 1,
  };
}

const timeout: FetchOutcome = { kind: 'timeout', phase: 'body', hops: [], durationMs: 1 };

const settings = { retryBaseDelayMs: 100, maxRetryAfterMs: 10_000 };
const nowMs = Date.parse('2025-01-01T00:00:00Z');

describe('isTransient', () => {
  it.each([
    [response(200), false],
    [response(404), false],
    [response(408), true],
    [response(429), true],
    [response(500), true],
    [response(501), false],
    [response(502), true],
    [response(503), true],
    [response(504), true],
    [response(505), false],
    [response(511), false],
    [response(599), true],
    [failure('reset'), true],
    [failure('dns-temporary'), true],
    [failure('refused'), false],
    [failure('dns'), false],
    [failure('tls'), false],
    [failure('private-address'), false],
    [failure('redirect-loop'), false],
    [timeout, true],
  ])('%o → %s', (outcome, expected) => {
    expect(isTransient(outcome)).toBe(expected);
  });
});

describe('shouldRetry', () => {
  it.each([
    [1, 2, true],
    [2, 2, true],
    [3, 2, false],
    [1, 0, false],
  ])('after attempt %i of 1 + %i retries: %s', (attempt, maxRetries, expected) => {
    expect(shouldRetry(response(503), attempt, maxRetries)).toBe(expected);
  });

  it('never retries an answer that will not change', () => {
    expect(shouldRetry(response(404), 1, 5)).toBe(false);
  });

  it.each([
    [1, true],
    [2, false],
  ])('after %i timed-out attempts, retries a timeout: %s', (timedOutAttempts, expected) => {
    expect(shouldRetry(timeout, timedOutAttempts, 5, timedOutAttempts)).toBe(expected);
  });

  it('still retries an answer after timeouts', () => {
    expect(shouldRetry(response(503), 3, 5, 2)).toBe(true);
  });
});

describe('retryDelayMs', () => {
  it.each([
    [1, 0, 50],
    [1, 1, 100],
    [2, 0, 100],
    [3, 0.5, 300],
    [4, 1, 800],
  ])('backs off exponentially: attempt %i with random %f → %i ms', (attempt, random, expected) => {
    expect(retryDelayMs(response(503), attempt, settings, () => random, nowMs)).toBe(expected);
  });

  it('caps the backoff at maxRetryAfterMs', () => {
    expect(retryDelayMs(timeout, 30, settings, () => 1, nowMs)).toBe(10_000);
  });

  it.each([
    ['2', 2000],
    ['0', 0],
    ['3600', 10_000],
    ['Wed, 01 Jan 2025 00:00:05 GMT', 5000],
    ['Tue, 31 Dec 2024 23:00:00 GMT', 0],
  ])('honours Retry-After %s → %i ms', (retryAfter, expected) => {
    expect(
      retryDelayMs(response(429, { 'retry-after': retryAfter }), 1, settings, () => 1, nowMs),
    ).toBe(expected);
  });

  it('falls back to backoff when Retry-After cannot be read', () => {
    expect(
      retryDelayMs(response(429, { 'retry-after': 'soon' }), 1, settings, () => 0, nowMs),
    ).toBe(50);
  });
});

describe('requestedWaitMs', () => {
  it.each([
    [response(429, { 'retry-after': '86400' }), 86_400_000],
    [response(503, { 'retry-after': 'Wed, 01 Jan 2025 02:00:00 GMT' }), 7_200_000],
    [response(429), undefined],
    [timeout, undefined],
  ])('%o → %s', (outcome, expected) => {
    expect(requestedWaitMs(outcome, nowMs)).toBe(expected);
  });
});

describe('parseRetryAfterMs', () => {
  it.each([
    ['120', 120_000],
    [' 7 ', 7000],
    ['Wed, 01 Jan 2025 00:01:00 GMT', 60_000],
    ['-5', undefined],
    ['1.5', undefined],
    ['', undefined],
    ['tomorrow', undefined],
  ])('%j → %s', (value, expected) => {
    expect(parseRetryAfterMs(value, nowMs)).toBe(expected);
  });
});
