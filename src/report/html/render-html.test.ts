import { describe, expect, it } from 'vitest';
import { loadReportFixture } from '../../../test/fixtures/ci/fixtures.js';
import { linkKey, type History } from '../history.js';
import { embedJson, renderHtml } from './render-html.js';
import { pageData, trendOf } from './view.js';

const report = loadReportFixture();

/** The JSON the page embeds under `id`, read back as the browser would. */
function embedded(html: string, id: string): unknown {
  const match = new RegExp(`<script type="application/json" id="${id}">(.*?)</script>`, 's').exec(
    html,
  );
  if (match?.[1] === undefined) throw new Error(`no ${id} in the page`);
  return JSON.parse(match[1]);
}

describe('renderHtml', () => {
  it('is one self-contained file: inline style and script, nothing loaded from anywhere', () => {
    const html = renderHtml(report);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<link\b|<script[^>]+src=|@import|url\(|https?:\/\/fonts\./);
    expect(html).toContain("default-src 'none'");
    expect(embedded(html, 'curate-data')).toMatchObject({ title: report.roadmap.title });
    expect(embedded(html, 'curate-catalogs')).toHaveProperty(['zh-CN', 'status', 'broken'], '失效');
  });

  it('keeps a hostile title inside the data: </script> cannot close the element', () => {
    const hostile = {
      ...report,
      roadmap: { ...report.roadmap, title: '</script><script>alert(1)</script><!--' },
    };
    const html = renderHtml(hostile);
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    expect(embedded(html, 'curate-data')).toMatchObject({ title: hostile.roadmap.title });
    expect(html).toContain('<title>Link report: &lt;/script&gt;');
  });

  it('escapes < and the JavaScript line separators in embedded JSON', () => {
    expect(embedJson({ a: '<b>\u2028\u2029' })).toBe('{"a":"\\u003cb>\\u2028\\u2029"}');
  });

  it('opens in the language it is given, and is the same for the same input', () => {
    expect(renderHtml(report, { lang: 'zh-CN' })).toContain('<html lang="zh-CN">');
    expect(renderHtml(report)).toBe(renderHtml(report));
  });
});

describe('pageData', () => {
  it('has one row per resource and mirror, with the URL to use for a redirect', () => {
    const data = pageData(report);
    const mirrors = report.results.reduce((sum, result) => sum + result.mirrors.length, 0);
    expect(data.rows).toHaveLength(report.results.length + mirrors);
    const moved = data.rows.filter((row) => row.status === 'redirected');
    expect(moved.length).toBeGreaterThan(0);
    for (const row of moved) expect(row.finalUrl).toMatch(/^https?:/);
    expect(data.trend).toBeUndefined();
  });

  it('adds this run to the history it is given, for the trend and the strips', () => {
    const first = report.results[0];
    if (first === undefined) throw new Error('empty fixture');
    const history: History = {
      schemaVersion: 1,
      links: {
        [linkKey(first.id)]: [
          {
            at: '2020-01-01T00:00:00.000Z',
            vantage: 'global',
            status: 'broken',
            reason: 'http-404',
          },
        ],
      },
    };
    const data = pageData(report, { history });
    expect(data.trend).toHaveLength(2);
    expect(data.trend?.[0]?.counts.broken).toBe(1);
    const row = data.rows.find((candidate) => candidate.key === linkKey(first.id));
    expect(row?.recent?.map((seen) => seen.status)).toEqual(['broken', first.outcome.status]);
  });
});

describe('trendOf', () => {
  it('counts runs back from each link’s newest observation; a link added later joins the recent runs', () => {
    const at = (day: number) => `2026-11-0${day}T03:00:00.000Z`;
    const history: History = {
      schemaVersion: 1,
      links: {
        old: [
          { at: at(1), vantage: 'global', status: 'ok', reason: 'ok' },
          { at: at(2), vantage: 'global', status: 'broken', reason: 'http-404' },
          { at: at(3), vantage: 'global', status: 'broken', reason: 'http-404' },
        ],
        added: [{ at: at(3), vantage: 'global', status: 'ok', reason: 'ok' }],
      },
    };
    expect(trendOf(history).map((run) => [run.at, run.counts.ok, run.counts.broken])).toEqual([
      [at(1), 1, 0],
      [at(2), 0, 1],
      [at(3), 1, 1],
    ]);
  });
});
