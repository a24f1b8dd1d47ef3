import { describe, expect, it } from 'vitest';
import { REASONS_BY_STATUS, STATUSES } from '../outcome/model.js';
import { en } from './en.js';
import { CATALOGS, formatList, formatNumber, interpolate, langOf, plural } from './index.js';
import { zhCN } from './zh-CN.js';

describe('the catalogs', () => {
  it('give every status and reason a label in every language', () => {
    for (const catalog of Object.values(CATALOGS)) {
      for (const status of STATUSES) expect(catalog.status[status]).not.toBe('');
      for (const reason of STATUSES.flatMap((status) => REASONS_BY_STATUS[status]))
        expect(catalog.reason[reason]).not.toBe('');
    }
  });

  it('have the same keys in zh-CN as in en, and the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, message] of Object.entries(en.html)) {
      const translated = (zhCN.html as Record<string, string | { other: string }>)[key];
      expect({ key, translated: translated !== undefined }).toEqual({ key, translated: true });
      const text = (value: string | { other: string } | undefined) =>
        typeof value === 'string' ? value : (value?.other ?? '');
      expect({ key, placeholders: placeholders(text(translated)) }).toEqual({
        key,
        placeholders: placeholders(text(message)),
      });
    }
  });

  it('use the glossary terms in Chinese', () => {
    expect(zhCN.status.broken).toBe('失效');
    expect(zhCN.access.vpn).toBe('需科学上网');
    expect(zhCN.html.mirror).toBe('镜像');
    expect(zhCN.html.matrix).toContain('检测位置');
  });
});

describe('formatting', () => {
  it('fills placeholders, leaving unknown ones as written', () => {
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('picks the plural form by Intl.PluralRules and localizes the count', () => {
    expect(plural('en', en.html.resources, 1)).toBe('1 resource');
    expect(plural('en', en.html.resources, 1234)).toBe('1,234 resources');
    expect(plural('zh-CN', zhCN.html.resources, 1)).toBe('1 个资源');
  });

  it('formats numbers and lists per language', () => {
    expect(formatNumber('en', 12345)).toBe('12,345');
    expect(formatList('en', ['global', 'cn'])).toBe('global and cn');
    expect(formatList('zh-CN', ['境外', '中国大陆'])).toBe('境外和中国大陆');
  });
});

describe('langOf', () => {
  it.each([
    ['zh_CN.UTF-8', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['en_US.UTF-8', 'en'],
    ['fr', 'en'],
    ['C', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s → %s', (tag, lang) => {
    expect(langOf(tag)).toBe(lang);
  });
});
