/**
 * How a run's links are shared among worker threads (`--workers`), pure. Each worker has its
 * own slots, cookie jars and platform probe runner, so the unit of sharing is a group of links
 * that must stay together for those to stay exact: every link of a host (`--per-host`, the
 * host's cookie jar) and every link one platform probe answers (its API host's limit, its
 * quota, its cache of answers), joined transitively: github.com's repository links and its
 * other pages are one group, because the GitHub probe matches only some of them.
 */

/** What a link contributes to its group: its host, and the probe that answers for it, if any. */
export type AffinityKeys = { host: string; probeId: string | undefined };

/** `--workers`: a number, or `auto` (decided from the machine's cores and the links). */
export type WorkersSetting = number | 'auto';

/**
 * Below this many links per worker a worker costs more than it gives: starting one loads
 * curate again (~0.2 s of CPU) and its connections start cold. Only `auto` heeds it.
 */
export const MIN_LINKS_PER_AUTO_WORKER = 500;

/**
 * How many workers a run uses. `auto`: one per core but one (the main thread writes the
 * progress and the reports) on a machine of 4 or more cores, else none beyond the main one;
 * never so many that a worker gets fewer than MIN_LINKS_PER_AUTO_WORKER links. Never more
 * workers than groups, since a group is never split.
 */
export function workerCountFor(
  setting: WorkersSetting,
  facts: { cores: number; links: number; groups: number },
): number {
  const wanted =
    setting === 'auto'
      ? Math.min(
          facts.cores >= 4 ? facts.cores - 1 : 1,
          Math.floor(facts.links / MIN_LINKS_PER_AUTO_WORKER),
        )
      : setting;
  return Math.max(1, Math.min(wanted, facts.groups));
}

/**
 * Joins the links into groups that never split (see the module comment) and returns them,
 * each as the indexes of its links in input order, largest group first.
 */
export function affinityGroups(keys: readonly AffinityKeys[]): number[][] {
  // Union-find over the names: hosts and probe ids are nodes, a link joins its two.
  const parent = new Map<string, string>();
  const rootOf = (name: string): string => {
    let root = name;
    for (let up = parent.get(root); up !== undefined && up !== root; up = parent.get(root)) {
      root = up;
    }
    // Path compression: the next look-up of `name` is one step.
    for (let at = name; at !== root;) {
      const up = parent.get(at) as string;
      parent.set(at, root);
      at = up;
    }
    return root;
  };
  const join = (a: string, b: string): void => {
    const rootA = rootOf(a);
    const rootB = rootOf(b);
    if (rootA !== rootB) parent.set(rootA, rootB);
  };
  const hostNode = (key: AffinityKeys): string => `host:${key.host}`;
  for (const key of keys) {
    const host = hostNode(key);
    if (!parent.has(host)) parent.set(host, host);
    if (key.probeId !== undefined) {
      const probe = `probe:${key.probeId}`;
      if (!parent.has(probe)) parent.set(probe, probe);
      join(host, probe);
    }
  }
  const byRoot = new Map<string, number[]>();
  keys.forEach((key, index) => {
    const root = rootOf(hostNode(key));
    const group = byRoot.get(root);
    if (group === undefined) byRoot.set(root, [index]);
    else group.push(index);
  });
  // Stable for equal sizes (first seen first), so a run's split does not depend on Map order.
  return [...byRoot.values()].sort((a, b) => b.length - a.length);
}

/**
 * Shares the groups among `workerCount` workers: largest group first, each to the worker with
 * the fewest links so far (the classic greedy bound: no worker ends more than one group above
 * the mean). Returns each worker's link indexes, in input order; a worker may get none when
 * there are fewer groups than workers.
 */
export function shareGroups(
  groups: readonly (readonly number[])[],
  workerCount: number,
): number[][] {
  const shares: number[][] = Array.from({ length: workerCount }, () => []);
  for (const group of groups) {
    let least = 0;
    for (let worker = 1; worker < workerCount; worker += 1) {
      if ((shares[worker] as number[]).length < (shares[least] as number[]).length) least = worker;
    }
    (shares[least] as number[]).push(...group);
  }
  return shares.map((share) => share.sort((a, b) => a - b));
}

/**
 * Splits the run's `--concurrency` among workers by their links, each at least 1 and the sum
 * never above the whole (unless there are more workers than slots, when each still gets 1).
 */
export function shareConcurrency(concurrency: number, linksPerWorker: readonly number[]): number[] {
  // Every worker needs one slot; the slots beyond those go by links, rounded down.
  const spare = Math.max(0, concurrency - linksPerWorker.length);
  const total = linksPerWorker.reduce((sum, links) => sum + links, 0);
  const shares = linksPerWorker.map(
    (links) => 1 + (total === 0 ? 0 : Math.floor((spare * links) / total)),
  );
  // Rounding down leaves slots over: hand them out one each, to the busiest workers first.
  let left = Math.max(concurrency, linksPerWorker.length) - shares.reduce((sum, n) => sum + n, 0);
  const busiestFirst = linksPerWorker
    .map((links, worker) => ({ links, worker }))
    .sort((a, b) => b.links - a.links);
  for (let turn = 0; left > 0 && busiestFirst.length > 0; turn += 1) {
    const { worker } = busiestFirst[turn % busiestFirst.length] as { worker: number };
    shares[worker] = (shares[worker] as number) + 1;
    left -= 1;
  }
  return shares;
}
