import { describe, expect, it } from 'vitest';
import { parseRoadmap } from '../roadmap/load.js';
import { lintBeforeCheck, MAX_WARNINGS_BEFORE_CHECK } from './validate.js';

/** A roadmap whose every resource is an http:// link (a warning each), plus one duplicate id. */
function roadmap(links: number, withError: boolean) {
  const resources = Array.from(
    { length: links },
    (_, index) =>
      `      - { id: r${String(index)}, title: t, url: 'http://example.com/${String(index)}', kind: article }`,
  );
  if (withError) {
    resources.push(
      `      - { id: r0, title: again, url: 'https://example.com/again', kind: article }`,
    );
  }
  return parseRoadmap(
    ['version: 1', 'title: t', 'sections:', "  - id: '1'", '    title: s', '    resources:']
      .concat(resources)
      .join('\n'),
    'big.yaml',
  );
}

async function printed(links: number, options: { withError?: boolean; lang?: 'en' | 'zh-CN' }) {
  let text = '';
  const hasErrors = await lintBeforeCheck(
    roadmap(links, options.withError ?? false),
    { write: (chunk: string) => (text += chunk) },
    false,
    options.lang ?? 'en',
  );
  return { hasErrors, lines: text.split('\n').filter((line) => line !== '') };
}

describe('lintBeforeCheck', () => {
  it('prints every warning of a small roadmap', async () => {
    const { lines } = await printed(3, {});
    expect(lines.filter((line) => line.startsWith('warning:'))).toHaveLength(3);
    expect(lines.join('\n')).not.toContain('more warning');
  });

  it('prints the first warnings of a big one, then how many it left out and where to see them', async () => {
    const { lines } = await printed(MAX_WARNINGS_BEFORE_CHECK + 5, {});
    const warnings = lines.filter((line) => line.startsWith('warning:'));
    expect(warnings).toHaveLength(MAX_WARNINGS_BEFORE_CHECK);
    expect(lines.at(-1)).toBe('… and 5 more warnings: `curate validate big.yaml` lists them all');
  });

  it('never leaves out an error, however many warnings come first', async () => {
    const { hasErrors, lines } = await printed(MAX_WARNINGS_BEFORE_CHECK + 5, { withError: true });
    expect(hasErrors).toBe(true);
    expect(lines.filter((line) => line.includes('duplicate resource id "r0"'))).toHaveLength(1);
  });

  it('says it in Chinese', async () => {
    const { lines } = await printed(MAX_WARNINGS_BEFORE_CHECK + 1, { lang: 'zh-CN' });
    expect(lines.at(-1)).toBe('……还有 1 个警告没列出，运行 `curate validate big.yaml` 可查看全部');
  });
});
