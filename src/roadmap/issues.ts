/**
 * Turns zod issues into `InputProblem`s a person can act on: positioned at the offending value,
 * worded for YAML authors (mapping, list, text) and with a "did you mean" where a typo is likely.
 */
import type { z } from 'zod';
import type { SourcePosition } from '../domain.js';
import type { InputProblem } from '../errors.js';
import type { DescribedValue, RoadmapLoadText } from '../i18n/index.js';
import { SCHEMA_RULES_EN, type SchemaRule } from '../i18n/roadmap-load-en.js';
import { allowedKeysAt, suggestNearest } from './suggest.js';
import { formatFieldPath } from './walk.js';

/** What is needed to position and explain an issue, besides the issue itself. */
export type IssueContext = {
  file: string;
  /** The parsed input, to quote the offending value. */
  data: unknown;
  /** The schema the data failed, to list the keys allowed where an unknown key was found. */
  schema: z.ZodType;
  /** Position of the key or value at a path (nearest existing parent when it is missing). */
  locate(path: readonly PropertyKey[], part: 'key' | 'value'): SourcePosition;
  /** The scalar at a path as written in the file (e.g. `1.10`, which YAML reads as 1.1). */
  sourceAt(path: readonly PropertyKey[]): string | undefined;
  /** The words of the messages, in the run's language. */
  words: RoadmapLoadText;
};

type Issue = z.core.$ZodIssue;

/** A problem plus what is needed to drop a "missing" one that a typo suggestion explains. */
type DraftProblem = InputProblem & { suggestedPath?: string; isMissing?: boolean };

/** The `code` of each schema problem, by what is wrong (see `InputProblem.code`). */
type SchemaProblemCode =
  | 'unknown-key'
  | 'missing-key'
  | 'invalid-value'
  | 'wrong-type'
  | 'invalid-key'
  | 'out-of-range'
  | 'invalid-format'
  | 'schema-rule';

/** Maps every issue to one or more problems, in file order. */
export function problemsFromIssues(
  issues: readonly Issue[],
  context: IssueContext,
): InputProblem[] {
  const problems = issues.flatMap((issue) => problemsFromIssue(issue, [], context));
  // `titel:` makes `title` both unknown and missing; the "did you mean" already says it all.
  const suggested = new Set(problems.map((problem) => problem.suggestedPath));
  return problems
    .filter((problem) => !(problem.isMissing === true && suggested.has(problem.path)))
    .map(({ file, line, column, path, message, hint, code, resource }) => ({
      file,
      line,
      column,
      path,
      message,
      ...(hint === undefined ? {} : { hint }),
      ...(code === undefined ? {} : { code }),
      ...(resource === undefined ? {} : { resource }),
    }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

function problemsFromIssue(
  issue: Issue,
  prefix: readonly PropertyKey[],
  context: IssueContext,
): DraftProblem[] {
  const path = [...prefix, ...issue.path];
  const { words } = context;
  const value = valueAt(context.data, path);
  const described = describeValue(value);
  const resource = resourceAt(context.data, path);
  const problem = (
    code: SchemaProblemCode,
    message: string,
    options: {
      hint?: string | undefined;
      path?: readonly PropertyKey[];
      part?: 'key' | 'value';
    } = {},
  ): DraftProblem => {
    const at = options.path ?? path;
    return {
      file: context.file,
      ...context.locate(at, options.part ?? 'value'),
      path: formatFieldPath(at),
      message,
      ...(options.hint === undefined ? {} : { hint: options.hint }),
      code,
      ...(resource === undefined ? {} : { resource }),
    };
  };

  switch (issue.code) {
    case 'invalid_union': {
      // The branch whose top-level type matched is the one the author meant (e.g. the object
      // form of a topic); its issues are more useful than "matches none of the options".
      const meant = issue.errors.find((branch) => !branch.some(isTopLevelTypeMismatch));
      if (meant !== undefined) {
        return meant.flatMap((inner) => problemsFromIssue(inner, path, context));
      }
      const expected = [
        ...new Set(
          issue.errors
            .flat()
            .filter(isTopLevelTypeMismatch)
            .map((inner) => words.typeName(inner.expected)),
        ),
      ];
      return [problem('wrong-type', words.expectedGot(words.orList(expected), described))];
    }
    case 'unrecognized_keys': {
      const allowed = allowedKeysAt(context.schema, path);
      return issue.keys.map((key) => {
        const suggestion = suggestNearest(key, allowed);
        const draft = problem('unknown-key', words.unknownKey(key, suggestion), {
          path: [...path, key],
          part: 'key',
          hint: allowed.length > 0 ? words.allowedHere(allowed) : undefined,
        });
        return suggestion === undefined
          ? draft
          : { ...draft, suggestedPath: formatFieldPath([...path, suggestion]) };
      });
    }
    case 'invalid_value': {
      const [only] = issue.values;
      if (issue.values.length === 1) {
        return [problem('invalid-value', words.mustBe(JSON.stringify(only), described))];
      }
      const options = issue.values.map(String);
      const suggestion = typeof value === 'string' ? suggestNearest(value, options) : undefined;
      const noun = fieldName(path, context.schema);
      return [
        problem('invalid-value', words.notAllowedValue(described, noun, suggestion), {
          hint: words.oneOf(options),
        }),
      ];
    }
    case 'invalid_type': {
      if (value === undefined) {
        return [
          {
            ...problem('missing-key', words.missingKey(String(path.at(-1)))),
            isMissing: true,
          },
        ];
      }
      const written = context.sourceAt(path);
      // `id: 1.10` is the number 1.1 to YAML: quoting keeps what the author wrote.
      const hint =
        issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')
          ? words.quoteHint(written ?? String(value))
          : value === null
            ? words.emptyValueHint
            : undefined;
      return [
        problem('wrong-type', words.expectedGot(words.typeName(issue.expected), described), {
          hint,
        }),
      ];
    }
    case 'invalid_key': {
      const reasons = issue.issues.map((inner) => ruleText(inner.message, words)).join('; ');
      return [
        problem('invalid-key', words.invalidKey(String(path.at(-1)), reasons), { part: 'key' }),
      ];
    }
    case 'too_small':
    case 'too_big':
      return [problem('out-of-range', sizeMessage(issue, value, words))];
    case 'invalid_format':
      return [
        problem(
          'invalid-format',
          isDefaultMessage(issue.message)
            ? words.invalidFormat(described, issue.format)
            : withValue(issue.message, value, words),
        ),
      ];
    case 'not_multiple_of':
    case 'invalid_element':
    case 'custom':
      return [problem('schema-rule', issue.message)];
    default:
      return [problem('schema-rule', (issue as { message: string }).message)];
  }
}

function isTopLevelTypeMismatch(issue: Issue): issue is z.core.$ZodIssueInvalidType {
  return issue.code === 'invalid_type' && issue.path.length === 0;
}

/** zod's built-in messages start with these words; a schema's own messages ("must …") do not. */
function isDefaultMessage(message: string): boolean {
  return /^(Invalid|Too small|Too big)\b/.test(message);
}

/** The schema's rules by the sentence it gave zod: the sentence is the en catalog's own. */
const RULE_BY_SENTENCE: ReadonlyMap<string, SchemaRule> = new Map(
  (Object.entries(SCHEMA_RULES_EN) as [SchemaRule, string][]).map(([rule, text]) => [text, rule]),
);

/** A schema's own sentence in the run's words; one not in the table is kept as written. */
function ruleText(message: string, words: RoadmapLoadText): string {
  const rule = RULE_BY_SENTENCE.get(message);
  return rule === undefined ? message : words.schemaRule[rule];
}

function withValue(message: string, value: unknown, words: RoadmapLoadText): string {
  const text = ruleText(message, words);
  return message.startsWith('must') ? words.breaksRule(describeValue(value), text) : text;
}

function sizeMessage(
  issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig,
  value: unknown,
  words: RoadmapLoadText,
): string {
  if (!isDefaultMessage(issue.message)) {
    return withValue(issue.message, value, words);
  }
  const isSmall = issue.code === 'too_small';
  const limit = String(isSmall ? issue.minimum : issue.maximum);
  if (issue.origin === 'string') {
    return (isSmall ? words.atLeastCharacters : words.atMostCharacters)(Number(limit));
  }
  if (issue.origin === 'array') {
    return (isSmall ? words.atLeastItems : words.atMostItems)(Number(limit));
  }
  return (isSmall ? words.atLeast : words.atMost)(limit, describeValue(value));
}

/** The schema field an enum value belongs to (`kind`), unless the value sits under a free-form key. */
function fieldName(path: readonly PropertyKey[], schema: z.ZodType): string | undefined {
  const last = path.at(-1);
  return typeof last === 'string' && allowedKeysAt(schema, path.slice(0, -1)).includes(last)
    ? last
    : undefined;
}

function describeValue(value: unknown): DescribedValue {
  if (value === null) {
    return { kind: 'empty' };
  }
  if (Array.isArray(value)) {
    return { kind: 'list' };
  }
  if (typeof value === 'string') {
    return {
      kind: 'scalar',
      text: JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value),
    };
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return { kind: 'scalar', text: String(value) };
  }
  return typeof value === 'object' ? { kind: 'mapping' } : { kind: 'nothing' };
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/**
 * The resource a path points into (`sections[0].resources[2].url` → that resource), named by
 * its id and title as written, when it has an id: people know a resource by these, not by its path.
 */
export function resourceAt(
  data: unknown,
  path: readonly PropertyKey[],
): { id: string; title?: string } | undefined {
  const index = path.lastIndexOf('resources');
  if (index < 0 || typeof path[index + 1] !== 'number') return undefined;
  const resource = valueAt(data, path.slice(0, index + 2));
  if (resource === null || typeof resource !== 'object') return undefined;
  const { id, title } = resource as Record<string, unknown>;
  if (typeof id !== 'string' || id === '') return undefined;
  return typeof title === 'string' && title !== '' ? { id, title } : { id };
}
