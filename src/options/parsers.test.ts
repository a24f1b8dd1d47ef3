import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { resolveOptions } from '../options.js';
import { DEFAULT_FAILING } from '../report/history.js';
import {
  expandEnv,
  parseConnectTo,
  parseDurationMs,
  parseProxy,
  parseReportFormats,
  resolveFailOn,
} from './parsers.js';

describe('parseDurationMs', () => {
  it.each([
    ['15s', 15_000],
    ['500ms', 500],
    ['2m', 120_000],
    ['1.5s', 1_500],
    ['20', 20_000],
    ['12h', 43_200_000],
    ['1d', 86_400_000],
    [3, 3_000],
  ] as const)('%s → %i ms', (input, expected) => {
    expect(parseDurationMs(input, '--timeout')).toBe(expected);
  });

  it.each(['soon', '10y', '1w', '-5s', '0s'])('rejects %s', (input) => {
    expect(() => parseDurationMs(input, '--timeout')).toThrow(UsageError);
  });
});

describe('parseConnectTo', () => {
  it('maps host:port to address:port, curl style', () => {
    const map = parseConnectTo(['www.youtube.com:443:127.0.0.1:8443', 'Example.test:127.0.0.2']);
    expect(map.get('www.youtube.com:443')).toEqual({ address: '127.0.0.1', port: 8443 });
    expect(map.get('example.test')).toEqual({ address: '127.0.0.2', port: undefined });
  });
  it.each(['nonsense', 'a:b:c', 'host:x:127.0.0.1:1'])('rejects %s', (entry) => {
    expect(() => parseConnectTo([entry])).toThrow(UsageError);
  });
});

describe('expandEnv', () => {
  it('replaces ${VAR} and lists the missing ones', () => {
    expect(expandEnv('Bearer ${TOKEN}', { TOKEN: 's3cret' })).toEqual({
      value: 'Bearer s3cret',
      missing: [],
    });
    expect(expandEnv('Bearer ${TOKEN}', {})).toEqual({ value: 'Bearer ', missing: ['TOKEN'] });
  });
});

describe('parseProxy', () => {
  it('reads proxies from the environment unless --proxy is given', () => {
    const env = { HTTPS_PROXY: 'http://proxy.test:3128', NO_PROXY: 'localhost' };
    expect(parseProxy(undefined, env)).toEqual({
      httpsProxy: 'http://proxy.test:3128',
      noProxy: 'localhost',
    });
    expect(parseProxy('socks5://127.0.0.1:1080', env)).toEqual({
      httpProxy: 'socks5://127.0.0.1:1080',
      httpsProxy: 'socks5://127.0.0.1:1080',
      noProxy: 'localhost',
    });
  });

  it('has no proxy when neither the flag nor the environment names one', () => {
    expect(parseProxy(undefined, {})).toBeUndefined();
  });
});

describe('parseReportFormats', () => {
  it.each<[string[], string[]]>([
    [['md,json,html'], ['md', 'json', 'html']],
    [['sarif, JUnit'], ['json', 'sarif', 'junit']],
    [
      ['md', 'sarif'],
      ['json', 'md', 'sarif'],
    ],
    // report.json is the machine contract other commands read: always written.
    [['md'], ['json', 'md']],
    [[''], ['json']],
  ])('%j → %j', (items, expected) => {
    expect([...parseReportFormats(items)].sort()).toEqual([...expected].sort());
  });

  it('refuses an unknown format with the nearest one as a hint', () => {
    const error = (() => {
      try {
        parseReportFormats(['md,sarf']);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe('--reports: "sarf" is not a report format.');
    expect((error as UsageError).hint).toMatch(
      /^Did you mean sarif\? Use .*md, html, sarif, junit/,
    );
  });
});

describe('resolveFailOn', () => {
  it('has one default for every command: check, diff, history and the annotations', () => {
    const checkDefault = resolveOptions({}, undefined, {}).report.failOn;
    expect([...resolveFailOn(undefined)]).toEqual(['broken']);
    expect(checkDefault).toEqual(resolveFailOn(undefined));
    // diff, history and the annotations fall back on DEFAULT_FAILING when given nothing.
    expect(DEFAULT_FAILING).toEqual(resolveFailOn(undefined));
  });

  it('prefers the flag to the roadmap setting, and the setting to the default', () => {
    expect([...resolveFailOn('unreachable', ['unverified'])]).toEqual(['unreachable']);
    expect([...resolveFailOn(undefined, ['unverified'])]).toEqual(['unverified']);
  });

  it.each([
    ['broken:http-44', /"http-44" is not a reason of broken/],
    ['brokn', /"brokn" is not a status word/],
  ])('rejects %j through the one parser of the model', (flag, message) => {
    expect(() => resolveFailOn(flag)).toThrow(UsageError);
    expect(() => resolveFailOn(flag)).toThrow(message);
  });
});
