import { describe, expect, it } from 'vitest';
import { ROADMAP_LOAD_TEXT_ZH_CN } from './roadmap-load-zh-CN.js';

describe('zh-CN yaml parser codes', () => {
  it.each(['IMPOSSIBLE', 'NON_STRING_KEY', 'RESOURCE_EXHAUSTION'] as const)(
    'says %s in Chinese, with the parser words after it',
    (code) => {
      const text = ROADMAP_LOAD_TEXT_ZH_CN.yamlParser(code, 'English parser words');
      expect(text).not.toBe('English parser words');
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(text).toContain('解析器原文：English parser words');
    },
  );
});
