import { describe, expect, it } from 'vitest';
import { RoadmapSchema } from '../roadmap/schema.js';
import { buildImportedList, type ImportedSection } from './build.js';
import { readHtmlEntries } from './html-entries.js';
import { inferKind, mirrorPlatformOf } from './hosts.js';
import { readMarkdownEntries } from './markdown-entries.js';
import { renderImportedList, roadmapOf } from './render.js';
import { slugify } from './slug.js';

const fromMarkdown = (markdown: string) =>
  buildImportedList(readMarkdownEntries(markdown), { fallbackTitle: 'list' });

const MARKDOWN = `# Awesome LLMs

## Basics

- [3Blue1Brown - Linear Algebra](https://www.youtube.com/watch?v=fNk_zzaMoSs) by 3Blue1Brown: Videos with intuition. [中文字幕](https://www.bilibili.com/video/BV1ys411472E/)
- [Attention Is All You Need](https://arxiv.org/abs/1706.03762): the Transformer paper.
- **Tokenization**: read [BPE](https://arxiv.org/abs/1508.07909) and the [tokenizers](https://github.com/huggingface/tokenizers) library.
- A point without links

### Notebooks

| Name | Description | Notebook |
| --- | --- | --- |
| 🧐 [AutoEval](https://github.com/mlabonne/llm-autoeval) | Evaluate models | <a href="https://colab.research.google.com/drive/abc"><img src="colab.svg" alt="Open In Colab"></a> |
| Article | Same name | [Article](https://example.test/article) |
| Article | Same name | [Article](https://example.test/article-2) |

<details>
<summary>More</summary>

## Models

<table>
  <tr><th>Model</th><th>Link</th></tr>
  <tr><td>Llama</td><td><a href="https://huggingface.co/meta-llama/Llama-3.1-8B">weights</a> <a href="https://hf-mirror.com/meta-llama/Llama-3.1-8B">镜像</a></td></tr>
</table>

</details>

See [the docs](https://docs.example.test/guide) and [the top](#basics).
`;

function allSections(sections: readonly ImportedSection[]): ImportedSection[] {
  return sections.flatMap((section) => [section, ...allSections(section.sections)]);
}

describe('buildImportedList on Markdown with raw HTML', () => {
  const list = fromMarkdown(MARKDOWN);
  const sections = allSections(list.sections);

  it('takes the one top heading as the title and nests the others as sections', () => {
    expect(list.title).toBe('Awesome LLMs');
    expect(sections.map(({ id, title }) => `${id} ${title}`)).toEqual([
      '1 Basics',
      '1.1 Notebooks',
      '2 Models',
    ]);
  });

  it('makes a resource of a point that starts with a link: author, description, mirror', () => {
    expect(sections[0]?.resources[0]).toEqual({
      line: 5,
      resource: {
        id: '3blue1brown-linear-algebra',
        title: '3Blue1Brown - Linear Algebra',
        url: 'https://www.youtube.com/watch?v=fNk_zzaMoSs',
        kind: 'video',
        author: '3Blue1Brown',
        description: 'Videos with intuition.',
        mirrors: [
          {
            url: 'https://www.bilibili.com/video/BV1ys411472E/',
            platform: 'bilibili',
            note: '中文字幕',
          },
        ],
      },
    });
    expect(sections[0]?.resources[1]?.resource).toMatchObject({
      id: 'attention-is-all-you-need',
      kind: 'paper',
      description: 'the Transformer paper.',
    });
  });

  it('makes a topic of a point whose links are inside its text, and of a point without links', () => {
    expect(sections[0]?.topics).toMatchObject([
      {
        kind: 'resources',
        title: 'Tokenization',
        summary: 'read BPE and the tokenizers library.',
        resources: [
          { resource: { id: 'bpe', kind: 'paper' } },
          { resource: { id: 'tokenizers', kind: 'repo' } },
        ],
      },
      { kind: 'text', title: 'A point without links' },
    ]);
  });

  it('names a table row by its first cell and its other links by their column', () => {
    expect(
      sections[1]?.resources.map(({ resource }) => [resource.id, resource.title, resource.kind]),
    ).toEqual([
      ['autoeval', 'AutoEval', 'repo'],
      ['autoeval-notebook', 'AutoEval (Notebook)', 'notebook'],
      ['article', 'Article', 'article'],
      ['article-2', 'Article', 'article'],
    ]);
    expect(sections[1]?.resources[0]?.resource.description).toBe('Evaluate models');
  });

  it('reads an HTML table inside <details>, with the hf-mirror link as a mirror', () => {
    expect(sections[2]?.resources[0]).toEqual({
      line: 25,
      resource: {
        id: 'llama',
        title: 'Llama',
        url: 'https://huggingface.co/meta-llama/Llama-3.1-8B',
        kind: 'tool',
        mirrors: [
          {
            url: 'https://hf-mirror.com/meta-llama/Llama-3.1-8B',
            platform: 'hf-mirror',
            note: '镜像',
          },
        ],
      },
    });
  });

  it('keeps a link in running text, and leaves out the #anchor with its line', () => {
    expect(sections[2]?.resources[1]).toEqual({
      line: 30,
      resource: {
        id: 'the-docs',
        title: 'the docs',
        url: 'https://docs.example.test/guide',
        kind: 'docs',
      },
    });
    expect(list.skippedLinks).toEqual([{ line: 30, url: '#basics' }]);
  });

  it('gives the same ids on a second import, and a roadmap the schema accepts', () => {
    expect(fromMarkdown(MARKDOWN)).toEqual(list);
    expect(RoadmapSchema.safeParse(roadmapOf(list, { file: 'list.md' })).success).toBe(true);
  });

  it('writes the modeline first and each resource under its source line', () => {
    const yaml = renderImportedList(list, { file: 'list.md', lines: MARKDOWN.split('\n') });
    expect(yaml.split('\n')[0]).toMatch(
      /^# yaml-language-server: \$schema=\S+roadmap\.schema\.json$/,
    );
    expect(yaml).toContain(
      '      # list.md:6: - [Attention Is All You Need](https://arxiv.org/abs/1706.03762): the Transformer paper.\n      - id: attention-is-all-you-need',
    );
  });
});

describe('readHtmlEntries on an HTML page', () => {
  const html = `<!doctype html>
<html><body>
<h2>Videos</h2>
<ul>
  <li><a href="https://youtu.be/abc">Intro</a> — the basics
    <ul><li><a href="https://b23.tv/xyz">B站搬运</a></li></ul>
  </li>
</ul>
<h3>Papers</h3>
<p>Read <a href="https://arxiv.org/abs/1">one</a>.</p>
</body></html>`;
  const list = buildImportedList(readHtmlEntries(html), { fallbackTitle: 'page' });

  it('nests headings, reads list items with their lines, and a nested point of its own', () => {
    expect(list.title).toBe('page');
    expect(list.sections.map((section) => section.title)).toEqual(['Videos']);
    expect(
      list.sections[0]?.resources.map(({ line, resource }) => [
        line,
        resource.id,
        resource.kind,
        resource.description,
      ]),
    ).toEqual([
      [5, 'intro', 'video', 'the basics'],
      [6, 'b23-tv-xyz', 'video', undefined],
    ]);
    expect(list.sections[0]?.sections[0]?.resources[0]?.resource).toMatchObject({
      id: 'one',
      kind: 'paper',
    });
  });
});

describe('hosts', () => {
  it.each([
    ['https://www.youtube.com/watch?v=1', 'video'],
    ['https://youtu.be/1', 'video'],
    ['https://arxiv.org/abs/2304.12244', 'paper'],
    ['https://github.com/vllm-project/vllm', 'repo'],
    ['https://github.com/a/b/blob/main/x.ipynb', 'notebook'],
    ['https://colab.research.google.com/drive/1', 'notebook'],
    ['https://huggingface.co/datasets/HuggingFaceFW/fineweb', 'dataset'],
    ['https://huggingface.co/spaces/open-llm-leaderboard/open_llm_leaderboard', 'leaderboard'],
    ['https://huggingface.co/docs/transformers', 'docs'],
    ['https://huggingface.co/learn/nlp-course', 'course'],
    ['https://www.coursera.org/learn/x', 'course'],
    ['https://example.test/paper.pdf', 'paper'],
    ['https://lilianweng.github.io/posts/x/', 'article'],
  ])('%s is a %s', (url, kind) => {
    expect(inferKind(url)).toBe(kind);
  });

  it.each([
    ['https://www.bilibili.com/video/BV1', 'bilibili'],
    ['https://b23.tv/x', 'bilibili'],
    ['https://hf-mirror.com/x', 'hf-mirror'],
    ['https://www.youtube.com/watch?v=1', undefined],
  ])('%s is a mirror on %s', (url, platform) => {
    expect(mirrorPlatformOf(url)).toBe(platform);
  });

  it('slugs titles to ASCII, and to nothing when no ASCII is left', () => {
    expect(slugify("LLM Engineer's Handbook – Café")).toBe('llm-engineers-handbook-cafe');
    expect(slugify('大语言模型')).toBe('');
  });
});
