import { describe, expect, it } from 'vitest';
import { hostPolicyFor, resolveHosts } from './host-policy.js';

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

describe('resolveHosts', () => {
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
    const withToken = resolveHosts(settings, { GITHUB_TOKEN: 'abc' }, []);
    expect(hostPolicyFor(withToken, 'api.github.com')).toEqual({
      perHost: 2,
      headers: { authorization: 'Bearer abc' },
      accept: new Set([429]),
    });
    const warnings: string[] = [];
    const without = resolveHosts(settings, {}, warnings);
    expect(hostPolicyFor(without, 'github.com')?.headers).toEqual({});
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('${GITHUB_TOKEN}');
  });
});
