/**
 * What `fix`, `mirrors` and `history` say when they cannot go on, in zh-CN, typed against the
 * English reference (commands-en.ts). Terms as in docs/glossary.md (镜像, 重定向).
 */
import type { CommandText } from './commands-en.js';

export const COMMAND_TEXT_ZH_CN: CommandText = {
  fixOtherRoadmap: (reported, roadmap) =>
    `报告检查的是 ${reported}，不是 ${roadmap}；只修复报告所列行上找得到的 URL。`,
  fixNetworkDown: '网络不可用，看不到任何重定向，没有修改任何内容。',
  mirrorsNetworkDown: '网络不可用，无法查找镜像。',
  confirmNoResource: (file, id) => `--confirm：${file} 中没有 id 为 "${id}" 的资源。`,
  confirmNoResourceHint: '请传入资源的 id，即 mirrors.json 和报告里写的那个。',
  confirmNothing: (id, file, url) =>
    `--confirm：${file} 中的 ${id} 没有 confirmed: false 的镜像${url === undefined ? '' : `（url 为 ${url}）`}。`,
  confirmNothingHint: '先运行 curate mirrors --write，或用 --url 指定它的某个未确认镜像。',
  diffJsonAndFormat: (format) => `--json 和 --format ${format} 要的是两种输出，只能选一种。`,
  diffJsonAndFormatHint: '只用 --format 即可。',
  inputFile: { roadmap: '路线图', list: '列表', report: '报告', history: '历史记录' },
  noSuchFile: '文件不存在',
  isDirectory: '这是一个目录',
  noPermission: '没有读取权限',
  cannotReadInput: (what, path, problem) => `无法读取${what} ${path}：${problem}。`,
  cannotReadInputProblem: (what, problem) => `无法读取${what}：${problem}`,
  completionUnknownShell: (shell, shells) =>
    `completion：curate 不支持为 "${shell}" 生成补全脚本，可选：${shells.join(', ')}。`,
  historyNotJson: (file) => `${file} 不是历史记录文件。`,
  historyInvalid: (file) => `${file} 不是合法的历史记录文件。`,
  historyInvalidHint: '删除它即可重新开始记录，下次巡检会写一份新的',
};
