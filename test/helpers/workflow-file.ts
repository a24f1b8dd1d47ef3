/**
 * The repository's GitHub Actions workflows as data, for tests that run their steps: the part
 * of the workflow syntax these workflows use, read with `yaml` and checked with zod. A key the
 * schemas do not know (a step `if:`, a job `env:`, a `shell:`) fails the parse, so a workflow
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
  name: z.string().optional(),
  uses: z.string().optional(),
  run: z.string().optional(),
  env: z.record(z.string(), Scalar).optional(),
  with: z.record(z.string(), Scalar).optional(),
});

const JobSchema = z.strictObject({
  name: z.string().optional(),
  'runs-on': z.string(),
  'timeout-minutes': z.number().optional(),
  needs: z.union([z.string(), z.array(z.string())]).optional(),
  permissions: z.record(z.string(), z.string()).optional(),
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
    let value: unknown = context;
    for (const key of expression.split('.')) {
      value =
        typeof value === 'object' && value !== null
          ? (value as Record<string, unknown>)[key]
          : undefined;
    }
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new Error(`the fake context has no value for \${{ ${expression} }}`);
    }
    return String(value);
  });
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
