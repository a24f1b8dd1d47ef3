/**
 * `curate --help` in zh-CN. The English reference is what each command registers (src/commands);
 * this catalog is keyed by command, argument and long option, and help-text.test.ts proves that
 * every one the program registers has its translation here (and that none is stale). Terms
 * from docs/glossary.md; flags, file names and values stay as the user types them.
 */

/** The commands curate registers; help-text.test.ts fails on one that is not here. */
export type HelpCommandName =
  | 'validate'
  | 'check'
  | 'diff'
  | 'fix'
  | 'history'
  | 'merge'
  | 'init'
  | 'import'
  | 'mirrors'
  | 'completion';

/** One command's help: its description, its arguments' and its options' (by long flag). */
export type CommandHelp = {
  description: string;
  arguments?: Readonly<Record<string, string>>;
  options?: Readonly<Record<string, string>>;
};

export type HelpText = {
  program: string;
  help: string;
  version: string;
  /** commander's headings (`Usage:`, `Options:` …), as it passes them to `styleTitle`. */
  headings: Readonly<Record<string, string>>;
  /** The labels commander puts after a description: `(default: …)`, `(choices: …)` … */
  extras: Readonly<Record<'choices' | 'default' | 'preset' | 'env', string>>;
  /** What each of a command's help examples does, in the order of HELP_EXAMPLES. */
  examples: Readonly<Record<string, readonly string[]>>;
  commands: Readonly<Record<HelpCommandName, CommandHelp>>;
};

const LANG =
  '报告和提示信息的语言：en 或 zh-CN（默认：路线图的 lang:，其次是系统 locale，最后是 en）';
const FAIL_ON = '哪些状态（或 status:reason）算作失败，逗号分隔，或 none（默认：broken）';
const REPORTS =
  '要写的报告文件，逗号分隔：json、md、html、sarif、junit；report.json 总会写（默认：md,json,html）';
const ROADMAP_FROM_REPORT = '路线图文件（默认：报告里记录的路线图，其次是 roadmap.yaml）';
const WITHOUT_FROM = '不带 --from 时：';

export const HELP_TEXT_ZH_CN: HelpText = {
  program: '让学习路线图保持可靠：检查每个链接和镜像，报告需要维护者处理的问题。',
  help: '显示命令的帮助',
  version: '显示版本号',
  headings: {
    'Usage:': '用法：',
    'Arguments:': '参数：',
    'Options:': '选项：',
    'Commands:': '命令：',
    'Global Options:': '全局选项：',
  },
  extras: { choices: '可选值', default: '默认', preset: '预设', env: '环境变量' },
  examples: {
    validate: [
      '用 schema 和 lint 规则检查 roadmap.yaml',
      '以 JSON 输出问题，给工具读',
      '在 workflow 里把问题输出为注解',
    ],
    check: [
      '检查每个链接和镜像，报告写到 reports/',
      '只查 pull request 新加的链接',
      '四个分片中的一个',
    ],
    merge: ['把各分片的报告合成一份', '合并两个检测位置的结果'],
    diff: ['哪些链接失效了、迁移了或恢复了', '和上次巡检相比'],
    fix: ['以 diff 形式列出永久重定向', '……并写回路线图'],
    history: ['把这次运行记入 reports/history.json', '并写出跟踪 issue'],
    completion: ['在当前 bash 里补全命令和选项', '为 zsh 安装补全'],
  },
  commands: {
    validate: {
      description: '检查路线图文件（YAML、schema 和 lint），不访问网络',
      arguments: { roadmap: '路线图文件' },
      options: {
        '--format': 'text（默认）、json，或 github（工作流注解）',
        '--lang': LANG,
      },
    },
    check: {
      description: '检查每个资源和镜像，并写出报告（report.json、report.md 等）',
      arguments: { roadmap: '路线图文件' },
      options: {
        '--out': '报告的输出目录，或用 - 把 report.json 输出到 stdout（默认：reports）',
        '--reports': REPORTS,
        '--lang': LANG,
        '--concurrency': '所有站点合计同时进行的请求数（默认：512）',
        '--per-host': '每个站点同时进行的请求数（默认：8）',
        '--workers':
          '分担链接检查的工作线程数，或 auto：4 核及以上、链接多时用“核数 − 1”（默认：auto）',
        '--timeout': '每次请求尝试的超时，例如 20s 或 500ms（默认：20s）',
        '--max-time-per-link':
          '单个链接最多花多长时间：包括各次尝试、重试间隔和重定向（默认：25s）',
        '--retries': '遇到 429、5xx 和网络错误时额外重试的次数（默认：2）',
        '--user-agent': '发送的 User-Agent 请求头',
        '--proxy':
          '所有请求使用的代理：http://、https:// 或 socks5://（默认：HTTPS_PROXY/HTTP_PROXY）',
        '--allow-private': '允许访问本机、内网和链路本地地址（默认拒绝）',
        '--offline': '不联网检查任何链接；所有结果都是未检查',
        '--only': '只检查这个资源或章节 id（可重复，或用逗号分隔）',
        '--exclude': '跳过匹配这个正则表达式的 URL（可重复）',
        '--fail-on':
          '哪些状态（或 status:reason）会让运行以 1 退出，逗号分隔，或 none（默认：broken）',
        '--fragments': '检查 HTML 页面上的 #锚点（默认）',
        '--no-fragments': '不检查 #锚点',
        '--vantage': '把这次运行标记为从某个地区检测，例如 cn（默认：global）',
        '--connect-to': '把某个域名连到另一个地址，和 curl 一样：host:port:address:port（可重复）',
        '--ca-file': '额外信任这个 PEM 文件里的 CA 证书',
        '--shard': '只检查 n 份中的第 i 份资源（按 id 稳定划分）',
        '--changed-since': '只检查自这个 git ref 以来新增、或 url / 镜像有改动的资源',
        '--format':
          'stdout 输出什么：text（摘要，默认）、json（只输出 report.json）或 github（工作流注解和任务摘要）',
        '--archive': '为每个失效链接去 Wayback Machine 找存档副本（显示在报告里）',
        '--cache': '复用这个文件里记录的正常结果，不再重新请求',
        '--max-age': '缓存的正常结果最多能用多久，例如 12h（默认：1d）',
        '--region-rules':
          '另外用这个规则文件或 URL 判断地区可访问性：YAML 规则或 AutoProxy 列表（如 gfwlist）（可重复）',
        '--quiet': '只输出错误',
        '--verbose': '每出一个结果就打印出来',
      },
    },
    diff: {
      description:
        '对比两个 report.json：新增失败、已修复、仍然失败、重定向变化（有新增失败时以 1 退出）',
      arguments: { old: '较早的 report.json', new: '较新的 report.json' },
      options: {
        '--format': 'text（默认）、json 或 markdown',
        '--json': '已弃用：等同于 --format json',
        '--fail-on': FAIL_ON,
      },
    },
    fix: {
      description: '改写路线图里已永久迁移的 URL，其余内容保持不变',
      arguments: { roadmap: ROADMAP_FROM_REPORT },
      options: {
        '--from': '从这个 report.json 读取重定向，而不是现在重新检查',
        '--dry-run': '以 unified diff 打印改动，不写入文件',
        '--archive':
          '同时把失效的 URL 换成它在 Wayback Machine 的存档副本，旧地址保留为 original_url（不带 --from 时由检查去查找）',
        '--out': `${WITHOUT_FROM}检查写报告的位置（默认：reports）`,
        '--only': `${WITHOUT_FROM}只检查这个资源或章节 id`,
        '--proxy': `${WITHOUT_FROM}所有请求使用的代理`,
        '--allow-private': `${WITHOUT_FROM}允许访问本机和内网地址`,
        '--connect-to': `${WITHOUT_FROM}host:port:address:port（可重复）`,
        '--ca-file': `${WITHOUT_FROM}额外信任这些 CA 证书`,
        '--timeout': `${WITHOUT_FROM}每次请求尝试的超时`,
        '--max-time-per-link': `${WITHOUT_FROM}单个链接最多花多长时间，含重试`,
        '--retries': `${WITHOUT_FROM}遇到 429、5xx 和网络错误时额外重试的次数`,
        '--quiet': `${WITHOUT_FROM}不显示进度`,
      },
    },
    history: {
      description: '把一份报告加入 history.json 并写出跟踪 issue（需要保持打开时以 1 退出）',
      arguments: { report: '这次运行的 report.json，例如合并后的分片' },
      options: {
        '--history': '要更新的历史文件（默认：报告旁边的 history.json）',
        '--fail-after': '连续失败多少次才算数（默认：2）',
        '--keep': '每个链接保留多少次记录（默认：20）',
        '--tracking-issue':
          '写出跟踪 issue：.json 文件写 JSON（title、label、shouldBeOpen、body），其他写 Markdown 正文',
        '--run-url': 'issue 里指向运行日志的链接（默认：取自 GITHUB_* 环境变量）',
        '--report-url': 'issue 里指向已发布 report.html 的链接，例如 GitHub Pages 上的',
        '--format': 'text（默认）或 json：新出现、持续和已恢复的链接',
        '--fail-on': FAIL_ON,
        '--lang': LANG,
      },
    },
    merge: {
      description:
        '把同一路线图的多个 report.json（分片，以及 global、cn 等检测位置）合并成一份报告',
      arguments: { reports: 'report.json 文件' },
      options: {
        '--out': '合并报告的输出目录，或用 - 把 report.json 输出到 stdout（默认：reports）',
        '--reports': REPORTS,
        '--fail-on':
          'report.sarif 里算作错误、report.junit.xml 里算作失败的状态（默认：broken）；merge 本身以 0 退出',
        '--region-rules':
          '另外用这个规则文件判断地区可访问性：YAML 规则或 AutoProxy 列表（可重复）',
        '--allow-partial': '缺少分片时也合并；合并后的报告会注明不完整以及缺了哪些',
        '--quiet': '只输出错误',
        '--lang': LANG,
      },
    },
    init: {
      description: '新建一个路线图仓库：roadmap.yaml 和检查它的工作流',
      arguments: { dir: '在哪里新建（默认：当前目录）' },
      options: { '--title': '路线图的标题（默认：目录名）' },
    },
    import: {
      description: '从 Markdown 或 HTML 的链接列表生成 roadmap.yaml（标题变成章节）',
      arguments: { list: '链接列表：Markdown（.md）或 HTML（.html、.htm）' },
      options: {
        '--out': '把路线图写到这个文件（默认：stdout）；没有 --force 绝不覆盖已有文件',
        '--force': '--out 文件已存在时替换它',
        '--title': '路线图的标题（默认：列表唯一的一级标题，其次是文件名）',
        '--merge': '把列表里有、这个路线图里没有的内容原地加进去，并列出舍弃了什么',
        '--dry-run': '配合 --merge：以 unified diff 打印改动，不写入文件',
      },
    },
    mirrors: {
      description: '为需科学上网的资源找该地区能打开的镜像，并给出依据',
      arguments: { roadmap: ROADMAP_FROM_REPORT },
      options: {
        '--from': '从这个 report.json 读取需科学上网的资源，而不是现在重新检查',
        '--write': '把每个资源最匹配的镜像以 confirmed: false 加到路线图里',
        '--confirm': '把资源的未确认镜像标为已确认（不搜索）',
        '--url': '配合 --confirm：有多个未确认镜像时，指定哪一个',
        '--out': 'mirrors.json 和检查结果的输出位置（默认：reports）',
        '--cache':
          '把 B 站的会话（cookie 和签名密钥）存进这个缓存文件，下次运行直接复用，和 check --cache 存检查结果一样',
        '--region-rules': '地区规则（可重复），同 check',
        '--proxy': '所有请求使用的代理',
        '--allow-private': '允许访问本机和内网地址',
        '--connect-to': 'host:port:address:port（可重复）',
        '--ca-file': '额外信任这些 CA 证书',
        '--timeout': '每次请求尝试的超时',
        '--retries': '遇到 429、5xx 和网络错误时额外重试的次数',
        '--quiet': '不显示进度',
        '--lang': LANG,
      },
    },
    completion: {
      description: '输出 shell 补全脚本：bash 或 zsh',
      arguments: { shell: 'bash 或 zsh' },
    },
  },
};
