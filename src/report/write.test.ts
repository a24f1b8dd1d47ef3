[
  {
    "name": "the shipped rules for cn > lives in rules/cn.yaml at the package root",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > validates, is dated and is cited by its file name",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://www.youtube.com/watch?v=kCc8FmEb1nY → blocked (vpn)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://youtu.be/kCc8FmEb1nY → blocked (vpn)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://i.ytimg.com/vi/x/hqdefault.jpg → blocked (vpn)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://rr1---sn-a.googlevideo.com/videoplayback → blocked (vpn)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://www.google.com/search?q=llm → blocked (vpn)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://colab.research.google.com/drive/1 → blocked (vpn)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://colab.google/ → blocked (vpn)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://lh3.googleusercontent.com/a.png → blocked (vpn)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://medium.com/@karpathy/yes-you-should-understand-backprop → blocked (vpn)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://someone.medium.com/post → blocked (vpn)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://huggingface.co/meta-llama → blocked (vpn)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://hf.co/meta-llama → blocked (vpn)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://twitter.com/karpathy → blocked (vpn)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://x.com/karpathy → blocked (vpn)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://www.facebook.com/ → blocked (vpn)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://openai.com/research → refuses-region (vpn)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://platform.openai.com/docs → refuses-region (vpn)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://chatgpt.com/ → refuses-region (vpn)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://www.anthropic.com/news → refuses-region (vpn)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://claude.ai/ → refuses-region (vpn)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://en.wikipedia.org/wiki/Transformer → blocked (vpn)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://discord.com/invite/x → blocked (vpn)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://www.reddit.com/r/LocalLLaMA/ → blocked (vpn)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://someone.substack.com/p/post → blocked (vpn)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://github.com/karpathy/nanoGPT → throttled (partial)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://raw.githubusercontent.com/a/b/main/c → throttled (partial)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://jalammar.github.io/illustrated-transformer/ → throttled (partial)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://www.bilibili.com/video/BV1xx411c7mD → undefined (open)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://arxiv.org/abs/1706.03762 → undefined (open)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > https://hf-mirror.com/meta-llama → undefined (open)",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "the shipped rules for cn > gives every rule a note that says more than its name",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "loadDefaultRegionRules > loads the file shipped for a region, cited as <region>.yaml",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "loadDefaultRegionRules > gives undefined for a region curate ships no rules for",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "loadDefaultRegionRules > treats \"../etc\" as a bug, not a path",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "loadDefaultRegionRules > treats \"CN\" as a bug, not a path",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "loadDefaultRegionRules > treats \"cn/../x\" as a bug, not a path",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "loadDefaultRegionRules > treats \"\" as a bug, not a path",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "loadRegionRulesFile errors > positions every schema problem at once, file:line:col with its field path",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "loadRegionRulesFile errors > reports duplicate ids and domains",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "loadRegionRulesFile errors > rejects a missing date",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "loadRegionRulesFile errors > rejects a date that is not one",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "loadRegionRulesFile errors > rejects a region code that is not two letters",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "loadRegionRulesFile errors > positions YAML syntax errors",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "loadRegionRulesFile errors > reports a missing file as an input problem",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "loadAutoProxyFile > loads gfwlist-excerpt.txt (plain), cited by its file name",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "loadAutoProxyFile > loads gfwlist-excerpt.base64.txt (base64), cited by its file name",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "loadAutoProxyFile > blames the path when the file is not a list",
    "file": "/work/wt-dups/src/region/load-rules.test.ts"
  },
  {
    "name": "parseRoadmap > returns the validated roadmap and the text",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > locates [] at 1:1",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > locates [ 'title' ] at 2:8",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > locates [ 'regions', +0 ] at 3:11",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > locates [ 'sections', +0 ] at 5:5",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > locates [ 'sections', +0, 'topics', +0 ] at 8:9",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > locates [ 'sections', +0, 'topics', 1, …(3) ] at 14:18",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > locates [ 'sections', +0, 'resources', …(2) ] at 19:16",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > locates [ 'sections', +0, 'resources', …(4) ] at 21:18",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > locates [ 'sections', +0, 'resources', …(2) ] at 16:9",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > locates [ Array(5) ] at 16:7",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > locates [ 'sections', 3 ] at 5:3",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > reports 'a misspelt key, with the nearest vali…'",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > reports 'a misspelt key in a topic object'",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > reports 'a misspelt settings key under a host …'",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > reports 'an invalid enum value, with the neare…'",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > reports 'a wrong version'",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > reports 'a number where text is expected'",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > reports 'a missing required key, at its parent'",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > reports 'an empty value'",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > reports 'a topic that is neither text nor a ma…'",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > reports 'an invalid region key, at the key'",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > reports 'a custom schema message, with the val…'",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > reports 'a number below its minimum'",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > reports 'an empty sections list'",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > reports 'a duplicate key, naming the first'",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > reports 'a syntax error'",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > reports 'tab indentation'",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > reports 'two documents'",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > reports 'an empty file'",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > reports 'a top-level list'",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > reports 'an alias that contains itself'",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > reports 'an unknown alias'",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > reports 'absurd nesting (yaml would overflow t…'",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > does not also report a missing key that a typo suggestion explains",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > reports every problem at once, in file order, with a one-line summary",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "parseRoadmap > says \"1 problem\" in the summary",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "loadRoadmap on fixture files > 'syntax-error.yaml' fails at 9:9",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "loadRoadmap on fixture files > 'wrong-type.yaml' fails at 4:9",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "loadRoadmap on fixture files > 'unknown-key.yaml' fails at 8:9",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "loadRoadmap on fixture files > 'bad-enum.yaml' fails at 13:19",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "loadRoadmap on fixture files > 'duplicate-keys.yaml' fails at 10:9",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "loadRoadmap on fixture files > 'top-level-list.yaml' fails at 1:1",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "loadRoadmap on fixture files > 'alias-bomb.yaml' fails at 3:8",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "loadRoadmap on fixture files > reports every problem of a fixture, not only the first",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "loadRoadmap on fixture files > refuses an alias bomb at the alias limit instead of expanding it",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "loadRoadmap on the file system > loads a valid file",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "loadRoadmap on the file system > ignores a UTF-8 byte order mark",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "loadRoadmap on the file system > refuses 'a missing file' with one clear problem",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "loadRoadmap on the file system > refuses 'a directory' with one clear problem",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "loadRoadmap on the file system > refuses 'a path through a file' with one clear problem",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "loadRoadmap on the file system > refuses a file over maxBytes",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "loadRoadmap on the file system > refuses a file over the default 5 MiB without reading it",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "loadRoadmap on the file system > refuses text that is not UTF-8",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  },
  {
    "name": "loadRoadmap on the file system > refuses a FIFO instead of blocking on it",
    "file": "/work/wt-dups/src/roadmap/load.test.ts"
  }
]