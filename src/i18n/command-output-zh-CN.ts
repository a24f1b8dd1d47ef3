/**
 * What the commands print when they succeed, in zh-CN, typed against the English reference
 * (command-output-en.ts). Terms as in docs/glossary.md (失败, 已恢复, 跟踪 issue); status and
 * reason are shown by their labels, keys, URLs, file names and ISO times as written.
 */
import type { CommandOutputText } from './command-output-en.js';
import type { Reason, Status } from '../outcome/model.js';
import { formatNumber } from './format.js';
import { zhCN } from './zh-CN.js';

const n = (value: number) => formatNumber('zh-CN', value);

/** `失效（HTTP 404：页面不存在）`: the labels a report shows, not the machine words. */
const outcome = (status: Status, reason: Reason) =>
  `${zhCN.status[status]}（${zhCN.reason[reason]}）`;

export const COMMAND_OUTPUT_TEXT_ZH_CN: CommandOutputText = {
  // Words as the tracking issue has them (失败, 新出现的失败, 已恢复); the labels are padded to
  // one width as en's are, a Chinese character taking two columns.
  historySummary: (file, links, persistent, fresh, recovered) =>
    `${file}：共 ${n(links)} 个链接；持续失败 ${n(persistent)} 个，新失败 ${n(fresh)} 个，已恢复 ${n(recovered)} 个。`,
  historyPersistent: (key, status, reason, since, streak) =>
    `  持续失败  ${key}  ${outcome(status, reason)}，自 ${since} 起（连续 ${n(streak)} 次巡检）`,
  historyNew: (key, status, reason, since) =>
    `  新失败    ${key}  ${outcome(status, reason)}，自 ${since} 起`,
  historyRecovered: (key, status, recoveredAt, since) =>
    `  已恢复    ${key}  ${recoveredAt} 检查为${zhCN.status[status]}（此前自 ${since} 起失败）`,
  historyWroteIssue: (file, shouldBeOpen) =>
    `已写入 ${file}：跟踪 issue 应为${shouldBeOpen ? '打开' : '关闭'}状态。`,
  fixSummary: (file, isDryRun, moved, archived, skipped) =>
    `${file}：${isDryRun ? '将更新' : '已更新'} ${n(moved)} 个已迁移的 URL${
      archived === 0 ? '' : `，并把 ${n(archived)} 个失效 URL 换成存档副本`
    }${skipped > 0 ? `，跳过 ${n(skipped)} 个` : ''}。`,
  fixSkipped: (file, line, from, to, why) => `  跳过 ${file}:${line} ${from} → ${to}：${why}`,
  fixSkipReason: {
    'not-found': '这一行已经没有这个 URL 了（生成报告后路线图有改动）',
    'block-scalar': '这个 URL 写成了块标量（| 或 >），请手动修改',
    conflict: '另一条修复已经改写了这个 URL',
    unchanged: '已经是这个地址了',
    'has-original': '这个资源已经有 original_url，请手动修改',
  },
  importSummary: (file, sections, resources, mirrors, out) =>
    `${file}：已导入 ${n(sections)} 个章节、${n(resources)} 个资源和 ${n(mirrors)} 个镜像${out === undefined ? '' : `，写入 ${out}`}。`,
  importLeftOut: (links) =>
    `  有 ${n(links)} 个链接不是 http(s) 地址（相对路径、#锚点），没有导入：`,
  mergeSummary: (roadmapFile, isDryRun, added, file, addedSections, dropped) =>
    `${roadmapFile}：${isDryRun ? '将' : '已'}从 ${file} 添加 ${n(added)} 个资源${addedSections.length > 0 ? `（新章节：${addedSections.join('、')}）` : ''}；${file} 里已没有的 ${n(dropped)} 个资源仍然保留。`,
  mergeDropped: (roadmapFile, line, id, url) =>
    `  - ${roadmapFile}:${line}  ${id}  ${url}  （上游列表已删除；确实不需要的话请手动删掉）`,
  mergeUnplaced: (id, url, file, line, roadmapFile) =>
    `  ! ${id}  ${url}  （${file}:${line}）：它在 ${roadmapFile} 里该放的位置是 flow 风格的列表，请手动添加`,
};
