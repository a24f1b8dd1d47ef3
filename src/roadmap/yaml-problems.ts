/**
 * Turns the YAML parser's raw errors into what a contributor needs: one mis-indented line or one
 * tab makes the parser report a cascade (7 to 70 messages, the first often on the line before),
 * so the cascade is collapsed into its first real cause, on the right line, in plain words
 * ("line 62 is indented 3 spaces; its siblings use 4"). A proposed cause is only kept when
 * repairing that line in memory and parsing again makes errors go away; the errors the repair
 * does not explain are kept as the parser said them. Every problem is then worded in the run's
 * language. Pure: text in, problems out.
 */
import { LineCounter, parseDocument } from 'yaml';
import { assertNever } from '../domain.js';
import type { InputProblem } from '../errors.js';
import { roadmapLoadTextOf, type RoadmapLoadText } from '../i18n/index.js';
import type { Lang } from '../i18n/index.js';
import { findIndentationAnomalies, type IndentationAnomaly } from './yaml-indentation.js';
import { yamlProblemText, type YamlProblem, type YamlReadResult } from './yaml-source.js';

export type { YamlProblemCode } from './yaml-source.js';

/** What `explainYamlProblems` gives: problems worded in one language, faults dropped. */
export type ExplainedYamlRead =
  | {
      kind: 'ok';
      source: Extract<YamlReadResult, { kind: 'ok' }>['source'];
      problems: InputProblem[];
    }
  | { kind: 'failed'; problems: InputProblem[] };

/** At most this many causes are looked for, each confirmed by one parse per candidate column. */
const MAX_CAUSES = 10;

/**
 * Explains the problems of one read: a failed read's cascades are collapsed to their causes,
 * and every YAML problem gets its code. The data of a successful read is untouched.
 */
export function explainYamlProblems(
  text: string,
  read: YamlReadResult,
  lang: Lang = 'en',
): ExplainedYamlRead {
  const words = roadmapLoadTextOf(lang);
  if (read.kind === 'ok') {
    return { ...read, problems: read.problems.map((problem) => worded(problem, words)) };
  }
  return { kind: 'failed', problems: explainSyntaxErrors(text, read.problems, lang) };
}

/** The parser's problems, with each cascade replaced by the line that caused it. */
export function explainSyntaxErrors(
  text: string,
  problems: readonly YamlProblem[],
  lang: Lang = 'en',
): InputProblem[] {
  const words = roadmapLoadTextOf(lang);
  const inWords = (problem: YamlProblem) => worded(problem, words);
  // Past the nesting guard, the (recursive) parser must not see the text again.
  if (problems.some((problem) => problem.code === 'yaml-nesting')) return problems.map(inWords);
  const causes: InputProblem[] = [];
  let remaining = [...problems];
  let current = text;
  for (let round = 0; round < MAX_CAUSES && remaining.length > 0; round++) {
    const found = findConfirmedCause(current, remaining, words);
    if (found === undefined) break;
    causes.push(found.problem);
    current = found.repairedText;
    // What the repaired text still reports was not caused by this line.
    remaining = remaining.filter(
      (problem) =>
        problem.line !== found.problem.line &&
        found.stillReported.some(
          (error) => error.line === problem.line && error.message === problem.message,
        ),
    );
  }
  return [...causes, ...remaining.map(inWords)].sort(
    (a, b) => a.line - b.line || a.column - b.column,
  );
}

type ParserError = { line: number; column: number; message: string };

type ConfirmedCause = {
  problem: InputProblem;
  repairedText: string;
  stillReported: readonly ParserError[];
};

function findConfirmedCause(
  text: string,
  problems: readonly YamlProblem[],
  words: RoadmapLoadText,
): ConfirmedCause | undefined {
  const [first] = problems;
  if (first === undefined) return undefined;
  const firstLine = Math.min(...problems.map((problem) => problem.line).filter((line) => line > 0));
  if (!Number.isFinite(firstLine)) return undefined;
  const lines = text.split('\n');
  const errorsBefore = parserErrors(text).length;
  // The parser notices a bad indent on the line itself, or on the line before (the text value
  // that the deeper line seems to continue); a cause far from the first error is not this one.
  const nearby = findIndentationAnomalies(text).filter(
    (anomaly) => anomaly.line >= firstLine - 2 && anomaly.line <= firstLine + 2,
  );
  for (const anomaly of nearby) {
    const repair = bestRepair(lines, anomaly, errorsBefore);
    if (repair === undefined) continue;
    return {
      problem: describeCause(first.file, anomaly, repair.column, words),
      repairedText: repair.text,
      stillReported: repair.errors,
    };
  }
  return undefined;
}

/** The candidate column whose repair leaves the fewest parser errors, if it leaves fewer. */
function bestRepair(
  lines: readonly string[],
  anomaly: IndentationAnomaly,
  errorsBefore: number,
): { column: number; text: string; errors: ParserError[] } | undefined {
  let best: { column: number; text: string; errors: ParserError[] } | undefined;
  for (const column of anomaly.candidates) {
    const repaired = lines.map((line, index) =>
      index === anomaly.line - 1 ? `${' '.repeat(column)}${line.trimStart()}` : line,
    );
    const text = repaired.join('\n');
    const errors = parserErrors(text);
    if (
      errors.length < errorsBefore &&
      (best === undefined || errors.length < best.errors.length)
    ) {
      best = { column, text, errors };
      if (errors.length === 0) break;
    }
  }
  return best;
}

function describeCause(
  file: string,
  anomaly: IndentationAnomaly,
  column: number,
  words: RoadmapLoadText,
): InputProblem {
  switch (anomaly.kind) {
    case 'tab':
      return {
        file,
        line: anomaly.line,
        column: anomaly.column,
        path: '',
        message: words.yamlTab(anomaly.line, anomaly.column),
        hint: words.yamlTabHint(column),
        code: 'yaml-tab',
      };
    case 'misaligned':
      return {
        file,
        line: anomaly.line,
        column: anomaly.indent + 1,
        path: '',
        message: words.yamlMisaligned(anomaly.line, anomaly.indent, column),
        hint: words.yamlMisalignedHint(column),
        code: 'yaml-indentation',
      };
    default:
      return assertNever(anomaly);
  }
}

/** The parser's syntax errors (duplicate keys leave the tree intact and are not counted). */
function parserErrors(text: string): ParserError[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  return doc.errors.map((error) => {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    return { line, column: col, message: error.message };
  });
}

/** A problem as the reader found it (worded in English), in the run's words. */
function worded(problem: YamlProblem, words: RoadmapLoadText): InputProblem {
  // The English message and hint are replaced, never merged: a hint only English has must go.
  const { fault, file, line, column, path, code } = problem;
  return { file, line, column, path, code, ...yamlProblemText(fault, words) };
}
