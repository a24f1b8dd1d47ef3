import { errors } from 'undici';
import { describe, expect, it } from 'vitest';
import {
  PRIVATE_ADDRESS_CODE,
  PROXY_UNREACHABLE_CODE,
  timeoutPhaseOf,
  toNetworkFailure,
} from './network-failure.js';

function nodeError(code: string, message = `${code} happened`): Error {
  return Object.assign(new Error(message), { code });
}

describe('toNetworkFailure', () => {
  it.each([
    ['ENOTFOUND', 'dns'],
    ['EAI_AGAIN', 'dns-temporary'],
    ['ECONNREFUSED', 'refused'],
    ['ECONNRESET', 'reset'],
    ['EPIPE', 'reset'],
    ['CERT_HAS_EXPIRED', 'tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'tls'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls'],
    ['EPROTO', 'tls'],
    ['UND_ERR_SOCKS5_REPLY_5', 'proxy'],
    [PROXY_UNREACHABLE_CODE, 'proxy'],
    [PRIVATE_ADDRESS_CODE, 'private-address'],
    ['EHOSTUNREACH', 'other'],
  ] as const)('maps code %s to %s and keeps the code', (code, reason) => {
    expect(toNetworkFailure(nodeError(code))).toEqual({
      reason,
      code,
      message: `${code} happened`,
    });
  });

  it.each([
    ['SocketError', new errors.SocketError('other side closed'), 'reset', 'UND_ERR_SOCKET'],
    [
      'refused CONNECT tunnel',
      new errors.RequestAbortedError('Proxy response (403) !== 200 when HTTP Tunneling'),
      'proxy',
      'UND_ERR_ABORTED',
    ],
    [
      '407 from the proxy',
      new errors.InvalidArgumentError('Proxy Authentication Required (407)'),
      'proxy',
      'UND_ERR_INVALID_ARG',
    ],
    [
      'proxy TLS',
      new errors.SecureProxyConnectionError(nodeError('ERR_TLS_CERT_ALTNAME_INVALID')),
      'proxy',
      'UND_ERR_PRX_TLS',
    ],
  ] as const)('maps undici %s to %s', (_name, error, reason, code) => {
    expect(toNetworkFailure(error)).toMatchObject({ reason, code });
  });

  it('finds the code in the cause chain and reports that error’s message', () => {
    const error = new TypeError('fetch failed', {
      cause: nodeError('ENOTFOUND', 'getaddrinfo ENOTFOUND x.test'),
    });

    expect(toNetworkFailure(error)).toEqual({
      reason: 'dns',
      code: 'ENOTFOUND',
      message: 'getaddrinfo ENOTFOUND x.test',
    });
  });

  it('says what an overflow of the response headers means', () => {
    const overflow = Object.assign(new Error('Headers Overflow Error'), {
      code: 'UND_ERR_HEADERS_OVERFLOW',
    });

    expect(toNetworkFailure(overflow)).toEqual({
      reason: 'other',
      code: 'UND_ERR_HEADERS_OVERFLOW',
      message: 'the response headers are larger than browsers accept, so the page cannot load',
    });
  });

  it('lets a wrapper’s own code win over its cause', () => {
    const error = Object.assign(
      new Error('proxy unreachable', { cause: nodeError('ECONNREFUSED') }),
      {
        code: PROXY_UNREACHABLE_CODE,
      },
    );

    expect(toNetworkFailure(error).reason).toBe('proxy');
  });

  it('looks inside an AggregateError from happy-eyeballs connects', () => {
    const error = new AggregateError(
      [nodeError('ECONNREFUSED'), nodeError('ECONNREFUSED')],
      'connect failed',
    );

    expect(toNetworkFailure(error)).toMatchObject({ reason: 'refused', code: 'ECONNREFUSED' });
  });

  it('falls back to other with the first known code and the outer message', () => {
    const error = new Error('parse failed', { cause: nodeError('HPE_INVALID_CONSTANT') });

    expect(toNetworkFailure(error)).toEqual({
      reason: 'other',
      code: 'HPE_INVALID_CONSTANT',
      message: 'parse failed',
    });
  });

  it('accepts values that are not errors', () => {
    expect(toNetworkFailure('boom')).toEqual({ reason: 'other', code: undefined, message: 'boom' });
  });

  it('survives a cause cycle', () => {
    const outer = new Error('outer');
    const inner = new Error('inner', { cause: outer });
    outer.cause = inner;

    expect(toNetworkFailure(outer).reason).toBe('other');
  });
});

describe('timeoutPhaseOf', () => {
  it.each([
    [new errors.ConnectTimeoutError(), 'connect'],
    [nodeError('ETIMEDOUT'), 'connect'],
    [new errors.HeadersTimeoutError(), 'headers'],
    [new errors.BodyTimeoutError(), 'body'],
    [new Error('wrapped', { cause: new errors.BodyTimeoutError() }), 'body'],
    [nodeError('ECONNRESET'), undefined],
  ])('reads %s as %s', (error, phase) => {
    expect(timeoutPhaseOf(error)).toBe(phase);
  });
});
