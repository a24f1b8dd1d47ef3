/**
 * Per-host policy from `settings.hosts`: a host's own request limit, headers and accepted
 * statuses. A policy applies to its host and every subdomain; the longest suffix wins.
 */
import type { Settings } from '../roadmap/schema.js';
import { expandEnv, type CurateEnv } from './parsers.js';

/** What one host's policy resolves to. */
export type ResolvedHostPolicy = {
  perHost: number | undefined;
  headers: Readonly<Record<string, string>>;
  accept: ReadonlySet<number>;
};

/**
 * The `settings.hosts` block, by lower-case host: `${VAR}` expanded in headers, a header whose
 * variable is unset left out with a warning.
 */
export function resolveHosts(
  settings: Settings | undefined,
  env: CurateEnv,
  warnings: string[],
): Map<string, ResolvedHostPolicy> {
  const hosts = new Map<string, ResolvedHostPolicy>();
  for (const [host, policy] of Object.entries(settings?.hosts ?? {})) {
    const headers: Record<string, string> = {};
    for (const [name, template] of Object.entries(policy.headers ?? {})) {
      const { value, missing } = expandEnv(template, env);
      if (missing.length > 0) {
        // A missing token should not stop a contributor's local run: the header is left out
        // and the run says so (CI sets the variable). The value itself is never printed.
        warnings.push(
          `settings.hosts["${host}"].headers.${name} uses ${missing.map((m) => `\${${m}}`).join(', ')}, which is not set: the header is not sent.`,
        );
        continue;
      }
      headers[name.toLowerCase()] = value;
    }
    hosts.set(host.toLowerCase(), {
      perHost: policy.perHost,
      headers,
      accept: new Set(policy.accept ?? []),
    });
  }
  return hosts;
}

/** The policy for a host: the longest configured suffix wins (`api.github.com` ← `github.com`). */
export function hostPolicyFor(
  hosts: ReadonlyMap<string, ResolvedHostPolicy>,
  hostname: string,
): ResolvedHostPolicy | undefined {
  let host = hostname.toLowerCase();
  for (;;) {
    const policy = hosts.get(host);
    if (policy !== undefined) return policy;
    const dot = host.indexOf('.');
    if (dot === -1) return undefined;
    host = host.slice(dot + 1);
  }
}
