/**
 * `--changed-since <ref>`: the ids of the resources that are new or re-pointed in the working copy
 * compared with the roadmap at a git ref (git-show.ts reads it, changed-since.ts compares).
 */
import { parseDocument } from 'yaml';
import type { Lang } from '../i18n/index.js';
import { changedResourceIds } from './changed-since.js';
import { readFileAtRef } from './git-show.js';
import type { LoadedRoadmap } from './load.js';

/** Ids of resources added, or whose url or mirrors changed, since `ref`. */
export async function changedSinceRef(
  ref: string,
  loaded: LoadedRoadmap,
  cwd: string,
  lang: Lang = 'en',
): Promise<Set<string>> {
  const before = await readFileAtRef(ref, loaded.file, cwd, lang);
  return changedResourceIds(readOldData(before), loaded.roadmap);
}

/**
 * The old roadmap as data. A file that did not exist, or did not parse, has no resources to
 * compare with, so every resource of the working copy counts as changed.
 */
function readOldData(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  const doc = parseDocument(text);
  return doc.errors.length > 0 ? undefined : doc.toJS();
}
