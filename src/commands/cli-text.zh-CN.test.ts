import { describe, expect, it } from 'vitest';
import { loadReportFixture } from '../../test/fixtures/ci/fixtures.js';
import { argvLang } from '../options/lang.js';
import { privateSkipLine, summaryLine } from './check.js';

const fixture = loadReportFixture();

describe('the command line in zh-CN', () => {
  it("says check's summary line with the glossary's status words", () => {
    const line = summaryLine(fixture, 'zh-CN');
    expect(line).toMatch(/^\d+ 个资源(（[^）]+）)?：(正常|已迁移|失效|无法访问|未验证|未检查) \d+/);
    expect(line).toContain(`失效 ${fixture.summary.broken}`);
    expect(line.endsWith('。')).toBe(true);
  });

  it('says why private links were skipped', () => {
    const copy = structuredClone(fixture);
    copy.results[0]!.outcome = { status: 'skipped', reason: 'private-address' };
    expect(privateSkipLine(copy, 'zh-CN')).toBe(
      '1 个链接指向内网或本机地址，已跳过；加上 --allow-private 才会检查它们。',
    );
  });

  it('takes the language of help and error labels from --lang on the argv, else the locale', () => {
    expect(argvLang(['check', '--lang', 'zh-CN'], {})).toBe('zh-CN');
    expect(argvLang(['--lang=zh-CN', 'check'], { LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(argvLang(['check'], { LC_ALL: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(argvLang(['check', '--lang', 'fr'], { LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(argvLang(['check'], {})).toBe('en');
  });
});
