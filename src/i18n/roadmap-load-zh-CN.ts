/**
 * A roadmap that does not load, in zh-CN, typed against the English reference
 * (roadmap-load-en.ts). Keys of roadmap.yaml and YAML's own words (mapping → 映射, list → 列表)
 * are what a maintainer sees in the YAML docs he reads.
 */
import type { ErrorCode as YamlErrorCode } from 'yaml';
import {
  describedValue,
  type DescribedValue,
  type RoadmapLoadText,
  type ValueWords,
} from './roadmap-load-en.js';

const TYPE_NAMES_ZH_CN: Readonly<Record<string, string>> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  object: '映射（key: value）',
  record: '映射（key: value）',
  array: '列表',
};

const VALUE_WORDS_ZH_CN: ValueWords = {
  empty: '空值',
  list: '列表',
  mapping: '映射',
  nothing: '没有值',
};
const valueZh = (value: DescribedValue): string => describedValue(VALUE_WORDS_ZH_CN, value);

/** A quoted value is set off from the Chinese after it, as a code span would be. */
const subject = (value: DescribedValue): string =>
  value.kind === 'scalar' ? `${value.text} ` : valueZh(value);

/** Parser errors whose English message is one fixed sentence (or nearly): said in full. */
const YAML_PARSER_SENTENCES: Readonly<Partial<Record<YamlErrorCode, string>>> = {
  ALIAS_PROPS: '别名（*名字）不能再带锚点或标签',
  BAD_ALIAS: '锚点和别名的名字不能为空，也不能以冒号结尾',
  BAD_PROP_ORDER: '锚点和标签要写在 - 、? 或 : 这类标记的后面',
  DUPLICATE_KEY: '同一个映射里有重复的键',
  KEY_OVER_1024_CHARS: '键太长了：不加 ? 的键最多 1024 个字符',
  MULTIPLE_ANCHORS: '一个节点只能有一个锚点（&名字）',
  MULTIPLE_DOCS: '文件里有不止一个 YAML 文档',
  MULTIPLE_TAGS: '一个节点只能有一个标签（!标签）',
  TAB_AS_INDENT: 'YAML 不能用 Tab 缩进',
};

/**
 * Parser errors whose English message names what is wrong (which character, which token): the
 * kind of error in Chinese, the parser's words after it, since they say where to look.
 */
const YAML_PARSER_KINDS: Readonly<Partial<Record<YamlErrorCode, string>>> = {
  BAD_COLLECTION_TYPE: '标签和列表或映射的类型对不上',
  BAD_DIRECTIVE: '% 开头的 YAML 指令写得不对',
  BAD_DQ_ESCAPE: '双引号字符串里有无效的转义（反斜杠后面的字符不对）',
  BAD_INDENT: '缩进不对',
  BAD_SCALAR_START: '不加引号的值不能以这个字符开头，给它加上引号',
  BLOCK_AS_IMPLICIT_KEY: '这里不能把列表或映射当作键',
  BLOCK_IN_FLOW: '[ ] 或 { } 里不能换行写列表或映射，检查缩进和括号有没有闭合',
  IMPOSSIBLE: 'YAML 解析器内部出错，文件写法本身可能没问题',
  MISSING_CHAR: '少了字符（引号、括号、逗号、冒号或空格）',
  MULTILINE_IMPLICIT_KEY: '键必须写在同一行，常见原因是上一行少了冒号，或者值里的冒号没加引号',
  NON_STRING_KEY: '映射的键必须是字符串',
  RESOURCE_EXHAUSTION: '别名（*名字）展开得太多，文件像是“YAML 炸弹”',
  TAG_RESOLVE_FAILED: '无法识别的标签（!标签）',
  UNEXPECTED_TOKEN: '这里出现了不该出现的内容',
};

const YAML_PARSER_HINTS_ZH_CN: Readonly<Partial<Record<YamlErrorCode, string>>> = {
  DUPLICATE_KEY: 'YAML 只会保留其中一个；删掉一个，或者改个名字',
  TAB_AS_INDENT: '改用空格缩进',
  MULTIPLE_DOCS: '一个文件只放一个 YAML 文档；删掉多出来的 `---`',
};

/** A code in neither table (one a newer yaml adds) keeps the parser's words. */
function yamlParserZh(code: YamlErrorCode, parserText: string): string {
  const sentence = YAML_PARSER_SENTENCES[code];
  if (sentence !== undefined) return sentence;
  const kind = YAML_PARSER_KINDS[code];
  return kind === undefined ? parserText : `${kind}（解析器原文：${parserText}）`;
}

const didYouMean = (suggestion: string | undefined): string =>
  suggestion === undefined ? '' : `；是不是想写“${suggestion}”？`;

export const ROADMAP_LOAD_TEXT_ZH_CN: RoadmapLoadText = {
  notValidRoadmap: (file, problems) => `${file} 不是有效的路线图（${problems} 个问题）`,
  fileSays: (file, message) => `${file} ${message}`,
  isDirectory: '是一个目录，不是路线图文件',
  isDirectoryHint: '请传入 YAML 文件本身，例如 roadmap.yaml',
  notRegularFile: '不是普通文件',
  notRegularFileHint: '请传入保存在磁盘上的 YAML 文件',
  tooBig: (size, max) => `有 ${size}，超过了路线图允许的 ${max}`,
  tooBigHint: '把路线图拆开，或者确认一下是不是传错了文件',
  bytes: (bytes) =>
    bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${bytes} 字节`,
  notUtf8: '不是 UTF-8 文本',
  notUtf8Hint: '请另存为 UTF-8（不支持 GBK/GB2312 编码的文件）',
  readFailure: {
    ENOENT: ['不存在', '检查一下路径；它是相对于当前目录的'],
    ENOTDIR: ['不存在（上级路径不是目录）', '检查一下路径'],
    EACCES: ['无法读取：没有权限', '让当前用户可以读这个文件'],
    EPERM: ['无法读取：没有权限', '让当前用户可以读这个文件'],
    ELOOP: ['是循环的符号链接', '请指向真正的文件'],
    ENAMETOOLONG: ['文件名太长', '检查一下路径'],
  },
  cannotRead: (detail) => `无法读取（${detail}）`,
  cannotReadHint: '检查一下路径和文件',
  emptyFile: '文件是空的，而路线图应该是一个映射，包含 version、title、sections 等键',
  topLevel: (what, value) =>
    `顶层是${what === 'list' ? '一个列表' : `单个值（${value}）`}，而路线图应该是一个映射，包含 version、title、sections 等键`,
  topLevelHint: '文件开头先写 `version: 1`，再写 `title:` 和 `sections:`',

  yamlTab: (line, column) =>
    column === 1
      ? `第 ${line} 行以 Tab 开头；YAML 只能用空格缩进`
      : `第 ${line} 行的缩进里有 Tab（第 ${column} 列）；YAML 只能用空格缩进`,
  yamlTabHint: (spaces) =>
    spaces === undefined
      ? '把 Tab 换成空格'
      : spaces === 0
        ? '删掉这个 Tab：这一行不需要缩进'
        : `把缩进换成 ${spaces} 个空格，和上下文对齐`,
  yamlMisaligned: (line, indent, siblings) =>
    `第 ${line} 行缩进了 ${indent} 个空格，而同级的行是 ${siblings} 个`,
  yamlMisalignedHint: (siblings) =>
    `缩进改成 ${siblings} 个空格；如果它属于上面那一项，就和那一项的键对齐`,
  yamlDuplicateKey: (key, firstLine) => `键“${key}”重复了（第一次出现在第 ${firstLine} 行）`,
  yamlDuplicateKeyHint: 'YAML 只会保留其中一个；删掉一个，或者改个名字',
  yamlTooDeep: (maxDepth) => `嵌套超过了 ${maxDepth} 层`,
  yamlTooDeepHint: '检查一下有没有没闭合的 [ 或 {',
  yamlAliasCycle: '别名指向了包含它自己的节点，展开后没有尽头',
  yamlTooManyAliases: (max) => `别名太多：展开超过了 ${max} 次（是不是“billion laughs”攻击文件？）`,
  yamlUnresolvedAlias: (parserText) =>
    `别名找不到对应的锚点：&名字 要写在 *名字 之前（解析器原文：${parserText}）`,
  yamlAliasHint: '把值直接写出来，不要用 *别名',
  yamlParser: yamlParserZh,
  yamlParserHint: (code) => YAML_PARSER_HINTS_ZH_CN[code],

  value: valueZh,
  typeName: (expected) => TYPE_NAMES_ZH_CN[expected] ?? expected,
  orList: (items) => items.join('或'),
  expectedGot: (expected, got) => `这里应该是${expected}，实际是${valueZh(got)}`,
  unknownKey: (key, suggestion) => `未知的键“${key}”${didYouMean(suggestion)}`,
  allowedHere: (keys) => `这里可以用：${keys.join(', ')}`,
  mustBe: (only, got) => `必须是 ${only}，实际是${valueZh(got)}`,
  notAllowedValue: (value, field, suggestion) =>
    `${subject(value)}${field === undefined ? '不能用在这里' : `不是有效的 ${field}`}${didYouMean(suggestion)}`,
  oneOf: (options) => `可选值：${options.join(', ')}`,
  missingKey: (key) => `缺少必填的键“${key}”`,
  quoteHint: (written) => `加上引号，让 YAML 把它当作文本："${written}"`,
  emptyValueHint: '要么去掉这个键，要么给它一个值',
  invalidKey: (key, reasons) => `键“${key}”${reasons}`,
  atLeastCharacters: (count) => `至少要有 ${count} 个字符`,
  atMostCharacters: (count) => `最多只能有 ${count} 个字符`,
  atLeastItems: (count) => `至少要有 ${count} 项`,
  atMostItems: (count) => `最多只能有 ${count} 项`,
  atLeast: (limit, got) => `不能小于 ${limit}，实际是 ${valueZh(got)}`,
  atMost: (limit, got) => `不能大于 ${limit}，实际是 ${valueZh(got)}`,
  schemaRule: {
    notEmpty: '不能为空',
    slug: '必须是 slug：只能用小写字母、数字、“.”、“_”或“-”',
    regionCode: '必须是两个字母的地区代码，例如“cn”',
    duration: '必须是时长，例如“15s”、“500ms”或“2m”',
    sectionNumber: '必须是章节编号，例如“2.1”',
    needsSection: '路线图至少要有一个章节',
  },
  breaksRule: (value, rule) => `${subject(value)}${rule}`,
  invalidFormat: (value, format) => `${subject(value)}不是有效的 ${format}`,
};
