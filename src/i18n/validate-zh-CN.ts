/**
 * `curate validate` in zh-CN, typed against the English reference (validate-en.ts). Terms from
 * docs/glossary.md; keys of roadmap.yaml (url:, mirrors:, regions:), flags and rule ids stay as
 * written, since that is what the maintainer types.
 */
import { assertNever } from '../assert-never.js';
import { zhCN } from './zh-CN.js';
import type { ValidateText } from './validate-en.js';

const region = (id: string): string => (zhCN.region as Readonly<Record<string, string>>)[id] ?? id;
const codePoint = (character: string): string =>
  (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
const byRuleNote = (byRule: string | undefined): string =>
  byRule === undefined ? '' : `（${byRule}）`;

export const VALIDATE_TEXT_ZH_CN: ValidateText = {
  duplicateId: (noun, id, firstLine) =>
    `${noun === 'section' ? '章节' : '资源'} id “${id}”重复了（第一次出现在第 ${firstLine} 行）`,
  duplicateResourceIdHint: '报告和 --only 都用 id 指代资源，每个资源要有自己的 id',
  emptySection: (id) => `章节“${id}”是空的`,
  emptySectionHint: '加上 topics、resources 或子章节，或者删掉这个章节',
  missingUrl: '没有 URL，check 会跳过它',
  missingUrlHint: '找到资源后补上 url:',
  mirrorSameAsResource: '镜像的 URL 和资源本身的一样',
  mirrorSameAsResourceHint: '镜像应该是另一份拷贝（比如 B 站转载）；改正它的 URL，或者删掉',
  unknownRegion: (id, listed, nearest) =>
    `地区“${id}”不在 regions: 里（${listed.length === 0 ? '没有列出任何地区' : `已列出：${listed.join('、')}`}）${nearest === undefined ? '' : `；是不是想写“${nearest}”？`}`,
  unknownRegionHint: (regions) => `把它加到顶层的列表里，例如 regions: [${regions.join(', ')}]`,
  byRule: (ruleId, list) => `${list} 中的规则 ${ruleId}`,
  vpnMirrorsClosed: (id, byRule) =>
    `在${region(id)}需科学上网${byRuleNote(byRule)}，而它的镜像没有一个是已确认且在那里可直连的`,
  vpnMirrorsClosedHint: (id) =>
    `找一个在${region(id)}能直接打开的镜像，确认后标上 confirmed: true，或者新加一个`,
  vpnNoMirror: (id, byRule) => `在${region(id)}需科学上网${byRuleNote(byRule)}，且没有列出镜像`,
  vpnNoMirrorHint: (id) => `在 mirrors: 下加一份在${region(id)}能直接打开的拷贝`,
  writeItAs: (suggestion) => `应写成 ${suggestion}`,
  stray: (stray) => {
    switch (stray.where) {
      case 'scheme':
        return `URL 的协议部分里有全角字符“${stray.character}”（是不是中文输入法打出来的？）`;
      case 'space':
        return 'URL 里有全角空格（U+3000）';
      case 'end':
        return `URL 末尾多了“${stray.character}”，是不是连着旁边的文字一起复制进来了？`;
      default:
        return assertNever(stray.where);
    }
  },
  urlProblem: (problem) => {
    switch (problem.kind) {
      case 'empty':
        return 'URL 是空的';
      case 'no-scheme':
        return `“${problem.url}”缺少协议（如 https://）`;
      case 'malformed':
        return `“${problem.url}”不是合法的 URL`;
      case 'unsupported-scheme':
        return `“${problem.scheme}:”不是 http(s) 链接，无法检查`;
      case 'contains-space':
        return `URL 里有${problem.spaces
          .map((space) => (space === ' ' ? '空格' : `空白字符 U+${codePoint(space)}`))
          .join('和')}`;
      case 'insecure-http':
        return 'URL 用的是 http://，建议改成 https://';
      default:
        return assertNever(problem);
    }
  },
  duplicateUrl: (firstPath, firstLine) => `URL 和 ${firstPath}（第 ${firstLine} 行）重复`,
  duplicateUrlHint: '同一个资源只列一次，或者让每一项指向各自的页面',

  severity: (severity) => (severity === 'error' ? '错误' : '警告'),
  resourceSubject: (id, title) => `资源“${id}”${title === undefined ? '' : `（${title}）`}`,
  atLabel: '位置',
  hintLabel: '提示',
  annotationAt: (path) => `位置 ${path}`,
  annotationHint: (hint) => `提示：${hint}`,
  moreWarnings: (count, file) =>
    `……还有 ${count} 个警告没列出，运行 \`curate validate ${file}\` 可查看全部`,
  summary: (file, valid, errors, warnings, notLinted) =>
    `${file}：${valid ? '有效' : '无效'}——${errors} 个错误，${warnings} 个警告${notLinted ? '（文件是合法的 YAML 且符合 schema 之后才会运行 lint）' : ''}。`,
  needsMirror: (file, count, id) =>
    `${file}：${count} 个资源在${region(id)}需科学上网，且没有在那里可直连的已确认镜像。`,
};
