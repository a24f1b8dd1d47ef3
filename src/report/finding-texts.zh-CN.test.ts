import { describe, expect, it } from 'vitest';
import { loadReportFixture, readCiFixture } from '../../test/fixtures/ci/fixtures.js';
import { validateSarif } from '../../test/helpers/sarif-schema.js';
import { parseFailOnList } from '../outcome/fail-on.js';
import { findingTextsOf } from './finding-texts-zh-CN.js';
import { renderJunit } from './junit.js';
import { renderSarif } from './sarif.js';

const report = loadReportFixture();
const roadmapText = readCiFixture('roadmap.yaml');
const failOn = parseFailOnList(['broken']);

type SarifLog = {
  runs: {
    tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } };
    results: { ruleId: string; message: { text: string } }[];
  }[];
};

describe('SARIF and JUnit in zh-CN', () => {
  it('writes rule texts and messages in Chinese, rule ids in English, and stays valid SARIF', () => {
    const text = renderSarif(report, { failOn, roadmapText, texts: findingTextsOf('zh-CN') });
    const log = JSON.parse(text) as SarifLog;
    expect(validateSarif(log)).toBe(true);
    const run = log.runs[0]!;
    const http404 = run.tool.driver.rules.find((rule) => rule.id === 'broken/http-404');
    expect(http404?.shortDescription.text).toBe('链接失效：HTTP 404：页面不存在');
    const brokenResult = run.results.find((result) => result.ruleId === 'broken/http-404');
    expect(brokenResult?.message.text).toBe(
      '资源“3b1b-linear-algebra”（3Blue1Brown - 线性代数的本质）的镜像：https://bilibili.example.test/video/BV1gone：HTTP 404：页面不存在',
    );
  });

  it('names JUnit failures in Chinese', () => {
    const xml = renderJunit(report, { failOn, texts: findingTextsOf('zh-CN') });
    expect(xml).toContain('name="curate check：');
    expect(xml).toMatch(/<failure message="资源“[^”]+”（[^）]+）：/);
  });

  it('keeps English when no language is asked for', () => {
    expect(findingTextsOf('en').status.broken.title).toBe('Broken link');
  });
});
