/**
 * Asks the finders about each subject, one request at a time (Bilibili answers floods with
 * risk control), and keeps every answer, failures included: a finder that could not search is
 * shown as such, never as "nothing found".
 */
import { createBilibiliFinder, type BilibiliFinder } from './finders/bilibili.js';
import { giteeFinder } from './finders/gitee.js';
import { hfMirrorFinder } from './finders/hf-mirror.js';
import { noStableMirrorFinder } from './finders/no-stable-mirror.js';
import type { FinderAnswer, FinderDeps, MirrorFinder, MirrorSubject } from './finder.js';

/**
 * The finders a run uses unless told otherwise; created per run (the Bilibili one keeps a
 * session, reusing `bilibili` when an earlier run's is given).
 */
export function createDefaultFinders(
  bilibili: BilibiliFinder = createBilibiliFinder(),
): MirrorFinder[] {
  return [bilibili, hfMirrorFinder, giteeFinder, noStableMirrorFinder];
}

/** One subject with what each finder that applies answered. */
export type SubjectAnswers = {
  subject: MirrorSubject;
  answers: { finderId: string; answer: FinderAnswer }[];
};

/** Asks every finder that matches each subject, in order; finders never throw for the network. */
export async function findMirrors(
  subjects: readonly MirrorSubject[],
  finders: readonly MirrorFinder[],
  deps: FinderDeps,
  onSubject?: (done: number, total: number) => void,
): Promise<SubjectAnswers[]> {
  const found: SubjectAnswers[] = [];
  for (const subject of subjects) {
    const answers: SubjectAnswers['answers'] = [];
    for (const finder of finders.filter((candidate) => candidate.matches(subject.url))) {
      answers.push({ finderId: finder.id, answer: await finder.find(subject, deps) });
    }
    found.push({ subject, answers });
    onSubject?.(found.length, subjects.length);
  }
  return found;
}
