/**
 * Hosts with no copy a learner could rely on: Medium, Substack and openai.com have no
 * maintained mirror, and the proxies that re-serve them change hands and inject scripts.
 * The finder says so, so the report explains why nothing is proposed instead of being empty.
 */
import type { MirrorFinder } from '../finder.js';

const HOSTS: readonly { suffix: string; name: string }[] = [
  { suffix: 'medium.com', name: 'Medium' },
  { suffix: 'substack.com', name: 'Substack' },
  { suffix: 'openai.com', name: 'openai.com' },
];

function hostOf(url: URL): { suffix: string; name: string } | undefined {
  const host = url.hostname.toLowerCase();
  return HOSTS.find(({ suffix }) => host === suffix || host.endsWith(`.${suffix}`));
}

/** The finder. */
export const noStableMirrorFinder: MirrorFinder = {
  id: 'no-stable-mirror',
  matches: (url) => hostOf(url) !== undefined,
  find: (subject) =>
    Promise.resolve({
      kind: 'no-stable-mirror',
      detail: `${hostOf(subject.url)?.name ?? subject.url.hostname} has no stable mirror; curate proposes no proxy`,
    }),
};
