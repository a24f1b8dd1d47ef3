/**
 * `--changed-since <ref>`: which resources a pull request added or re-pointed, compared as data
 * so that moving a resource or re-indenting the file checks nothing.
 */

/**
 * Ids of the resources in `after` that are new, or whose `url` or set of mirror URLs differs
 * from `before`. Both sides are parsed YAML data (`undefined` when the file did not exist);
 * they need not be valid roadmaps, since the old side may predate today's schema.
 */
export function changedResourceIds(before: unknown, after: unknown): Set<string> {
  const known = new Map<string, Set<string>>();
  for (const resource of collectResources(before)) {
    const prints = known.get(resource.id) ?? new Set<string>();
    prints.add(fingerprint(resource));
    known.set(resource.id, prints);
  }
  const changed = new Set<string>();
  for (const resource of collectResources(after)) {
    if (known.get(resource.id)?.has(fingerprint(resource)) !== true) changed.add(resource.id);
  }
  return changed;
}

type ResourceData = { id: string } & Record<string, unknown>;

/**
 * Every object with a string `id` inside a `resources:` list, at any depth: under sections,
 * nested sections and object topics alike.
 */
function collectResources(data: unknown): ResourceData[] {
  const found: ResourceData[] = [];
  // YAML aliases can make the same object appear twice (or contain itself).
  const seen = new Set<object>();
  const visit = (value: unknown, key: string | undefined): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) {
        if (key === 'resources' && isResource(item)) found.push(item);
        visit(item, undefined);
      }
      return;
    }
    for (const [childKey, child] of Object.entries(value)) visit(child, childKey);
  };
  visit(data, undefined);
  return found;
}

function isResource(value: unknown): value is ResourceData {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { id?: unknown }).id === 'string'
  );
}

/** The parts that decide what gets fetched: the URL and the mirror URLs (order ignored). */
function fingerprint(resource: ResourceData): string {
  const mirrors = Array.isArray(resource.mirrors) ? (resource.mirrors as unknown[]) : [];
  const mirrorUrls = mirrors.map((mirror) =>
    typeof mirror === 'object' && mirror !== null ? (mirror as { url?: unknown }).url : mirror,
  );
  const unique = [...new Set(mirrorUrls.map((url) => JSON.stringify(url ?? null)))].sort();
  return JSON.stringify([resource.url ?? null, unique]);
}
