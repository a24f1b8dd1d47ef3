import { describe, expect, it } from 'vitest';
import { DEFAULTS } from './options/defaults.js';
import { UsageError } from './errors.js';
import { resolveOptions, type CurateFlags } from './options.js';

describe('resolveOptions', () => {
  it.each([
    [
      {},
      {
        selection: { shard: undefined, changedSince: undefined },
        output: { format: 'text' },
        cache: undefined,
      },
    ],
    [
      { shard: '2/4', changedSince: 'origin/main', format: 'github' },
      {
        selection: { shard: { index: 2, total: 4 }, changedSince: 'origin/main' },
        output: { format: 'github' },
      },
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

  // An empty selection must not quietly mean "everything": a usage error (exit 2) instead.
  it.each<[CurateFlags, RegExp]>([
    [{ only: [''] }, /--only: "" names no resource or section id/],
    [{ only: ['a', ' , '] }, /--only: " , " names no/],
    [{ exclude: [''] }, /--exclude was given an empty value/],
    [{ changedSince: '' }, /--changed-since was given an empty value/],
    [{ out: ' ' }, /--out was given an empty value/],
  ])('refuses the empty selection %j', (flags, message) => {
    expect(() => resolveOptions(flags, undefined, {})).toThrow(UsageError);
    expect(() => resolveOptions(flags, undefined, {})).toThrow(message);
  });

  it('fills every slice from DEFAULTS when nothing is given', () => {
    const options = resolveOptions({}, undefined, {});
    expect(options).toMatchObject({
      plan: { exclude: [], only: [], isOffline: false },
      fetch: {
        timeoutMs: DEFAULTS.timeoutMs,
        retries: DEFAULTS.retries,
        userAgent: DEFAULTS.userAgent,
        maxRedirects: DEFAULTS.maxRedirects,
        maxBodyBytes: DEFAULTS.maxBodyBytes,
        followMetaRefresh: true,
      },
      transport: {
        concurrency: DEFAULTS.concurrency,
        caFile: undefined,
        dispatcher: {
          proxy: undefined,
          isPrivateAllowed: false,
          connectionsPerOrigin: DEFAULTS.perHost,
          connectTimeoutMs: DEFAULTS.connectTimeoutMs,
        },
      },
      region: { vantage: 'global', ruleSources: [], isOffline: false },
      report: { out: DEFAULTS.out, vantage: 'global' },
      output: { verbosity: 'normal' },
    });
    expect(options.transport.perHostFor('any.example.test')).toBe(DEFAULTS.perHost);
    expect(options.fetch.headersFor(new URL('https://any.example.test/'))).toEqual({});
    expect(options.accept.acceptFor('any.example.test')).toEqual({
      acceptStatuses: new Set(),
      checkFragments: true,
    });
    expect([...options.report.failOn]).toEqual(['broken']);
    expect([...options.report.formats].sort()).toEqual(['html', 'json', 'md']);
  });

  it('lets the settings block override defaults and flags override settings', () => {
    const settings = { concurrency: 4, perHost: 2, timeout: '5s', retries: 0, fragments: false };
    const fromSettings = resolveOptions({}, settings, {});
    expect(fromSettings).toMatchObject({
      fetch: { timeoutMs: 5_000, retries: 0 },
      transport: { concurrency: 4, dispatcher: { connectionsPerOrigin: 2 } },
    });
    expect(fromSettings.transport.perHostFor('example.test')).toBe(2);
    expect(fromSettings.accept.acceptFor('example.test').checkFragments).toBe(false);
    const fromFlags = resolveOptions(
      { concurrency: '16', perHost: '3', timeout: '750ms', retries: '1', fragments: true },
      settings,
      {},
    );
    expect(fromFlags).toMatchObject({
      fetch: { timeoutMs: 750, retries: 1 },
      // The connect timeout never outlasts the attempt's deadline.
      transport: { concurrency: 16, dispatcher: { connectTimeoutMs: 750 } },
    });
    expect(fromFlags.transport.perHostFor('example.test')).toBe(3);
    expect(fromFlags.accept.acceptFor('example.test').checkFragments).toBe(true);
  });

  it('hands the transport the proxies of the environment unless --proxy is given', () => {
    const env = { HTTPS_PROXY: 'http://proxy.test:3128', NO_PROXY: 'localhost' };
    expect(resolveOptions({}, undefined, env).transport.dispatcher.proxy).toEqual({
      httpsProxy: 'http://proxy.test:3128',
      noProxy: 'localhost',
    });
    const flagged = resolveOptions({ proxy: 'socks5://127.0.0.1:1080' }, undefined, env);
    expect(flagged.transport.dispatcher.proxy).toMatchObject({
      httpProxy: 'socks5://127.0.0.1:1080',
    });
  });

  it('answers each host policy from the slice that needs it, longest suffix first', () => {
    const settings = {
      accept: [999],
      hosts: {
        'GitHub.com': {
          perHost: 2,
          headers: { Authorization: 'Bearer ${GITHUB_TOKEN}' },
          accept: [429],
        },
      },
    };
    const withToken = resolveOptions({}, settings, { GITHUB_TOKEN: 'abc' });
    expect(withToken.fetch.headersFor(new URL('https://api.github.com/repos'))).toEqual({
      authorization: 'Bearer abc',
    });
    expect(withToken.fetch.headersFor(new URL('https://gitlab.com/'))).toEqual({});
    expect(withToken.transport.perHostFor('api.github.com')).toBe(2);
    expect(withToken.transport.perHostFor('gitlab.com')).toBe(DEFAULTS.perHost);
    expect(withToken.accept.acceptFor('api.github.com').acceptStatuses).toEqual(
      new Set([999, 429]),
    );
    expect(withToken.accept.acceptFor('gitlab.com').acceptStatuses).toEqual(new Set([999]));
    expect(withToken.warnings).toEqual([]);

    const without = resolveOptions({}, settings, {});
    expect(without.fetch.headersFor(new URL('https://github.com/'))).toEqual({});
    expect(without.warnings).toHaveLength(1);
    expect(without.warnings[0]).toContain('${GITHUB_TOKEN}');
  });

  it('gives the plan, region and report slices their flags', () => {
    const options = resolveOptions(
      {
        only: ['a,b', 'c'],
        exclude: ['^https://x\\.test/'],
        offline: true,
        vantage: 'cn',
        regionRules: ['rules.yaml'],
        out: 'out',
        failOn: 'broken,unverified',
        reports: 'md,sarif',
        quiet: true,
      },
      { exclude: ['linkedin'] },
      {},
    );
    expect(options.plan.only).toEqual(['a', 'b', 'c']);
    expect(options.plan.exclude.map((pattern) => pattern.source)).toEqual([
      'linkedin',
      '^https:\\/\\/x\\.test\\/',
    ]);
    expect(options.plan.isOffline).toBe(true);
    expect(options.region).toEqual({ vantage: 'cn', ruleSources: ['rules.yaml'], isOffline: true });
    expect(options.report).toEqual({
      out: 'out',
      vantage: 'cn',
      failOn: new Set(['broken', 'unverified']),
      formats: new Set(['json', 'md', 'sarif']),
      lang: undefined,
    });
    expect(options.output.verbosity).toBe('quiet');
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
