/**
 * The Colab probe. colab.research.google.com answers 200 for any notebook link: the page is an
 * app that loads the notebook afterwards, from GitHub, a gist or Drive. So the probe asks where
 * the notebook lives, without a login:
 *
 * | Colab link                                 | asked                                               | answer                                  | verdict                      |
 * | ------------------------------------------ | --------------------------------------------------- | --------------------------------------- | ---------------------------- |
 * | `/github/<owner>/<repo>/blob/<ref>/<path>` | `https://raw.githubusercontent.com/<owner>/<repo>/<ref>/<path>` | 200                           | confirmed                    |
 * |                                            |                                                     | 404 (no such repo, ref or file)         | broken `notebook-missing`    |
 * | `/gist/<user>/<id>[/<revision>]`           | `https://gist.github.com/<user>/<id>`               | 200 / 404                               | confirmed / broken `notebook-missing` |
 * | `/drive/<id>`                              | `https://drive.google.com/file/d/<id>/view`         | 200 on drive.google.com (a public file) | confirmed                    |
 * |                                            |                                                     | 404 on drive.google.com                 | broken `notebook-missing`    |
 * |                                            |                                                     | sent to accounts.google.com (a private file, or Drive wants a login) | inconclusive |
 * | any                                        |                                                     | 403, 429, 5xx, network failure          | inconclusive                 |
 *
 * GitHub answers 404 for a private repository as for a missing one; a learner opening the Colab
 * link without access to it meets a dead notebook either way, so both are broken.
 *
 * Drive, decided: only Drive's own 404 ("the file you have requested does not exist", served
 * with status 404 on drive.google.com itself) makes a `/drive/` link broken. A file that exists
 * but is not shared sends an anonymous visitor to the Google sign-in page instead, and so may a
 * deleted one whose owner's domain requires a login: that cannot be told from outside, so
 * anything that ends on accounts.google.com (or anywhere but a 200/404 on drive.google.com) leaves
 * the Colab link as the HTTP check found it. The stored public sources describe the Drive API
 * (404 `File not found`, 403 without permission), not the viewer page; the viewer's 404 for
 * a missing file is the behaviour the probe relies on, and it never guesses beyond it.
 */
import { assertNever } from '../domain.js';
import { withoutHash } from './page-probe.js';
import type { Probe, ProbeMatch, ProbeResponse, ProbeVerdict } from './probe.js';

const PROBE_ID = 'colab';
const COLAB_HOST = 'colab.research.google.com';
const DRIVE_HOST = 'drive.google.com';

/** Where a Colab link's notebook lives. */
export type ColabSource =
  | { kind: 'github'; owner: string; repo: string; refAndPath: string }
  | { kind: 'gist'; user: string; id: string }
  | { kind: 'drive'; id: string };

const NAME = /^[A-Za-z0-9_.-]+$/;
const DRIVE_ID = /^[A-Za-z0-9_-]{10,}$/;

/** The notebook source a Colab URL opens, or undefined for other Colab pages. */
export function parseColabUrl(url: URL): ColabSource | undefined {
  if (url.hostname.toLowerCase() !== COLAB_HOST) return undefined;
  // Segments stay percent-encoded: they go back into a URL as they came.
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const [kind, first, second, third, ...rest] = segments;
  if (kind === 'github' && first !== undefined && second !== undefined && third === 'blob') {
    if (!NAME.test(first) || !NAME.test(second) || rest.length < 2) return undefined;
    return { kind: 'github', owner: first, repo: second, refAndPath: rest.join('/') };
  }
  if (kind === 'gist' && first !== undefined && second !== undefined) {
    return NAME.test(first) && NAME.test(second)
      ? { kind: 'gist', user: first, id: second }
      : undefined;
  }
  if (kind === 'drive' && first !== undefined && DRIVE_ID.test(first)) {
    return { kind: 'drive', id: first };
  }
  return undefined;
}

/** The URL the probe asks about a source. */
export function sourceCheckUrl(source: ColabSource): URL {
  switch (source.kind) {
    case 'github':
      return new URL(
        `https://raw.githubusercontent.com/${source.owner}/${source.repo}/${source.refAndPath}`,
      );
    case 'gist':
      return new URL(`https://gist.github.com/${source.user}/${source.id}`);
    case 'drive':
      return new URL(`https://${DRIVE_HOST}/file/d/${source.id}/view`);
    default:
      return assertNever(source);
  }
}

/** The address people open to see the notebook, for the report's detail. */
function sourceLabel(source: ColabSource): string {
  switch (source.kind) {
    case 'github':
      return `https://github.com/${source.owner}/${source.repo}/blob/${source.refAndPath}`;
    case 'gist':
      return `https://gist.github.com/${source.user}/${source.id}`;
    case 'drive':
      return `https://${DRIVE_HOST}/file/d/${source.id}/view`;
    default:
      return assertNever(source);
  }
}

function missing(source: ColabSource, asked: URL): ProbeVerdict {
  const label = sourceLabel(source);
  const via = label === asked.href ? '' : ` (${asked.hostname} answered 404)`;
  return {
    kind: 'outcome',
    outcome: {
      status: 'broken',
      reason: 'notebook-missing',
      detail: `the notebook this Colab link opens is gone: ${label}${via}`,
    },
  };
}

/** What the answer about a notebook's source says. */
export function readSourceVerdict(source: ColabSource, response: ProbeResponse): ProbeVerdict {
  const asked = sourceCheckUrl(source);
  if (response.kind === 'failure') {
    return { kind: 'inconclusive', detail: `${asked.hostname} not reachable: ${response.reason}` };
  }
  const endedAt = URL.canParse(response.finalUrl) ? new URL(response.finalUrl) : undefined;
  const endedOnSource = endedAt?.hostname === asked.hostname;
  if (response.status === 404 && endedOnSource) return missing(source, asked);
  if (response.status >= 200 && response.status <= 299 && endedOnSource) {
    return { kind: 'confirmed', title: undefined };
  }
  return {
    kind: 'inconclusive',
    detail: `${asked.href} answered HTTP ${response.status} at ${response.finalUrl}; the notebook cannot be checked without a login`,
  };
}

/** Matches Colab notebooks opened from GitHub, a gist or Drive, and asks where they live. */
export const colabProbe: Probe = {
  id: PROBE_ID,
  match(url): ProbeMatch | undefined {
    const source = parseColabUrl(url);
    if (source === undefined) return undefined;
    return { probeId: PROBE_ID, key: sourceCheckUrl(source).href, url: withoutHash(url) };
  },
  async run(match, fetch) {
    const source = parseColabUrl(match.url);
    if (source === undefined) {
      return { kind: 'inconclusive', detail: `not a Colab notebook link: ${match.url.href}` };
    }
    return readSourceVerdict(source, await fetch(sourceCheckUrl(source)));
  },
};
