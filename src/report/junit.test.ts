import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { loadReportFixture } from '../../test/fixtures/ci/fixtures.js';
import { parseFailOnList } from '../outcome/fail-on.js';
import { escapeXml, renderJunit } from './junit.js';
import type { Report } from './schema.js';

/** One parsed element: its name, attributes, text and children. */
type XmlElement = {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlElement[];
};

/**
 * Parses XML with saxes, a strict XML 1.0 parser: an unescaped `&` or `<`, a broken attribute or
 * an unclosed element throws, where a forgiving parser would guess.
 */
function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser();
  const root: XmlElement = { name: '#document', attributes: {}, text: '', children: [] };
  const stack = [root];
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.name,
      attributes: tag.attributes,
      text: '',
      children: [],
    };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  });
  parser.on('text', (text) => {
    stack.at(-1)!.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  expect(root.children).toHaveLength(1);
  return root.children[0]!;
}

const report = loadReportFixture();
const broken = parseFailOnList(['broken']);

const childrenNamed = (element: XmlElement, name: string): XmlElement[] =>
  element.children.filter((child) => child.name === name);

describe('renderJunit', () => {
  it('has one suite per section and one case per resource and mirror, with file and line', () => {
    const root = parseXml(renderJunit(report, { failOn: broken, file: './roadmap.yaml' }));
    expect(root.name).toBe('testsuites');
    const suites = childrenNamed(root, 'testsuite');
    expect(suites.map((suite) => suite.attributes.name)).toEqual([
      '1.1 机器学习的数学',
      '1.2 Python',
      '2.1 Transformer',
      '2.2 开源生态',
    ]);
    const cases = suites.flatMap((suite) => childrenNamed(suite, 'testcase'));
    const links = report.results.flatMap((result) => [result, ...result.mirrors]);
    expect(cases).toHaveLength(links.length);
    expect(cases.map((item) => Number(item.attributes.line))).toEqual(
      links.map((link) => link.line),
    );
    expect(new Set(cases.map((item) => item.attributes.file))).toEqual(new Set(['roadmap.yaml']));
    expect(cases[0]!.attributes).toMatchObject({
      name: '3Blue1Brown - 线性代数的本质 (3b1b-linear-algebra)',
      classname: 'roadmap.1.1',
    });
    expect(cases[2]!.attributes.name).toBe(
      '3Blue1Brown - 线性代数的本质 (3b1b-linear-algebra) mirror https://bilibili.example.test/video/BV1gone',
    );
    expect(root.attributes).toMatchObject({
      tests: String(links.length),
      failures: '3',
      errors: '0',
      skipped: '1',
    });
  });

  it('fails exactly what --fail-on counts, skips what was not checked, passes the rest', () => {
    const verdicts = (failOn: string[]) => {
      const root = parseXml(renderJunit(report, { failOn: parseFailOnList(failOn) }));
      return childrenNamed(root, 'testsuite')
        .flatMap((suite) => childrenNamed(suite, 'testcase'))
        .map((item) => {
          const [child] = item.children.filter((element) => element.name !== 'system-out');
          return `${item.attributes.line} ${child === undefined ? 'pass' : `${child.name} ${child.attributes.type ?? ''}`.trim()}`;
        });
    };
    expect(verdicts(['broken']).filter((verdict) => !verdict.endsWith('pass'))).toEqual([
      '23 failure broken/http-404',
      '30 skipped',
      '45 failure broken/http-404',
      '96 failure broken/soft-404',
    ]);
    expect(
      verdicts(['unreachable', 'redirected']).filter((verdict) => !verdict.endsWith('pass')),
    ).toEqual([
      '28 failure redirected/permanent-redirect',
      '30 skipped',
      '65 failure unreachable/timeout',
      '68 failure redirected/permanent-redirect',
      '85 failure redirected/permanent-redirect',
      '88 failure unreachable/server-error',
      '100 failure redirected/permanent-redirect',
    ]);
  });

  it('says why in the failure and the skip, and notes problems --fail-on does not count', () => {
    const root = parseXml(renderJunit(report, { failOn: broken }));
    const cases = childrenNamed(root, 'testsuite').flatMap((suite) =>
      childrenNamed(suite, 'testcase'),
    );
    const numpy = cases.find((item) => item.attributes.line === '45')!;
    const [failure] = childrenNamed(numpy, 'failure');
    expect(failure!.attributes.message).toBe(failure!.text);
    expect(failure!.text).toMatch(/^resource "numpy-guide" .*: HTTP 404: the page is gone$/);
    const stats = cases.find((item) => item.attributes.line === '30')!;
    expect(childrenNamed(stats, 'skipped')[0]!.attributes.message).toBe(
      'not checked: the resource has no URL',
    );
    const moved = cases.find((item) => item.attributes.line === '28')!;
    expect(childrenNamed(moved, 'system-out')[0]!.text).toContain('moved permanently to https://');
  });

  it('escapes & < > " \' and Chinese text so that a strict parser reads them back as written', () => {
    const tricky = 'R&D <b>"quoted"</b> \'single\' 注意力机制 & more\nline two\ttab';
    const copy: Report = structuredClone(report);
    const [first] = copy.results;
    first!.title = tricky;
    first!.sectionTitle = tricky;
    first!.url = 'https://a.example.test/?q=1&lang=zh&x=<y>';
    copy.results = [first!];
    const xml = renderJunit(copy, { failOn: parseFailOnList(['ok']) });
    const root = parseXml(xml);
    const suite = childrenNamed(root, 'testsuite')[0]!;
    expect(suite.attributes.name).toBe(`1.1 ${tricky}`);
    const item = childrenNamed(suite, 'testcase')[0]!;
    expect(item.attributes.name).toBe(`${tricky} (3b1b-linear-algebra)`);
    const failure = childrenNamed(item, 'failure')[0]!;
    expect(failure.text).toContain('https://a.example.test/?q=1&lang=zh&x=<y>');
    expect(failure.attributes.message).toBe(failure.text);
    expect(failure.text).toContain(tricky);
    // Every & in the file starts a reference.
    expect(xml).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+);)/);
  });

  it('replaces characters XML cannot hold instead of writing a file no reader accepts', () => {
    expect(escapeXml('a\u0000b\u001bc\uD800d')).toBe('a\uFFFDb\uFFFDc\uFFFDd');
    expect(escapeXml('😀')).toBe('😀');
    const copy: Report = structuredClone(report);
    copy.results[0]!.title = 'bell\u0007 and escape\u001b';
    expect(() => parseXml(renderJunit(copy, { failOn: broken }))).not.toThrow();
  });

  it('is rejected by the parser when text is not escaped (the parser is strict)', () => {
    expect(() => parseXml('<a b="R&D"/>')).toThrow();
    expect(() => parseXml('<a>1 < 2</a>')).toThrow();
  });
});
