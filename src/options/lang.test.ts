import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { chosenLang, resolveLang, roadmapLangOf } from './lang.js';

describe('resolveLang', () => {
  const zhLocale = { LANG: 'zh_CN.UTF-8' };

  it('takes --lang over the roadmap and the locale', () => {
    expect(resolveLang({ flag: 'en', roadmap: 'zh-CN', env: zhLocale })).toBe('en');
    expect(resolveLang({ flag: 'zh-CN', roadmap: 'en', env: { LANG: 'en_US.UTF-8' } })).toBe(
      'zh-CN',
    );
  });

  it("takes the roadmap's lang: over the locale", () => {
    expect(resolveLang({ roadmap: 'en', env: zhLocale })).toBe('en');
    expect(resolveLang({ roadmap: 'zh-CN', env: { LC_ALL: 'en_GB.UTF-8' } })).toBe('zh-CN');
  });

  it('reads LC_ALL, then LC_MESSAGES, then LANG, skipping C and unset ones', () => {
    expect(resolveLang({ env: zhLocale })).toBe('zh-CN');
    expect(resolveLang({ env: { LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' } })).toBe('en');
    expect(resolveLang({ env: { LC_MESSAGES: 'zh_TW.UTF-8', LANG: 'en_US' } })).toBe('zh-CN');
    expect(resolveLang({ env: { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' } })).toBe('zh-CN');
  });

  it('falls back to English, and says nothing chose it (report.html then follows the browser)', () => {
    expect(resolveLang({ env: {} })).toBe('en');
    expect(chosenLang({ env: {} })).toBeUndefined();
    expect(chosenLang({ env: { LANG: 'en_US.UTF-8' } })).toBe('en');
    expect(resolveLang({ env: { LANG: 'C.UTF-8' } })).toBe('en');
  });

  it('refuses a --lang curate has no catalog for, naming the ones it has', () => {
    expect(() => resolveLang({ flag: 'fr', env: {} })).toThrow(UsageError);
    expect(() => resolveLang({ flag: 'zh', env: {} })).toThrow(/not one of en, zh-CN/);
  });
});

describe('roadmapLangOf', () => {
  it("reads a roadmap's top-level lang:, and nothing from text that does not say one", () => {
    expect(roadmapLangOf('version: 1\ntitle: x\nlang: zh-CN\n')).toBe('zh-CN');
    expect(roadmapLangOf('version: 1\ntitle: x\n')).toBeUndefined();
    expect(roadmapLangOf('lang: fr\n')).toBeUndefined();
    expect(roadmapLangOf('{ not: [yaml')).toBeUndefined();
    expect(roadmapLangOf(undefined)).toBeUndefined();
  });
});
