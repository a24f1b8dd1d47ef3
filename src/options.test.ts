import { describe, expect, it } from 'vitest';
import { UsageError } from './errors.js';
import {
  DEFAULTS,
  expandEnv,
  hostPolicyFor,
  parseConnectTo,
  parseDurationMs,
  parseFailOn,
  resolveOptions,
} from './options.js';

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

describe('parseFailOn', () => {
  it('accepts status words and status:reason pairs', () => {
    expect([...parseFailOn(['broken,unreachable', 'unverified:bot-wall'])]).toEqual([
      'broken',
      'unreachable',
      'unverified:bot-wall',
    ]);
  });
  it('"none" fails on nothing', () => {
    expect(parseFailOn(['none']).size).toBe(0);
  });
  it('rejects an unknown word with the list of valid ones', () => {
    expect(() => parseFailOn(['brokn'])).toThrow(/not a status word/);
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

describe('resolveOptions', () => {
  it.each([
    [{}, { shard: undefined, changedSince: undefined, format: 'text', cache: undefined }],
    [
      { shard: '2/4', changedSince: 'origin/main', format: 'github' },
      { shard: { index: 2, total: 4 }, changedSince: 'origin/main', format: 'github' },
    ],
    [{ cache: 'c.json' }, { cache: { file: 'c.json', maxAgeMs: DEFAULTS.cacheMaxAgeMs } }],
    [{ cache: 'c.json', maxAge: '12h' }, { cache: { file: 'c.json', maxAgeMs: 43_200_000 } }],
  ] as const)('resolves the CI flags %j', (flags, expected) => {
    expect(resolveOptions(flags, undefined, {})).toMatchObject(expected);
  });

  it.each([
    [{ shard: '3/2' }, /shard 3 does not exist/],
    [{ format: 'sarif' }, /--format: "sarif"/],
    [{ maxAge: '1d' }, /--max-age only applies with --cache/],
    [{ cache: 'c.json', maxAge: 'old' }, /--max-age: "old"/],
  ] as const)('refuses %j', (flags, message) => {
    expect(() => resolveOptions(flags, undefined, {})).toThrow(message);
  });

  it('fills every option from DEFAULTS when nothing is given', () => {
    const options = resolveOptions({}, undefined, {});
    expect(options).toMatchObject({
      out: DEFAULTS.out,
      concurrency: DEFAULTS.concurrency,
      perHost: DEFAULTS.perHost,
      timeoutMs: DEFAULTS.timeoutMs,
      retries: DEFAULTS.retries,
      checkFragments: true,
      verbosity: 'normal',
      vantage: 'global',
      proxy: undefined,
      isPrivateAllowed: false,
    });
    expect([...options.failOn]).toEqual(['broken']);
  });

  it('lets the settings block override defaults and flags override settings', () => {
    const settings = { concurrency: 4, perHost: 2, timeout: '5s', retries: 0, fragments: false };
    const fromSettings = resolveOptions({}, settings, {});
    expect(fromSettings).toMatchObject({
      concurrency: 4,
      perHost: 2,
      timeoutMs: 5_000,
      retries: 0,
      checkFragments: false,
    });
    const fromFlags = resolveOptions(
      { concurrency: '16', perHost: '3', timeout: '750ms', retries: '1', fragments: true },
      settings,
      {},
    );
    expect(fromFlags).toMatchObject({
      concurrency: 16,
      perHost: 3,
      timeoutMs: 750,
      retries: 1,
      checkFragments: true,
    });
  });

  it('reads proxies from the environment unless --proxy is given', () => {
    const env = { HTTPS_PROXY: 'http://proxy.test:3128', NO_PROXY: 'localhost' };
    expect(resolveOptions({}, undefined, env).proxy).toEqual({
      httpsProxy: 'http://proxy.test:3128',
      noProxy: 'localhost',
    });
    expect(resolveOptions({ proxy: 'socks5://127.0.0.1:1080' }, undefined, env).proxy).toEqual({
      httpProxy: 'socks5://127.0.0.1:1080',
      httpsProxy: 'socks5://127.0.0.1:1080',
      noProxy: 'localhost',
    });
  });

  it('expands ${VAR} in host headers and leaves out, with a warning, headers whose variable is unset', () => {
    const settings = {
      hosts: {
        'GitHub.com': {
          perHost: 2,
          headers: { Authorization: 'Bearer ${GITHUB_TOKEN}' },
          accept: [429],
        },
      },
    };
    const withToken = resolveOptions({}, settings, { GITHUB_TOKEN: 'abc' });
    expect(hostPolicyFor(withToken.hosts, 'api.github.com')).toEqual({
      perHost: 2,
      headers: { authorization: 'Bearer abc' },
      accept: new Set([429]),
    });
    const without = resolveOptions({}, settings, {});
    expect(hostPolicyFor(without.hosts, 'github.com')?.headers).toEqual({});
    expect(without.warnings).toHaveLength(1);
    expect(without.warnings[0]).toContain('${GITHUB_TOKEN}');
  });

  it.each([
    [{ concurrency: '0' }, /--concurrency/],
    [{ perHost: 'many' }, /--per-host/],
    [{ retries: '-1' }, /--retries/],
    [{ exclude: ['(unclosed'] }, /regular expression/],
    [{ quiet: true, verbose: true }, /--quiet and --verbose/],
    [{ vantage: 'China' }, /--vantage/],
    [{ proxy: 'not a url' }, /--proxy/],
  ])('rejects bad flags %o', (flags, message) => {
    expect(() => resolveOptions(flags, undefined, {})).toThrow(message);
  });
});

describe('hostPolicyFor', () => {
  it('uses the longest configured suffix and never a partial label', () => {
    const hosts = new Map([
      ['github.com', { perHost: 2, headers: {}, accept: new Set<number>() }],
      ['api.github.com', { perHost: 1, headers: {}, accept: new Set<number>() }],
    ]);
    expect(hostPolicyFor(hosts, 'api.github.com')?.perHost).toBe(1);
    expect(hostPolicyFor(hosts, 'gist.github.com')?.perHost).toBe(2);
    expect(hostPolicyFor(hosts, 'notgithub.com')).toBeUndefined();
  });
});
