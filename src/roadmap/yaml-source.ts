/**
 * YAML text → plain data that still knows where each value came from. Guards against the input
 * that would otherwise hang or crash the process (alias bombs, cycles, absurd nesting) and turns
 * every syntax error into a positioned `InputProblem`. Not roadmap-specific: any input file can
 * use it before its own schema check.
 */
import {
  Composer,
  isAlias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  Parser,
  visit,
  YAMLParseError,
} from 'yaml';
import type { Alias, CST, Document, ErrorCode as YamlErrorCode, YAMLMap } from 'yaml';
import { assertNever, type SourcePosition } from '../domain.js';
import type { InputProblem } from '../errors.js';
import { ROADMAP_LOAD_TEXT_EN, type RoadmapLoadText } from '../i18n/roadmap-load-en.js';

/** Which side of a `key: value` pair a position points at. */
export type LocatePart = 'key' | 'value';

/** Parsed YAML plus the means to point back into the text. */
export type YamlSource = {
  data: unknown;
  /** 1-based position of the key or value at `path`, else of its nearest existing parent; 0:0 if none. */
  locate(path: readonly PropertyKey[], part?: LocatePart): SourcePosition;
  /** A scalar as written (e.g. `1.10`, which YAML reads as the number 1.1). */
  sourceAt(path: readonly PropertyKey[]): string | undefined;
};

/** The `code` of each YAML problem (see `InputProblem.code`). */
export type YamlProblemCode =
  | 'yaml-tab'
  | 'yaml-indentation'
  | 'yaml-duplicate-key'
  | 'yaml-nesting'
  | 'yaml-alias'
  | 'yaml-syntax';

/**
 * What went wrong, apart from its words: the language is only known once the roadmap's `lang:`
 * is read, after this, so `yamlProblemText` says it again in that language.
 */
export type YamlFault =
  | { kind: 'parser'; parserCode: YamlErrorCode; parserText: string }
  | { kind: 'duplicate-key'; key: string; firstLine: number }
  | { kind: 'too-deep'; maxDepth: number }
  | { kind: 'alias-cycle' }
  | { kind: 'too-many-aliases'; max: number }
  | { kind: 'unresolved-alias'; parserText: string };

/** A YAML problem, worded in English, with the fault it can be worded again from. */
export type YamlProblem = InputProblem & { code: YamlProblemCode; fault: YamlFault };

/**
 * The result of reading YAML: `failed` when no usable data came out; otherwise the data plus
 * problems that leave the tree intact (duplicate keys), to report with the schema's problems.
 */
export type YamlReadResult =
  | { kind: 'ok'; source: YamlSource; problems: readonly YamlProblem[] }
  | { kind: 'failed'; problems: readonly YamlProblem[] };

/** A fault's message and hint in a language's words. */
export function yamlProblemText(
  fault: YamlFault,
  words: RoadmapLoadText,
): { message: string; hint?: string } {
  const withHint = (message: string, hint: string | undefined) =>
    hint === undefined ? { message } : { message, hint };
  switch (fault.kind) {
    case 'parser':
      return withHint(
        words.yamlParser(fault.parserCode, fault.parserText),
        words.yamlParserHint(fault.parserCode),
      );
    case 'duplicate-key':
      return withHint(
        words.yamlDuplicateKey(fault.key, fault.firstLine),
        words.yamlDuplicateKeyHint,
      );
    case 'too-deep':
      return withHint(words.yamlTooDeep(fault.maxDepth), words.yamlTooDeepHint);
    case 'alias-cycle':
      return { message: words.yamlAliasCycle };
    case 'too-many-aliases':
      return withHint(words.yamlTooManyAliases(fault.max), words.yamlAliasHint);
    case 'unresolved-alias':
      return withHint(words.yamlUnresolvedAlias(fault.parserText), words.yamlAliasHint);
    default:
      return assertNever(fault);
  }
}

function codeOf(fault: YamlFault): YamlProblemCode {
  switch (fault.kind) {
    case 'parser':
      return 'yaml-syntax';
    case 'duplicate-key':
      return 'yaml-duplicate-key';
    case 'too-deep':
      return 'yaml-nesting';
    case 'alias-cycle':
    case 'too-many-aliases':
    case 'unresolved-alias':
      return 'yaml-alias';
    default:
      return assertNever(fault);
  }
}

/** Aliases `toJS` may expand before giving up: a "billion laughs" file fails fast. */
export const MAX_ALIAS_COUNT = 100;
/** yaml composes recursively, so far deeper input would overflow the stack. */
export const MAX_NESTING_DEPTH = 100;

/** Parses one YAML document; `file` is only used in problems. */
export function readYamlSource(text: string, file: string): YamlReadResult {
  const problem = (position: SourcePosition, fault: YamlFault): YamlProblem => ({
    file,
    ...position,
    path: '',
    ...yamlProblemText(fault, ROADMAP_LOAD_TEXT_EN),
    code: codeOf(fault),
    fault,
  });

  const lineCounter = new LineCounter();
  const parsed = parseOneDocument(text, lineCounter);
  if (parsed.kind === 'too-deep') {
    return {
      kind: 'failed',
      problems: [problem(parsed.at, { kind: 'too-deep', maxDepth: MAX_NESTING_DEPTH })],
    };
  }
  const { doc } = parsed;
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  const problems = doc.errors.map((error) => {
    const duplicate =
      error.code === 'DUPLICATE_KEY' ? findDuplicateKey(doc, error.pos[0], at) : undefined;
    const fault: YamlFault = duplicate ?? {
      kind: 'parser',
      parserCode: error.code,
      parserText: error.message,
    };
    return problem(at(error.pos[0]), fault);
  });
  // A duplicate key leaves a well-formed tree; any other error may not.
  if (doc.errors.some((error) => error.code !== 'DUPLICATE_KEY')) {
    return { kind: 'failed', problems };
  }
  // An alias is written `*name`: text without a `*` has none, and skips a walk over every node
  // (~0.1 s of the ~2.4 s a 10,000-resource roadmap takes on a busy machine).
  const cycle = text.includes('*') ? findSelfReferencingAlias(doc, at) : undefined;
  if (cycle !== undefined) {
    return {
      kind: 'failed',
      problems: [...problems, problem(cycle, { kind: 'alias-cycle' })],
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml reports both alias bombs and unknown anchors as a ReferenceError; anything else is a bug.
    if (!(error instanceof ReferenceError)) {
      throw error;
    }
    // The error's class is all yaml gives to tell the two apart; its message is the only test.
    const fault: YamlFault = /excessive alias count/i.test(error.message)
      ? { kind: 'too-many-aliases', max: MAX_ALIAS_COUNT }
      : { kind: 'unresolved-alias', parserText: error.message };
    return {
      kind: 'failed',
      problems: [...problems, problem(firstAliasPosition(doc, at), fault)],
    };
  }
  const locate = createLocator(doc, at);
  const sourceAt = (path: readonly PropertyKey[]): string | undefined => {
    const node: unknown = doc.getIn(path as unknown[], true);
    return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
  };
  return { kind: 'ok', source: { data, locate, sourceAt }, problems };
}

function createLocator(
  doc: Document,
  at: (offset: number) => SourcePosition,
): YamlSource['locate'] {
  const positionOf = (node: unknown): SourcePosition | undefined =>
    // An empty value (`url:`) has an empty range after the key; callers fall back to the key.
    isNode(node) && node.range && node.range[0] < node.range[1] ? at(node.range[0]) : undefined;

  return (path, part = 'value') => {
    let node: unknown = doc.contents;
    let position = positionOf(node) ?? { line: 0, column: 0 };
    for (const [index, segment] of path.entries()) {
      if (isAlias(node)) {
        node = node.resolve(doc);
      }
      let key: unknown;
      let value: unknown;
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isScalar(item.key) && String(item.key.value) === String(segment),
        );
        if (pair === undefined) {
          break;
        }
        key = pair.key;
        value = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        value = node.items[segment];
      } else {
        break;
      }
      const isLast = index === path.length - 1;
      position =
        (isLast && part === 'key' ? positionOf(key) : positionOf(value)) ??
        positionOf(key) ??
        position;
      node = value;
    }
    return position;
  };
}

type ParsedDocument = { kind: 'parsed'; doc: Document } | { kind: 'too-deep'; at: SourcePosition };

/**
 * `parseDocument`, taken apart so the text is lexed and parsed once: the CST parser keeps its own
 * stack instead of recursing, so its depth is watched lexeme by lexeme, and the (recursive)
 * composer only ever sees a document that is known to be shallow enough.
 */
function parseOneDocument(text: string, lineCounter: LineCounter): ParsedDocument {
  const parser = new Parser(lineCounter.addNewLine);
  let tooDeepAt: number | undefined;
  function* watchedTokens(): Generator<CST.Token> {
    // `Parser.parse` records the first line itself; feeding lexemes one by one does not.
    lineCounter.addNewLine(0);
    for (const lexeme of new Lexer().lex(text)) {
      yield* parser.next(lexeme);
      if (parser.stack.length > MAX_NESTING_DEPTH) {
        tooDeepAt = parser.offset;
        return;
      }
    }
    yield* parser.end();
  }
  const composer = new Composer({ prettyErrors: false, uniqueKeys: true });
  let doc: Document | undefined;
  // As `parseDocument` does: the first document, and an error at the start of a second one.
  for (const next of composer.compose(watchedTokens(), true, text.length)) {
    if (tooDeepAt !== undefined) break;
    if (doc === undefined) {
      doc = next;
    } else {
      const message = 'Source contains multiple documents; please use YAML.parseAllDocuments()';
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', message));
      break;
    }
  }
  if (tooDeepAt !== undefined) {
    const { line, col } = lineCounter.linePos(tooDeepAt);
    return { kind: 'too-deep', at: { line, column: col } };
  }
  // `compose(…, forceDoc = true)` always yields at least one document.
  if (doc === undefined) throw new Error('yaml composed no document');
  return { kind: 'parsed', doc };
}

/**
 * The first thing `look` finds in a document's maps or aliases, in document order: the walk
 * stops there, so a large document is not walked to its end for a problem near its start.
 */
function findFirst<T>(
  doc: Document,
  look: { map?: (map: YAMLMap) => T | undefined; alias?: (alias: Alias) => T | undefined },
): T | undefined {
  let found: T | undefined;
  const stopAt = (value: T | undefined) => {
    found = value;
    return value === undefined ? undefined : visit.BREAK;
  };
  visit(doc, {
    Map: (_, map) => (look.map ? stopAt(look.map(map)) : undefined),
    Alias: (_, alias) => (look.alias ? stopAt(look.alias(alias)) : undefined),
  });
  return found;
}

function findDuplicateKey(
  doc: Document,
  offset: number,
  at: (offset: number) => SourcePosition,
): YamlFault | undefined {
  return findFirst(doc, {
    map(map) {
      const firstOffsets = new Map<string, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || !pair.key.range) {
          continue;
        }
        const key = String(pair.key.value);
        const first = firstOffsets.get(key);
        if (pair.key.range[0] === offset && first !== undefined) {
          return { kind: 'duplicate-key', key, firstLine: at(first).line };
        }
        firstOffsets.set(key, first ?? pair.key.range[0]);
      }
      return undefined;
    },
  });
}

/** `a: &a [*a]` is legal YAML but makes an endless structure that validation would recurse into. */
function findSelfReferencingAlias(
  doc: Document,
  at: (offset: number) => SourcePosition,
): SourcePosition | undefined {
  return findFirst(doc, {
    alias(alias) {
      const target = alias.resolve(doc);
      if (
        target?.range &&
        alias.range &&
        alias.range[0] >= target.range[0] &&
        alias.range[1] <= target.range[2]
      ) {
        return at(alias.range[0]);
      }
      return undefined;
    },
  });
}

const NOWHERE: SourcePosition = { line: 0, column: 0 };

function firstAliasPosition(doc: Document, at: (offset: number) => SourcePosition): SourcePosition {
  // The first alias stops the walk, with or without a range to point at.
  return (
    findFirst(doc, { alias: (alias) => (alias.range ? at(alias.range[0]) : NOWHERE) }) ?? NOWHERE
  );
}
