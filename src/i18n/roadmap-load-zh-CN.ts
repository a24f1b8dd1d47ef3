/**
 * A roadmap that does not load, in zh-CN, typed against the English reference
 * (roadmap-load-en.ts). Keys of roadmap.yaml and YAML's own words (mapping → 映射, list → 列表)
 * are what a maintainer sees in the YAML docs he reads.
 */
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
  invalidFormat: (value, format) => `${subject(value)}不是有效的 ${format}`,
};
