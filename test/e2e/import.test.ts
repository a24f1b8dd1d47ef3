/**
 * `curate import` and `curate import --merge` on the real README of mlabonne/llm-course, two
 * versions (test/fixtures/import/NOTICE.md): every section and link of the source, counted here
 * independently of the importer, ends up in a roadmap that `curate validate` accepts.
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RoadmapSchema, type Roadmap, type Section } from '../../src/roadmap/schema.js';
import { assertCliBuilt, REPO_ROOT, runCurate } from '../helpers/cli.js';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'import');
const OLD = 'llm-course-87306ca.md';
const NEW = 'llm-course-7abd96e.md';

let dir: string;
beforeAll(async () => {
  assertCliBuilt();
  dir = await mkdtemp(join(tmpdir(), 'curate-import-'));
  for (const name of [OLD, NEW]) await copyFile(join(FIXTURES, name), join(dir, name));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const curate = (...args: string[]) => runCurate(args, { cwd: dir });

/** Every http(s) link of a README, by regular expressions rather than a Markdown parser. */
function linksInSource(text: string): string[] {
  const url = String.raw`(https?://[^\s)"]+)`;
  const all = [...text.matchAll(new RegExp(String.raw`\]\(${url}\)`, 'g'))].map((m) => m[1]);
  const images = new Set(
    [...text.matchAll(new RegExp(String.raw`!\[[^\]]*\]\(${url}\)`, 'g'))].map((m) => m[1]),
  );
  const hrefs = [...text.matchAll(/href="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
  return [...all.filter((link) => !images.has(link)), ...hrefs]
    .map((link) => (link ?? '').replaceAll('&amp;', '&'))
    .sort();
}

/** Every Markdown heading's text, less its emoji, as the importer titles sections. */
function headingsInSource(text: string): string[] {
  return [...text.matchAll(/^#{1,6} +(.+)$/gm)].map((m) =>
    (m[1] ?? '').replace(/^(?:\p{Extended_Pictographic}|\uFE0F|\u200D|\s)+/u, '').trim(),
  );
}

function sectionsOf(sections: readonly Section[]): Section[] {
  return sections.flatMap((section) => [section, ...sectionsOf(section.sections ?? [])]);
}

function urlsOf(roadmap: Roadmap): string[] {
  return sectionsOf(roadmap.sections)
    .flatMap((section) => [
      ...(section.resources ?? []),
      ...(section.topics ?? []).flatMap((topic) =>
        typeof topic === 'string' ? [] : (topic.resources ?? []),
      ),
    ])
    .flatMap((resource) => [resource.url ?? '', ...(resource.mirrors ?? []).map((m) => m.url)])
    .sort();
}

async function readRoadmap(file: string): Promise<{ text: string; roadmap: Roadmap }> {
  const text = await readFile(join(dir, file), 'utf8');
  return { text, roadmap: RoadmapSchema.parse(parse(text)) };
}

describe.each([
  { list: NEW, title: 'README', topHeadings: 0 },
  // The old version names the course in an <h1> inside a centred <div>: the roadmap's title.
  { list: OLD, title: 'Large Language Model Course', topHeadings: 1 },
])('curate import $list', ({ list, title }) => {
  const out = `${list}.roadmap.yaml`;

  it('writes a roadmap that curate validate accepts, with every section and link', async () => {
    const imported = await curate('import', list, '--title', title, '-o', out);
    expect(imported.stderr).toMatch(/imported \d+ sections, \d+ resources/);
    expect(imported.code).toBe(0);
    const validated = await curate('validate', out);
    expect(validated.stdout + validated.stderr).toMatch(/valid — 0 errors/);
    expect(validated.code).toBe(0);

    const source = await readFile(join(dir, list), 'utf8');
    const { text, roadmap } = await readRoadmap(out);
    expect(roadmap.title).toBe(title);
    expect(urlsOf(roadmap)).toEqual(linksInSource(source));
    const titles = sectionsOf(roadmap.sections).map((section) => section.title);
    expect(titles).toEqual(['Introduction', ...headingsInSource(source)]);
    // One source comment per resource, quoting its line of the README.
    const resources = urlsOf(roadmap).length;
    expect(text.match(new RegExp(`# ${list.replace('.', '\\.')}:\\d+: `, 'g'))).toHaveLength(
      resources,
    );
  });

  it('gives the same file, ids included, on a second import', async () => {
    const again = await curate('import', list, '--title', title);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(await readFile(join(dir, out), 'utf8'));
  });
});

describe('curate import: files and input errors', () => {
  it('never writes over an existing file without --force (exit 2, no stack trace)', async () => {
    await writeFile(join(dir, 'taken.yaml'), 'keep me\n');
    const refused = await curate('import', NEW, '-o', 'taken.yaml');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/taken\.yaml already exists.*\n.*--force/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(await readFile(join(dir, 'taken.yaml'), 'utf8')).toBe('keep me\n');

    const forced = await curate('import', NEW, '-o', 'taken.yaml', '--force');
    expect(forced.code).toBe(0);
    expect(await readFile(join(dir, 'taken.yaml'), 'utf8')).toMatch(/^# yaml-language-server/);
  });

  it('reads a .html file as HTML: headings, list items and table rows', async () => {
    await writeFile(
      join(dir, 'list.html'),
      '<h1>Links</h1>\n<h2>Videos</h2>\n<ul><li><a href="https://youtu.be/x">Intro</a>: start here <a href="https://b23.tv/y">B站</a></li></ul>\n<table><tr><th>Paper</th></tr><tr><td><a href="https://arxiv.org/abs/1">One</a></td></tr></table>\n',
    );
    const imported = await curate('import', 'list.html');
    expect(imported.code).toBe(0);
    const roadmap = RoadmapSchema.parse(parse(imported.stdout));
    expect(roadmap.title).toBe('Links');
    expect(roadmap.sections[0]?.resources).toEqual([
      {
        id: 'intro',
        title: 'Intro',
        url: 'https://youtu.be/x',
        kind: 'video',
        description: 'start here',
        mirrors: [{ url: 'https://b23.tv/y', platform: 'bilibili', note: 'B站' }],
      },
      { id: 'one', title: 'One', url: 'https://arxiv.org/abs/1', kind: 'paper' },
    ]);
    expect(imported.stdout).toContain('# list.html:3: <ul><li>');
  });

  it('names a list it cannot read (exit 2)', async () => {
    const missing = await curate('import', 'no-such-list.md');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no-such-list\.md.*no such file/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });

  it('stops at a roadmap to merge into that does not load, with its file and line (exit 2)', async () => {
    await writeFile(
      join(dir, 'broken.yaml'),
      'version: 1\ntitle: x\nsections:\n  - id: "1"\n    titel: y\n',
    );
    const broken = await curate('import', '--merge', 'broken.yaml', NEW);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.yaml:5:\d+/);
  });
});

describe('curate import --merge: the old version, hand-edited, then the new one', () => {
  const roadmapFile = 'merged.yaml';
  let handEdited: string;
  let merge: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    const first = await curate('import', OLD, '-o', roadmapFile);
    if (first.code !== 0) throw new Error(`the first import failed: ${first.stderr}`);
    const imported = await readFile(join(dir, roadmapFile), 'utf8');
    // A maintainer's own work: a translated title, a note, a confirmed mirror and a comment.
    handEdited = imported
      .replace('title: Follow me on X\n', 'title: 作者的 X 账号\n        note: 手写的备注\n')
      .replace(
        'kind: video\n',
        'kind: video\n            access: { cn: vpn }\n            mirrors:\n              - { url: "https://www.bilibili.com/video/BV1ys411472E/", platform: bilibili, note: 中文字幕 }\n',
      )
      .replace('sections:\n', 'regions: [cn]\n# 我们的路线图\nsections:\n');
    await writeFile(join(dir, roadmapFile), handEdited);
    merge = await curate('import', '--merge', roadmapFile, NEW);
  });

  it('adds every link the new version has and the roadmap lacks, and validates', async () => {
    expect(merge.code).toBe(0);
    const oldLinks = new Set(linksInSource(await readFile(join(dir, OLD), 'utf8')));
    const newLinks = linksInSource(await readFile(join(dir, NEW), 'utf8'));
    const { roadmap } = await readRoadmap(roadmapFile);
    const merged = new Set(urlsOf(roadmap));
    expect(newLinks.filter((link) => !merged.has(link))).toEqual([]);
    const added = newLinks.filter((link) => !oldLinks.has(link));
    expect(merge.stderr).toContain(`added ${added.length} resources from ${NEW}`);
    const validated = await curate('validate', roadmapFile);
    expect(validated.code).toBe(0);
  });

  it('names what the new version dropped, and keeps it', async () => {
    const oldLinks = linksInSource(await readFile(join(dir, OLD), 'utf8'));
    const newLinks = new Set(linksInSource(await readFile(join(dir, NEW), 'utf8')));
    const dropped = [...new Set(oldLinks.filter((link) => !newLinks.has(link)))];
    expect(dropped.length).toBeGreaterThan(0);
    const { roadmap } = await readRoadmap(roadmapFile);
    for (const link of dropped) {
      expect(merge.stderr).toMatch(
        new RegExp(`- ${roadmapFile}:\\d+ .* ${link.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `),
      );
      expect(urlsOf(roadmap)).toContain(link);
    }
  });

  it('only inserts: every line of the hand-edited file is still there, in order', async () => {
    const mergedLines = (await readFile(join(dir, roadmapFile), 'utf8')).split('\n');
    let at = 0;
    for (const line of handEdited.split('\n')) {
      const found = mergedLines.indexOf(line, at);
      expect.soft(found, line).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });

  it('with --dry-run prints the insertions as a unified diff and writes nothing', async () => {
    await writeFile(join(dir, 'dry.yaml'), handEdited);
    const dry = await curate('import', '--merge', 'dry.yaml', NEW, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^--- a\/dry\.yaml\n\+\+\+ b\/dry\.yaml\n@@ /);
    expect(dry.stdout).toContain(`+      # ${NEW}:7: `);
    expect(dry.stdout.split('\n').filter((line) => /^-(?!--)/.test(line))).toEqual([]);
    expect(await readFile(join(dir, 'dry.yaml'), 'utf8')).toBe(handEdited);
  });

  it('adds nothing on a second merge of the same version', async () => {
    const before = await readFile(join(dir, roadmapFile), 'utf8');
    const again = await curate('import', '--merge', roadmapFile, NEW);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/added 0 resources/);
    expect(await readFile(join(dir, roadmapFile), 'utf8')).toBe(before);
  });
});
