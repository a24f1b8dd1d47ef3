import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CheckResult, Plan, PlannedLink } from '../domain.js';
import { STATUSES } from '../outcome/model.js';
import { buildReport } from './build.js';
import { REPORT_JSON_SCHEMA_HEADER } from './json.js';
import { ReportSchema } from './schema.js';

const SCHEMA_FILE = new URL('../../schema/report.schema.json', import.meta.url);

function checkedLink(targetId: string, line: number): PlannedLink {
  return { url: targetId, path: `resources[${line}].url`, line, plan: { kind: 'check', targetId } };
}

describe('schema/report.schema.json', () => {
  it('is what z.toJSONSchema makes of ReportSchema today (run `node scripts/export-schema.mjs` after `npm run build` if not)', async () => {
    const committed: unknown = JSON.parse(await readFile(SCHEMA_FILE, 'utf8'));

    expect(committed).toEqual({ ...z.toJSONSchema(ReportSchema), ...REPORT_JSON_SCHEMA_HEADER });
  });
});

describe('ReportSchema', () => {
  it('accepts a built report with every status, a mirror and a network-down stop', () => {
    const outcomes: CheckResult[] = [
      { status: 'ok', reason: 'ok', httpStatus: 200 },
      {
        status: 'redirected',
        reason: 'permanent-redirect',
        httpStatus: 301,
        finalUrl: 'https://example.test/new',
      },
      { status: 'broken', reason: 'soft-404', httpStatus: 200, detail: 'says not found' },
      { status: 'unreachable', reason: 'reset', errorCode: 'ECONNRESET' },
      { status: 'unverified', reason: 'bot-wall', httpStatus: 403 },
      { status: 'skipped', reason: 'private-address' },
    ].map((outcome, index) => ({
      ...(outcome as CheckResult),
      targetId: `https://example.test/${index}`,
      hops: index === 1 ? [{ url: `https://example.test/${index}`, status: 301 }] : [],
      durationMs: 10,
      checkedAt: '2026-11-28T18:01:00.000Z',
      pageTitle: 'A page',
    }));
    const plan: Plan = {
      resources: outcomes.map((outcome, index) => ({
        id: `r${index}`,
        sectionId: '1',
        sectionTitle: 'Start',
        topic: index === 0 ? 'Tokens' : undefined,
        title: `Resource ${index}`,
        kind: 'video',
        access: { cn: 'vpn' },
        link: checkedLink(outcome.targetId, index + 1),
        mirrors: [
          {
            ...checkedLink('https://example.test/missing', 100 + index),
            platform: 'bilibili',
            lang: 'zh',
            note: '中文字幕',
            isConfirmed: index % 2 === 0,
          },
        ],
      })),
      targets: [],
    };
    const report = buildReport(plan, new Map(outcomes.map((entry) => [entry.targetId, entry])), {
      toolVersion: '0.1.0',
      roadmapPath: 'roadmap.yaml',
      roadmapTitle: 'LLM roadmap',
      vantage: 'cn',
      startedAt: '2026-11-28T18:00:00.000Z',
      finishedAt: '2026-11-28T18:02:00.000Z',
      isPartial: true,
      networkDown: { message: 'no route to host' },
    });

    const parsed = ReportSchema.safeParse(report);

    expect(parsed.error).toBeUndefined();
    // One result per status, listed in the report's status order.
    expect(parsed.data?.results.map((entry) => entry.outcome.status)).toEqual([...STATUSES]);
    expect(parsed.data?.mirrorSummary.skipped).toBe(6);
  });
});
