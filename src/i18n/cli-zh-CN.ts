/**
 * The command line in zh-CN, typed against the English reference (cli-en.ts). Terms from
 * docs/glossary.md; flags, commands and file names stay as the user types them.
 */
import type { CliText } from './cli-en.js';

export const CLI_TEXT_ZH_CN: CliText = {
  errorLabel: '错误',
  hintLabel: '提示',
  warning: (text) => `警告: ${text}`,
  workerCrashed: (why) => `有一个工作线程意外退出（${why}），它没检查完的链接已改由主线程检查。`,
  noCommand: '错误: 没有给出命令；运行 `curate <命令> --help` 查看用法。',
  helpAfterError: '（加上 --help 查看用法）',
  internalError: 'curate 内部出错了。这是 bug：请把你运行的命令和上面的输出一起报告给我们。',
  interrupted: '已中断：正在用已完成的部分生成报告（再按一次 Ctrl-C 立即退出）。',

  summary: (total, coverage, counts) =>
    `${total} 个资源${coverage === undefined ? '' : `（${coverage}）`}：${counts.join('，') || '没有需要检查的'}。`,
  statusCount: (count, status) => `${status} ${count}`,
  partial: '不完整',
  privateSkips: (count) =>
    `${count} 个链接指向内网或本机地址，已跳过；加上 --allow-private 才会检查它们。`,
  wrote: (path) => `已写入 ${path}`,
  networkDown: (message) =>
    `网络不可用：${message}。没有判定任何链接；请检查网络连接或 --proxy 后重新运行。`,
  changedSinceNone: (ref) => `--changed-since ${ref}：没有新增或改动的资源，无需检查。`,
  changedSince: (ref, ids) =>
    `--changed-since ${ref}：${ids.length} 个资源有新增或改动：${ids.join(', ')}。`,
  merged: (reports, vantages, resources, missing) =>
    `已合并 ${reports} 份报告（${vantages.join(', ')}）：${resources} 个资源。${missing === undefined ? '' : `不完整：${missing}。`}`,

  created: (path) => `已创建 ${path}`,
  initNext: (actionRepository) =>
    `下一步：把资源加到 roadmap.yaml 里（或者直接替换它：curate import README.md -o roadmap.yaml --force），运行 curate validate，然后 push。\n工作流使用的是 ${actionRepository}；如果你从别处运行 curate 的 action，请修改它们。`,
  initPresent: (files, root) =>
    `${root} 里已经有 ${files.join(', ')}；curate init 没有写入任何文件。`,
  initPresentHint: '先把它们挪开，或者换一个空目录。',
  searched: (done, total) => `已搜索 ${done}/${total}`,
  mirrorsAdded: (file, count) => `${file}：添加了 ${count} 个未确认的镜像。`,
  mirrorSkipped: (resourceId, url, why) => `  跳过 ${resourceId} ${url}：${why}`,
  mirrorSkip: {
    'no-resource': '路线图里没有这个 id 的资源（报告生成后路线图改过）',
    'already-listed': '这个资源已经列了这个镜像',
    'flow-style': '这个资源是用 flow 风格（{ } 或 [ ]）写的，请手动添加镜像',
  },
  mirrorConfirmed: (where, url, resourceId) =>
    `${where}：已将 ${url} 确认为 ${resourceId} 的镜像。`,
  diffJsonDeprecated: '警告: --json 已弃用，请改用 --format json。',

  commanderErrors: {
    'commander.invalidArgument': ({ of, name, value, choices, reason }) =>
      `错误: ${of === 'argument' ? '参数' : '选项'} ${name} 的取值 ${value ?? ''} 无效${
        choices === undefined ? '' : `，可选值：${choices}`
      }${reason === undefined ? '' : `（${reason}）`}`,
    'commander.unknownOption': ({ name, suggestion }) =>
      `错误: 未知的选项 ${name}${didYouMean(suggestion)}`,
    'commander.unknownCommand': ({ name, suggestion }) =>
      `错误: 未知的命令 ${name}${didYouMean(suggestion)}`,
    'commander.missingArgument': ({ name }) => `错误: 缺少必填参数 ${name}`,
    'commander.optionMissingArgument': ({ name }) => `错误: 选项 ${name} 缺少取值`,
    'commander.missingMandatoryOptionValue': ({ name }) => `错误: 必须给出选项 ${name}`,
    'commander.conflictingOption': ({ name, other }) =>
      `错误: 选项 ${name} 不能和${other === undefined ? '另一个选项' : ` ${other} `}同时使用`,
    'commander.excessArguments': ({ expected, got }) =>
      expected === undefined || got === undefined
        ? '错误: 参数太多了'
        : `错误: 参数太多了：应该有 ${expected} 个，实际给了 ${got} 个`,
  },
  examplesHeading: '示例：',
};

const didYouMean = (suggestion: string | undefined): string =>
  suggestion === undefined ? '' : `\n（是不是想写 ${suggestion}？）`;
