/**
 * The repository's GitHub Actions workflows as data, for tests that run their steps: the part
 * of the workflow syntax these workflows use, read with `yaml` and checked with zod. A key the
 * schemas do not know (a job `env:`, a `shell:`) fails the parse, so a workflow
 * change that the test runner cannot honour shows up as a test failure, not as a step silently
 * run differently from GitHub.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { REPO_ROOT as ROOT } from './cli.js';

const Scalar = z.union([z.string(), z.number(), z.boolean()]);

const StepSchema = z.strictObject({
  id: z.string().optional(),
  name: z.string().optional(),
  if: z.string().optional(),
  uses: z.string().optional(),
  run: z.string().optional(),
  env: z.record(z.string(), Scalar).optional(),
  with: z.record(z.string(), Scalar).optional(),
});

const JobSchema = z.strictObject({
  name: z.string().optional(),
  if: z.string().optional(),
  'runs-on': z.string(),
  'timeout-minutes': z.number().optional(),
  needs: z.union([z.string(), z.array(z.string())]).optional(),
  permissions: z.record(z.string(), z.string()).optional(),
  environment: z.strictObject({ name: z.string(), url: z.string().optional() }).optional(),
  strategy: z
    .strictObject({
      'fail-fast': z.boolean().optional(),
      // `include`/`exclude` hold objects; matrixCombinations refuses them.
      matrix: z.record(z.string(), z.array(z.union([Scalar, z.record(z.string(), Scalar)]))),
    })
    .optional(),
  steps: z.array(StepSchema),
});

const WorkflowSchema = z.looseObject({ name: z.string(), jobs: z.record(z.string(), JobSchema) });

/** One step of a job. */
export type WorkflowStep = z.infer<typeof StepSchema>;
/** One job of a workflow. */
export type WorkflowJob = z.infer<typeof JobSchema>;
/** A workflow file. */
export type Workflow = z.infer<typeof WorkflowSchema>;

/** Reads `.github/workflows/<name>` of this repository. */
export async function loadWorkflow(name: string): Promise<Workflow> {
  const text = await readFile(join(ROOT, '.github', 'workflows', name), 'utf8');
  return WorkflowSchema.parse(parse(text));
}

/** The values `${{ … }}` expressions read: `github`, `matrix` and so on, as nested objects. */
export type ExpressionContext = Readonly<Record<string, unknown>>;

/**
 * Replaces every `${{ a.b.c }}` in `text` with the value at that path of `context`. Only
 * property paths are supported; anything else (an unknown path, an operator, a function call)
 * throws, so a test never runs a step with an expression left in or guessed at.
 */
export function expandExpressions(text: string, context: ExpressionContext): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_match, expression: string) => {
    if (!/^[a-z_][\w-]*(\.[a-z_][\w-]*)*$/i.test(expression)) {
      throw new Error(`unsupported expression \${{ ${expression} }}`);
    }
    const value = valueAt(expression, context);
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new Error(`the fake context has no value for \${{ ${expression} }}`);
    }
    return String(value);
  });
}

/**
 * What a condition's functions read: whether a step (or a needed job) failed, and, for a
 * step, `hashFiles` over its workspace ('' when no file matches, as on GitHub).
 */
export type RunStatus = { hasFailed: boolean; hashFiles?: (path: string) => string };

const STATUS_FUNCTIONS: Readonly<Record<string, (status: RunStatus) => boolean>> = {
  'always()': () => true,
  // The fake runner is never cancelled.
  'cancelled()': () => false,
  'success()': (status) => !status.hasFailed,
  'failure()': (status) => status.hasFailed,
};

/**
 * Evaluates a step's or job's `if:` the way GitHub does, for the small part of the expression
 * syntax the workflows use: terms joined by `&&`, each a status function (`!cancelled()`), or
 * a comparison (`==`, `!=`) of context paths, 'string' literals and `hashFiles('path')` (one
 * literal path, no globs). Without a status function
 * the condition means `success() && …`, as on GitHub. Anything else throws, so a condition is
 * never guessed at.
 */
export function evaluateCondition(
  text: string,
  context: ExpressionContext,
  status: RunStatus,
): boolean {
  const expression = text
    .trim()
    .replace(/^\$\{\{([\s\S]*)\}\}$/, '$1')
    .trim();
  const hashFilesCall = /^hashFiles\('([^'*?]*)'\)$/;
  if (/\|\||\(\s*[^)\s]/.test(expression.replace(/hashFiles\('[^']*'\)/g, 'hashFiles()'))) {
    throw new Error(`unsupported condition ${text}`);
  }
  const terms = expression.split('&&').map((term) => term.trim());
  const hasStatusFunction = terms.some((term) => term.replace(/^!\s*/, '') in STATUS_FUNCTIONS);
  const value = (operand: string): unknown => {
    const literal = /^'(.*)'$/.exec(operand);
    if (literal !== null) return literal[1];
    const hashed = hashFilesCall.exec(operand);
    if (hashed !== null) {
      if (status.hashFiles === undefined) throw new Error(`hashFiles outside a step: ${text}`);
      return status.hashFiles(hashed[1]!);
    }
    if (!/^[a-z_][\w-]*(\.[a-z_][\w-]*)*$/i.test(operand)) {
      throw new Error(`unsupported operand ${operand} in ${text}`);
    }
    const found = valueAt(operand, context);
    if (found === undefined) throw new Error(`the fake context has no value for ${operand}`);
    return found;
  };
  const evaluate = (term: string): boolean => {
    if (term.startsWith('!')) return !evaluate(term.slice(1).trim());
    const statusFunction = STATUS_FUNCTIONS[term];
    if (statusFunction !== undefined) return statusFunction(status);
    const comparison = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(term);
    if (comparison === null) throw new Error(`unsupported condition term ${term} in ${text}`);
    const isEqual = value(comparison[1]!.trim()) === value(comparison[3]!.trim());
    return comparison[2] === '==' ? isEqual : !isEqual;
  };
  return (hasStatusFunction || !status.hasFailed) && terms.every(evaluate);
}

/** The value at a property path (`github.event.pull_request.number`), or undefined. */
function valueAt(path: string, context: ExpressionContext): unknown {
  let value: unknown = context;
  for (const key of path.split('.')) {
    value =
      typeof value === 'object' && value !== null
        ? (value as Record<string, unknown>)[key]
        : undefined;
  }
  return value;
}

/** Every combination of a job's matrix (one empty combination when it has none). */
export function matrixCombinations(job: WorkflowJob): Record<string, string | number | boolean>[] {
  let combinations: Record<string, string | number | boolean>[] = [{}];
  for (const [key, values] of Object.entries(job.strategy?.matrix ?? {})) {
    if (key === 'include' || key === 'exclude') throw new Error(`unsupported matrix ${key}`);
    const scalars = values.filter((value) => typeof value !== 'object');
    combinations = combinations.flatMap((combination) =>
      scalars.map((value) => ({ ...combination, [key]: value })),
    );
  }
  return combinations;
}

/** The jobs a job waits for. */
export function needsOf(job: WorkflowJob): string[] {
  return job.needs === undefined ? [] : typeof job.needs === 'string' ? [job.needs] : job.needs;
}
