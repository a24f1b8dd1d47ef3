/**
 * Everything `curate validate` (and the lint `check` runs first) has to say about a roadmap, as
 * one list of typed problems: a YAML syntax error, a schema error and a lint finding are the same
 * shape, so every output format shows all of them, with file, line and column. One renderer per
 * format; pure.
 */
import { formatAnnotation } from '../ci/annotations.js';
import { assertNever } from '../domain.js';
import { EXIT_CODES, type ExitCode, type InputProblem } from '../errors.js';
import { validateTextOf, type Lang, type ValidateText } from '../i18n/index.js';
import type { LintFinding } from './lint-finding.js';

/**
 * Where a problem was found: the file could not be read as a roadmap (`file`), its YAML does not
 * parse (`yaml`), it does not match the schema (`schema`), or a lint rule found it (`lint`).
 * Only lint runs on a roadmap that parsed and matched the schema.
 */
export type ProblemStage = 'file' | 'yaml' | 'schema' | 'lint';

/** One problem in a roadmap file, whatever found it. */
export type RoadmapProblem = {
  severity: 'error' | 'warning';
  /** A lint rule, a schema problem (`unknown-key`, …) or a YAML one (`yaml-indentation`, …). */
  code: string;
  stage: ProblemStage;
  file: string;
  /** 1-based; 0 when the problem concerns the whole file. */
  line: number;
  column: number;
  /** The resource the problem is in, when known. */
  resource?: { id: string; title?: string };
  /** Field path such as `sections[0].resources[2].url`; empty for whole-file problems. */
  path: string;
  message: string;
  hint?: string;
};

/** Output styles of `validate --format`. */
export const PROBLEM_FORMATS = ['text', 'json', 'github'] as const;
/** One of {@link PROBLEM_FORMATS}. */
export type ProblemFormat = (typeof PROBLEM_FORMATS)[number];

/** The code given to a problem of the roadmap file whose producer named none. */
const UNNAMED_FILE_PROBLEM = 'invalid-roadmap';

/** A problem that stopped the roadmap from loading (exit 2): never a warning. */
export function fromInputProblem(problem: InputProblem): RoadmapProblem {
  const code = problem.code ?? UNNAMED_FILE_PROBLEM;
  const stage: ProblemStage =
    problem.code === undefined ? 'file' : code.startsWith('yaml-') ? 'yaml' : 'schema';
  return toProblem(problem, { severity: 'error', code, stage });
}

/** A lint finding, as a problem of the same shape. */
export function fromLintFinding(finding: LintFinding): RoadmapProblem {
  return toProblem(finding, { severity: finding.severity, code: finding.rule, stage: 'lint' });
}

function toProblem(
  problem: InputProblem,
  kind: Pick<RoadmapProblem, 'severity' | 'code' | 'stage'>,
): RoadmapProblem {
  const { file, line, column, path, message, hint, resource } = problem;
  return {
    ...kind,
    file,
    line,
    column,
    ...(resource === undefined ? {} : { resource }),
    path,
    message,
    ...(hint === undefined ? {} : { hint }),
  };
}

/**
 * The exit code the README documents: 2 when the file could not be loaded as a roadmap (YAML or
 * schema problems), 1 for lint errors, 0 when there are only warnings or nothing.
 */
export function exitCodeOf(problems: readonly RoadmapProblem[]): ExitCode {
  if (problems.some((problem) => problem.stage !== 'lint')) return EXIT_CODES.usage;
  return problems.some((problem) => problem.severity === 'error')
    ? EXIT_CODES.failing
    : EXIT_CODES.ok;
}

/** Counts of a problem list, for summaries. */
export function countProblems(problems: readonly RoadmapProblem[]): {
  errors: number;
  warnings: number;
} {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  return { errors, warnings: problems.length - errors };
}

/** `resource "id" (title)` when the problem is in a known resource, else the field path. */
function subjectOf(problem: RoadmapProblem, text: ValidateText): string {
  if (problem.resource === undefined) return problem.path;
  return text.resourceSubject(problem.resource.id, problem.resource.title);
}

/** The path, when the subject line named the resource instead. */
function pathAfterSubject(problem: RoadmapProblem): string | undefined {
  return problem.resource === undefined || problem.path === '' ? undefined : problem.path;
}

/** `error: file:line:col resource "id" (title): message [code]`, then the path and hint below. */
export function renderProblemText(problem: RoadmapProblem, lang: Lang = 'en'): string {
  const text = validateTextOf(lang);
  const where =
    problem.line > 0 ? `${problem.file}:${problem.line}:${problem.column}` : problem.file;
  const subject = subjectOf(problem, text);
  const at = pathAfterSubject(problem);
  return [
    `${text.severity(problem.severity)}: ${where}${subject === '' ? '' : ` ${subject}:`} ${problem.message} [${problem.code}]`,
    ...(at === undefined ? [] : [`  ${text.atLabel}: ${at}`]),
    ...(problem.hint === undefined ? [] : [`  ${text.hintLabel}: ${problem.hint}`]),
  ].join('\n');
}

/** A GitHub workflow command, so a pull request shows the problem on its YAML line. */
export function renderProblemAnnotation(problem: RoadmapProblem, lang: Lang = 'en'): string {
  const text = validateTextOf(lang);
  const subject = subjectOf(problem, text);
  const at = pathAfterSubject(problem);
  const details = [
    ...(at === undefined ? [] : [text.annotationAt(at)]),
    ...(problem.hint === undefined ? [] : [text.annotationHint(problem.hint)]),
  ];
  return formatAnnotation({
    level: problem.severity,
    // GitHub matches annotation paths against the repository tree: forward slashes, no `./`.
    file: problem.file.replaceAll('\\', '/').replace(/^(\.\/)+/, ''),
    line: problem.line,
    col: problem.column,
    title: problem.code,
    message: `${subject === '' ? '' : `${subject}: `}${problem.message}${details.length === 0 ? '' : ` (${details.join('; ')})`}`,
  });
}

/** Per region, the ids of the resources that need a VPN there and have no confirmed mirror open. */
export type NeedsMirror = Partial<Record<string, string[]>>;

/** What a validation found: its problems, and the resources that need a mirror. */
export type ProblemList = { problems: readonly RoadmapProblem[]; needsMirror: NeedsMirror };

/**
 * The verdict under the problems: `roadmap.yaml: invalid — 1 error, 2 warnings.`, then per
 * region the number the report's "Needs a mirror" gives.
 */
export function renderProblemSummary(
  file: string,
  { problems, needsMirror }: ProblemList,
  lang: Lang = 'en',
): string {
  const text = validateTextOf(lang);
  const { errors, warnings } = countProblems(problems);
  const notLinted = problems.some((problem) => problem.stage !== 'lint');
  const regions = Object.entries(needsMirror).map(([region, ids = []]) =>
    text.needsMirror(file, ids.length, region),
  );
  return [text.summary(file, errors === 0, errors, warnings, notLinted), ...regions].join('\n');
}

/** What one format writes: `stdout` for the machine-readable part, `stderr` for people. */
export type RenderedProblems = { stdout: string; stderr: string };

/**
 * Renders every problem in one format; text and github end with the summary line on stderr, in
 * `lang`. The problems' messages are already in the language they were found in.
 */
export function renderProblems(
  file: string,
  list: ProblemList,
  format: ProblemFormat,
  lang: Lang = 'en',
): RenderedProblems {
  const { problems, needsMirror } = list;
  const lines = (render: (problem: RoadmapProblem, lang: Lang) => string): string =>
    problems.map((problem) => `${render(problem, lang)}\n`).join('');
  const summary = `${renderProblemSummary(file, list, lang)}\n`;
  switch (format) {
    case 'text':
      return { stdout: lines(renderProblemText), stderr: summary };
    case 'github':
      return { stdout: lines(renderProblemAnnotation), stderr: summary };
    case 'json': {
      const { errors, warnings } = countProblems(problems);
      const valid = exitCodeOf(problems) === EXIT_CODES.ok;
      const body = { file, valid, errors, warnings, problems, needsMirror };
      return { stdout: `${JSON.stringify(body, null, 2)}\n`, stderr: '' };
    }
    default:
      return assertNever(format);
  }
}
