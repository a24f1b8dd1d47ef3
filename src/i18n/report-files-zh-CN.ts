/**
 * What curate says about the report files it reads back, merges and cannot write, in zh-CN,
 * typed against the English reference (report-files-en.ts). Terms as in docs/glossary.md
 * (报告, 分片, 路线图, 检测位置); file names, flags and system error text stay as written.
 */
import type { ReportFilesText } from './report-files-en.js';

export const REPORT_FILES_TEXT_ZH_CN: ReportFilesText = {
  notJson: (reason) => `不是 JSON：${reason}`,
  reportNotJson: (file) => `${file} 不是报告文件。`,
  reportNotJsonHint: '请传入 `curate check` 生成的 report.json',
  reportInvalid: (file) => `${file} 不是合法的 report.json。`,
  reportInvalidHint: '请传入 `curate check` 生成的 report.json，且要用同一版本的 curate',
  mergeNothing: 'curate merge 至少需要一份报告。',
  mergeVersions: (versions) => `无法合并 schema 版本不同的报告：${versions.join('、')}。`,
  mergeVersionsHint: '所有报告都要用同一版本的 curate 生成',
  mergeRoadmaps: (roadmaps) => `无法合并不同路线图的报告：${roadmaps.join('、')}。`,
  mergeRoadmapsHint: '只合并同一次运行、同一份路线图的各个分片',
  mergeConflict: (id) => `资源 "${id}" 出现在两份报告里，结果却不一样。`,
  mergeConflictHint: '只合并同一次运行的分片（--shard 的总数相同，路线图相同）',
  shardTwice: (shard, files) =>
    `分片 ${shard} 重复传入了 ${files.length} 次：${files.join(', ')}。`,
  shardTwiceHint: '每个分片的 report.json 只传一次，而且都要来自同一次运行',
  shardsMissing: (missing) => `${missing}：不能合并一次不完整的运行。`,
  shardsMissingHint: (reports) =>
    `请传入每个分片的 report.json，或者加上 --allow-partial 合并已给出的 ${reports} 份报告（合并后的报告会注明不完整，并列出缺少哪些分片）`,
  shardSplits: (vantage, shards) =>
    `这些分片的拆分方式不同${vantage === undefined ? '' : `（检测位置 ${vantage}）`}：${shards
      .map(({ file, index, total }) => `${file} 是 ${index}/${total}`)
      .join('，')}。`,
  shardSplitsHint: '只合并同一次运行的分片，它们的 --shard 总数必须相同',
  writtenFile: {
    roadmap: '路线图',
    history: '历史记录',
    cache: '缓存',
    trackingIssue: '跟踪 issue',
    mirrors: 'mirrors.json',
    jobSummary: '作业摘要',
    file: '文件',
  },
  cannotCreateReportDir: (dir, why) => `无法创建报告目录 ${dir}：${why}`,
  cannotWriteReport: (path, why) => `无法写入报告 ${path}：${why}`,
  cannotWriteFile: (what, path, why) => `无法把${spaced(what)}写入 ${path}：${why}`,
  cannotWriteFileHint: (dir) => `请确认 ${dir} 存在并且有写权限。`,
  cannotAppend: (what, path, why) => `无法向 ${path} 追加${spaced(what)}：${why}`,
  cacheUnreadable: (path, why) => `无法读取缓存 ${path}：${why}`,
  cacheNotCurate: (path) =>
    `${path} 不是 curate 的缓存文件；这次将全部重新检查，并写入新的缓存文件。`,
  newFileExists: (path) => `${path} 已经存在；curate 不会覆盖它。`,
  newFileExistsHint: '加上 --force 替换它，或者写到别的地方。',
  outDirNotWritable: (dir) => `请确认你对 ${dir} 有写权限，或者用 --out 换一个目录。`,
  outDirIsFile: (dir) => `${dir} 路径中有一段是文件而不是目录；请用 --out 换一个目录。`,
  outDirHasDirectory: (dir) => `${dir} 里有一个和报告同名的目录；请把它挪走，或者换一个 --out。`,
  diskFull: '磁盘已满；请腾出空间后重新运行检查。',
  otherOutDir: '请用 --out 换一个目录。',
};

/** A file's name set in Chinese text: a Latin word (mirrors.json, issue) gets a space each side. */
function spaced(what: string): string {
  const start = /^[\x21-\x7e]/.test(what) ? ' ' : '';
  const end = /[\x21-\x7e]$/.test(what) ? ' ' : '';
  return `${start}${what}${end}`;
}
