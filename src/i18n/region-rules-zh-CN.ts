/**
 * A region rules source that cannot be used, in zh-CN, typed against the English reference
 * (region-rules-en.ts). 规则文件 is rules/cn.yaml's kind of file; AutoProxy 列表 keeps the
 * format's own name, as gfwlist's users call it.
 */
import type { RegionRulesText } from './region-rules-en.js';

export const REGION_RULES_TEXT_ZH_CN: RegionRulesText = {
  notYaml: (file) => `${file} 不是合法的 YAML`,
  notRulesFile: (file) => `${file} 不是合法的地区规则文件`,
  notRulesFileHint: '格式可参照 rules/cn.yaml',
  cannotRead: (path) => `无法读取 ${path}`,
  cannotReadFile: (code) => `无法读取文件（${code ?? '未知错误'}）`,
  urlWithoutNetwork: (source) => `--region-rules ${source}：URL 需要联网下载，但本次运行不联网。`,
  urlWithoutNetworkHint: '先把列表下载到本地再传文件路径，或去掉 --offline。',
  cannotDownload: (url) => `无法下载 ${url}`,
  cannotDownloadHint: '请手动下载这个文件，再改为传入本地文件。',
  notTextFile: (contentType) => `不是文本文件（${contentType ?? '没有 Content-Type'}）`,
  downloadTimedOut: (phase) => `下载超时（${phase} 阶段）`,
  notAutoProxy: (name) => `${name} 不是 AutoProxy 列表`,
  notAutoProxyProblem: '既不是纯文本的 AutoProxy 列表，也不是它的 base64 编码',
  notAutoProxyHint:
    '纯文本列表以 "[AutoProxy 0.2.9]" 开头（前面可以有 "!" 注释行），或者含有 "||域名" 这样的行',
  schemaRule: {
    notEmpty: '不能为空',
    bareDomain: '直接写域名本身即可：一条规则已涵盖它的所有子域名',
    domain: '必须是小写域名，如 "example.com"（不带协议、路径和端口）',
    slug: '只能由小写字母、数字、"."、"_" 或 "-" 组成',
    reservedId: (id) => `"${id}" 是保留 id，专指没有规则列出的主机`,
    date: '必须是日期，如 2026-11-28',
    duplicateId: (id) => `id "${id}" 重复`,
    alreadyMatched: (domain) => `"${domain}" 已被前面的规则匹配`,
  },
};
