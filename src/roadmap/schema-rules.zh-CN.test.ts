import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import type { Lang } from '../i18n/index.js';
import { parseRoadmap } from './load.js';

const ROADMAP = `version: 1
title: 测试
settings:
  timeout: soon
sections:
  - id: "第一章"
    title: "  "
    resources:
      - id: Intro
        title: 入门
        kind: article
        url: https://example.test/
        access:
          china: vpn
`;

function messagesOf(text: string, lang: Lang): string[] {
  try {
    parseRoadmap(text, 'roadmap.yaml', lang);
  } catch (error) {
    if (error instanceof InputError) return error.problems.map((problem) => problem.message);
    throw error;
  }
  throw new Error('expected the roadmap to be refused');
}

describe("the schema's own rules", () => {
  it('are said in zh-CN, the value first as the file has it', () => {
    expect(messagesOf(ROADMAP, 'zh-CN')).toEqual([
      '"soon" 必须是时长，例如“15s”、“500ms”或“2m”',
      '"第一章" 必须是章节编号，例如“2.1”',
      '"  " 不能为空',
      '"Intro" 必须是 slug：只能用小写字母、数字、“.”、“_”或“-”',
      '键“china”必须是两个字母的地区代码，例如“cn”',
    ]);
    expect(messagesOf('version: 1\ntitle: T\nsections: []\n', 'zh-CN')).toEqual([
      '路线图至少要有一个章节',
    ]);
  });

  it('stay as the schema wrote them in English', () => {
    expect(messagesOf(ROADMAP, 'en')).toContain(
      '"soon" must be a duration such as "15s", "500ms" or "2m"',
    );
    expect(messagesOf('version: 1\ntitle: T\nsections: []\n', 'en')).toEqual([
      'a roadmap needs at least one section',
    ]);
  });
});
