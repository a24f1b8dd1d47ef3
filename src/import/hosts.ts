/**
 * What a link's host says about it, for `curate import`: which hosts hold copies of resources
 * kept elsewhere (mirrors), and which `kind` a resource on a host most likely is. Both tables are
 * guesses a maintainer corrects in the written file; the first matching rule wins.
 */
import type { Resource } from '../roadmap/schema.js';

/** Hosts whose links, next to another link in the same entry, are that resource's copies. */
const MIRROR_HOSTS: readonly { hosts: readonly string[]; platform: string }[] = [
  // Chinese re-uploads of YouTube courses, with subtitles or dubbing.
  { hosts: ['bilibili.com', 'b23.tv'], platform: 'bilibili' },
  // The Hugging Face Hub, path for path, reachable from mainland China.
  { hosts: ['hf-mirror.com'], platform: 'hf-mirror' },
  { hosts: ['modelscope.cn'], platform: 'modelscope' },
  // GitHub repositories mirrored to a Chinese forge.
  { hosts: ['gitee.com'], platform: 'gitee' },
];

type KindRule = { hosts: readonly string[]; path?: RegExp; kind: Resource['kind'] };

const KIND_RULES: readonly KindRule[] = [
  {
    hosts: ['colab.research.google.com', 'kaggle.com'],
    path: /^\/(drive|github|code)\b/,
    kind: 'notebook',
  },
  { hosts: ['github.com', 'gitlab.com', 'gitee.com'], path: /\.ipynb$/, kind: 'notebook' },
  { hosts: ['huggingface.co', 'hf-mirror.com'], path: /^\/datasets\//, kind: 'dataset' },
  { hosts: ['kaggle.com'], path: /^\/datasets\//, kind: 'dataset' },
  { hosts: ['huggingface.co', 'hf-mirror.com'], path: /leaderboard/i, kind: 'leaderboard' },
  { hosts: ['lmarena.ai', 'chat.lmsys.org'], kind: 'leaderboard' },
  { hosts: ['huggingface.co', 'hf-mirror.com'], path: /^\/(docs|transformers)\b/, kind: 'docs' },
  { hosts: ['huggingface.co', 'hf-mirror.com'], path: /^\/(learn|course)\b/, kind: 'course' },
  { hosts: ['huggingface.co', 'hf-mirror.com'], path: /^\/(blog|papers)\b/, kind: 'article' },
  { hosts: ['huggingface.co', 'hf-mirror.com', 'modelscope.cn'], kind: 'tool' },
  { hosts: ['youtube.com', 'youtu.be', 'bilibili.com', 'b23.tv', 'vimeo.com'], kind: 'video' },
  {
    hosts: [
      'arxiv.org',
      'openreview.net',
      'aclanthology.org',
      'papers.nips.cc',
      'proceedings.mlr.press',
    ],
    kind: 'paper',
  },
  { hosts: ['github.com', 'gitlab.com', 'gitee.com'], kind: 'repo' },
  {
    hosts: [
      'coursera.org',
      'udacity.com',
      'edx.org',
      'deeplearning.ai',
      'khanacademy.org',
      'course.fast.ai',
    ],
    kind: 'course',
  },
  {
    hosts: ['readthedocs.io', 'docs.python.org', 'pytorch.org', 'learn.microsoft.com'],
    kind: 'docs',
  },
  { hosts: ['colab.research.google.com'], kind: 'notebook' },
  { hosts: ['pypi.org', 'npmjs.com'], kind: 'tool' },
];

/** Whether `host` is `domain` or one of its subdomains. */
function isOnDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

function parsedUrl(url: string): URL | undefined {
  return URL.canParse(url) ? new URL(url) : undefined;
}

/** The mirror platform of a link (`bilibili`, `hf-mirror`…), or undefined for any other host. */
export function mirrorPlatformOf(url: string): string | undefined {
  const host = parsedUrl(url)?.hostname.toLowerCase();
  if (host === undefined) return undefined;
  return MIRROR_HOSTS.find((entry) => entry.hosts.some((domain) => isOnDomain(host, domain)))
    ?.platform;
}

/** The most likely kind of a resource at `url`; `article` when the host says nothing. */
export function inferKind(url: string): Resource['kind'] {
  const parsed = parsedUrl(url);
  if (parsed === undefined) return 'article';
  const host = parsed.hostname.toLowerCase();
  const rule = KIND_RULES.find(
    (candidate) =>
      candidate.hosts.some((domain) => isOnDomain(host, domain)) &&
      (candidate.path === undefined || candidate.path.test(parsed.pathname)),
  );
  if (rule !== undefined) return rule.kind;
  if (/\.pdf$/i.test(parsed.pathname)) return 'paper';
  if (/^docs?\./.test(host)) return 'docs';
  return 'article';
}

/** Whether a link is one a roadmap checks: absolute http(s), not a relative path or `#anchor`. */
export function isCheckableUrl(url: string): boolean {
  const parsed = parsedUrl(url);
  return parsed !== undefined && (parsed.protocol === 'http:' || parsed.protocol === 'https:');
}
