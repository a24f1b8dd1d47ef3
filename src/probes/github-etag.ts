/**
 * GitHub's conditional requests, for the GitHub probe: with `--cache`, each API answer's ETag is
 * kept with only the fields the probe reads, and a `304 Not Modified` (which GitHub does not
 * count against the quota) stands for the answer it validated.
 */
import type { ApiValidators } from '../cache/api-validators.js';
import { parseJsonObject, stringField } from './json-body.js';
import type { ProbeResponse } from './probe.js';

/** What a session needs besides the network: the cache's validators and the clock. */
export type SessionDeps = { validators: ApiValidators | undefined; now: () => number };

/**
 * A 304 becomes the answer it validated; a fresh 200 with an ETag is remembered (only the
 * fields this probe reads). An answer reached through a redirect (a renamed repository) is not:
 * its ETag belongs to the URL it ended at.
 */
export function revalidated(url: URL, response: ProbeResponse, deps: SessionDeps): ProbeResponse {
  if (deps.validators === undefined || response.kind !== 'response') return response;
  const known = deps.validators.get(url.href);
  if (response.status === 304 && known !== undefined) {
    return { ...response, status: 200, body: known.body };
  }
  const etag = response.headers?.etag;
  if (response.status === 200 && etag !== undefined && response.finalUrl === url.href) {
    deps.validators.set(url.href, {
      etag,
      body: keptBody(response.body),
      checkedAt: new Date(deps.now()).toISOString(),
    });
  }
  return response;
}

/** The repository fields this probe reads; a contents answer only needs to have been 200. */
const KEPT_FIELDS = ['full_name', 'archived', 'disabled', 'updated_at'];

function keptBody(body: string | undefined): string {
  const json = parseJsonObject(body);
  if (json === undefined || stringField(json, 'full_name') === undefined) return '{}';
  return JSON.stringify(Object.fromEntries(KEPT_FIELDS.map((name) => [name, json[name]])));
}
