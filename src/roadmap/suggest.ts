/**
 * "Did you mean …?" for typos in input files: the nearest candidate by edit distance, and the
 * keys a zod schema allows at a field path (so suggestions follow the schema and cannot drift).
 */
import { z } from 'zod';

/**
 * Optimal-string-alignment distance (Damerau-Levenshtein where a transposition counts as one
 * edit): `titel` → `title` and `vidoe` → `video` are one edit each, the typos people make most.
 */
export function editDistance(a: string, b: string): number {
  // Three rolling rows: the transposition step needs the row before the previous one.
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidate closest to `input` (case-insensitive), or undefined when none is close enough to
 * be a plausible typo: at most one edit per three characters, and at least one edit allowed.
 */
export function suggestNearest(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  let nearest: string | undefined;
  let nearestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase());
    const threshold = Math.max(1, Math.floor(Math.max(needle.length, candidate.length) / 3));
    // Strictly smaller keeps the first of equally near candidates, so answers are stable.
    if (distance <= threshold && distance < nearestDistance) {
      nearest = candidate;
      nearestDistance = distance;
    }
  }
  return nearest;
}

/** The keys an object schema allows at `path` (a zod issue path); empty when no object is there. */
export function allowedKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let schemas = expand(schema);
  for (const segment of path) {
    schemas = schemas.flatMap((candidate) => childSchemas(candidate, segment)).flatMap(expand);
  }
  const keys = schemas.flatMap((candidate) =>
    candidate instanceof z.ZodObject ? Object.keys(candidate.shape) : [],
  );
  return [...new Set(keys)];
}

/** Looks through wrappers and unions, since a value may match any of a union's options. */
function expand(schema: z.ZodType): z.ZodType[] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    return expand(schema.unwrap() as z.ZodType);
  }
  if (schema instanceof z.ZodUnion) {
    return (schema.options as readonly z.ZodType[]).flatMap(expand);
  }
  return [schema];
}

function childSchemas(schema: z.ZodType, segment: PropertyKey): z.ZodType[] {
  if (schema instanceof z.ZodObject && typeof segment === 'string') {
    const child = (schema.shape as Record<string, z.ZodType | undefined>)[segment];
    return child === undefined ? [] : [child];
  }
  if (schema instanceof z.ZodArray && typeof segment === 'number') {
    return [schema.element as z.ZodType];
  }
  if (schema instanceof z.ZodRecord && typeof segment === 'string') {
    return [schema.valueType as z.ZodType];
  }
  return [];
}
