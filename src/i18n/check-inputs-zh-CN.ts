/**
 * What `check` says about `--only`, `--changed-since` and `--ca-file`, in zh-CN, typed against
 * the English reference (check-inputs-en.ts). Terms as in docs/glossary.md (章节, 资源, 路线图);
 * git's own words are kept as git printed them.
 */
import type { CheckInputsText } from './check-inputs-en.js';

export const CHECK_INPUTS_TEXT_ZH_CN: CheckInputsText = {
  onlyUnknown: (ids) => `--only：没有 id 为 ${ids.map((id) => `"${id}"`).join('、')} 的章节或资源`,
  onlySuggestions: (suggestions) =>
    suggestions.map(({ id, nearest }) => `"${id}"：是不是想写 "${nearest}"？`).join(''),
  onlyHint: (example) =>
    `请使用路线图里的章节 id${example === undefined ? '' : `（例如 "${example}"）`}或资源 id`,
  notGitRef: (ref) => `--changed-since "${ref}" 不是 git ref。`,
  notGitRefHint: '请传入分支、tag 或 commit，例如 origin/main 或某个 commit sha',
  gitCannotRead: (path, ref, gitSaid) => `git 无法读取 ${ref} 版本的 ${path}：${gitSaid}`,
  gitMissing: (cwd) => `--changed-since 需要 git：PATH 里找不到 git，或者 ${cwd} 不存在。`,
  gitMissingHint: '请安装 git，或者去掉 --changed-since 检查全部资源',
  notGitRepository: (gitSaid) => `--changed-since 需要在 git 仓库里运行：${gitSaid}`,
  unknownGitRef: (ref) =>
    `找不到 git ref '${ref}'：请先 fetch 它（浅克隆里用 git fetch --depth=1 origin <sha>）`,
  caFileUnreadable: (path) => `--ca-file：无法读取 "${path}"。`,
  caFileHint: '请传入一个 PEM 文件，里面是系统自带证书之外还要信任的 CA 证书。',
};
