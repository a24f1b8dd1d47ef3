import { describe, expect, it } from 'vitest';
import { LINT_RULES, type LintFinding } from './lint-finding.js';
import { lintRoadmap } from './lint.js';
import type { RegionRules } from '../region/rules-schema.js';
import { parseRoadmap } from './load.js';

/** A roadmap with one section holding the given YAML lines (indented by the caller). */
function roadmap(body: string, head = 'regions: [cn]\n'): string {
  return `version: 1\ntitle: T\n${head}sections:\n  - id: "1"\n    title: S\n${body}`;
}

/** Rules for cn as the shipped file has them: one blocked host, every other host presumed open. */
const CN_RULES: RegionRules = {
  region: 'cn',
  list: 'cn.yaml',
  updated: '2026-11-28',
  source: 'test',
  rules: [
    { id: 'blocked-test', match: 'blocked.test', level: 'blocked', note: 'blocked in tests' },
  ],
};

function lint(text: string): LintFinding[] {
  return lintRoadmap(parseRoadmap(text, 'roadmap.yaml'), { rules: [CN_RULES], lists: [] });
}

/** The parts of a finding a test pins down; messages are matched by substring. */
type Expected = Pick<LintFinding, 'rule' | 'line' | 'path'> & { message: string; hint?: string };

function summarise(findings: readonly LintFinding[]): Expected[] {
  return findings.map(({ rule, line, path, message, hint }) => ({
    rule,
    line,
    path,
    message,
    ...(hint === undefined ? {} : { hint }),
  }));
}

const SEED_URL =
  'https://mlabonne.github.io/blog/posts/ExLlamaV2_The_Fastest_Library_to_Run LLMs.html';

describe('lintRoadmap', () => {
  it('finds nothing in a clean roadmap', () => {
    const text = roadmap(
      [
        '    topics:',
        '      - Plain topic',
        '      - title: Papers',
        '        resources:',
        '          - { id: paper, title: P, kind: paper, url: "https://example.test/paper" }',
        '    resources:',
        '      - id: video',
        '        title: V',
        '        kind: video',
        '        url: https://example.test/video',
        '        access: { cn: vpn }',
        '        mirrors:',
        '          - url: https://mirror.example.test/video',
        '',
      ].join('\n'),
    );
    expect(lint(text)).toEqual([]);
  });

  it.each<{ name: string; text: string; expected: Expected[] }>([
    {
      name: 'a duplicate resource id, naming the first line',
      text: roadmap(
        '    resources:\n      - { id: a, title: A, kind: book, url: "https://example.test/1" }\n      - { id: a, title: B, kind: book, url: "https://example.test/2" }\n',
      ),
      expected: [
        {
          rule: 'duplicate-resource-id',
          line: 9,
          path: 'sections[0].resources[1].id',
          message: 'duplicate resource id "a" (first at line 8)',
          hint: 'ids name resources in reports and in --only; give each resource its own',
        },
      ],
    },
    {
      name: 'a duplicate resource id inside a topic',
      text: roadmap(
        '    topics:\n      - title: T\n        resources:\n          - { id: a, title: A, kind: book, url: "https://example.test/1" }\n    resources:\n      - { id: a, title: B, kind: book, url: "https://example.test/2" }\n',
      ),
      expected: [
        {
          rule: 'duplicate-resource-id',
          line: 12,
          path: 'sections[0].resources[0].id',
          message: 'duplicate resource id "a" (first at line 10)',
          hint: 'ids name resources in reports and in --only; give each resource its own',
        },
      ],
    },
    {
      name: 'a duplicate section id',
      text: roadmap(
        '    topics: [x]\n    sections:\n      - id: "1"\n        title: Again\n        topics: [y]\n',
      ),
      expected: [
        {
          rule: 'duplicate-section-id',
          line: 9,
          path: 'sections[0].sections[0].id',
          message: 'duplicate section id "1" (first at line 5)',
        },
      ],
    },
    {
      name: 'a URL used twice, naming the other place',
      text: roadmap(
        '    resources:\n      - { id: a, title: A, kind: book, url: "https://example.test/x" }\n      - id: b\n        title: B\n        kind: book\n        url: https://example.test/y\n        mirrors:\n          - url: HTTPS://EXAMPLE.test/x\n',
      ),
      expected: [
        {
          rule: 'duplicate-url',
          line: 14,
          path: 'sections[0].resources[1].mirrors[0].url',
          message: 'same URL as sections[0].resources[0].url (line 8)',
          hint: 'list the resource once, or point each entry at its own page',
        },
      ],
    },
    {
      name: 'a URL with a space, with the %20 form',
      text: roadmap(
        `    resources:\n      - id: a\n        title: A\n        kind: article\n        url: ${SEED_URL}\n`,
      ),
      expected: [
        {
          rule: 'url-whitespace',
          line: 11,
          path: 'sections[0].resources[0].url',
          message: 'the URL contains a space',
          hint: `write it as ${SEED_URL.replace(' ', '%20')}`,
        },
      ],
    },
    {
      name: 'a URL that does not parse',
      text: roadmap(
        '    resources:\n      - { id: a, title: A, kind: book, url: "https://exa mple.test/" }\n',
      ),
      expected: [
        {
          rule: 'invalid-url',
          line: 8,
          path: 'sections[0].resources[0].url',
          message: '"https://exa mple.test/" is not a valid URL',
        },
      ],
    },
    {
      name: 'a scheme other than http(s)',
      text: roadmap(
        '    resources:\n      - { id: a, title: A, kind: book, url: "ftp://example.test/a" }\n',
      ),
      expected: [
        {
          rule: 'unsupported-scheme',
          line: 8,
          path: 'sections[0].resources[0].url',
          message: '"ftp:" is not an http(s) URL, so it cannot be checked',
        },
      ],
    },
    {
      name: 'an http:// URL',
      text: roadmap(
        '    resources:\n      - { id: a, title: A, kind: book, url: "http://example.test/a" }\n',
      ),
      expected: [
        {
          rule: 'insecure-http',
          line: 8,
          path: 'sections[0].resources[0].url',
          message: 'the URL uses http://; prefer https://',
          hint: 'write it as https://example.test/a',
        },
      ],
    },
    {
      name: 'a resource without a URL',
      text: roadmap('    resources:\n      - id: a\n        title: A\n        kind: book\n'),
      expected: [
        {
          rule: 'missing-url',
          line: 8,
          path: 'sections[0].resources[0]',
          message: 'no URL; check will skip it',
          hint: 'add url: once the resource is found',
        },
      ],
    },
    {
      name: 'vpn access without a mirror',
      text: roadmap(
        '    resources:\n      - id: a\n        title: A\n        kind: video\n        url: https://example.test/v\n        access:\n          cn: vpn\n',
      ),
      expected: [
        {
          rule: 'vpn-without-mirror',
          line: 13,
          path: 'sections[0].resources[0].access.cn',
          message: 'needs a VPN in cn, and no mirror is listed',
          hint: 'add a copy that opens in cn under mirrors:',
        },
      ],
    },
    {
      name: 'a host the rules block, without a mirror',
      text: roadmap(
        '    resources:\n      - { id: a, title: A, kind: video, url: "https://www.blocked.test/v" }\n',
      ),
      expected: [
        {
          rule: 'vpn-without-mirror',
          line: 8,
          path: 'sections[0].resources[0].url',
          message: 'needs a VPN in cn (rule blocked-test in cn.yaml), and no mirror is listed',
          hint: 'add a copy that opens in cn under mirrors:',
        },
      ],
    },
    {
      name: 'a blocked host whose only mirror is an unconfirmed candidate',
      text: roadmap(
        '    resources:\n      - id: a\n        title: A\n        kind: video\n        url: https://blocked.test/v\n        mirrors:\n          - { url: "https://open.test/v", confirmed: false }\n',
      ),
      expected: [
        {
          rule: 'vpn-without-mirror',
          line: 11,
          path: 'sections[0].resources[0].url',
          message:
            'needs a VPN in cn (rule blocked-test in cn.yaml), and none of its mirrors is confirmed and open there',
          hint: 'check a mirror that opens in cn and mark it confirmed: true, or add one',
        },
      ],
    },
    {
      name: 'a blocked host whose unconfirmed mirror curate mirrors matched by evidence',
      text: roadmap(
        '    resources:\n      - id: a\n        title: A\n        kind: video\n        url: https://blocked.test/v\n        mirrors:\n          - { url: "https://open.test/v", confirmed: false, evidence: strong }\n',
      ),
      expected: [],
    },
    {
      name: 'access for a region not in regions:',
      text: roadmap(
        '    resources:\n      - { id: a, title: A, kind: video, url: "https://example.test/v", access: { cm: open } }\n',
      ),
      expected: [
        {
          rule: 'unknown-region',
          line: 8,
          path: 'sections[0].resources[0].access.cm',
          message: 'region "cm" is not in regions: (listed: cn); did you mean "cn"?',
          hint: 'add it to the top-level list, e.g. regions: [cn, cm]',
        },
      ],
    },
    {
      name: 'access when no regions are declared',
      text: roadmap(
        '    resources:\n      - { id: a, title: A, kind: video, url: "https://example.test/v", access: { cn: partial } }\n',
        '',
      ),
      expected: [
        {
          rule: 'unknown-region',
          line: 7,
          path: 'sections[0].resources[0].access.cn',
          message: 'region "cn" is not in regions: (no regions are listed)',
          hint: 'add it to the top-level list, e.g. regions: [cn]',
        },
      ],
    },
    {
      name: 'an empty section',
      text: roadmap(
        '    topics: [x]\n    sections:\n      - id: "1.1"\n        title: Empty\n        resources: []\n',
      ),
      expected: [
        {
          rule: 'empty-section',
          line: 9,
          path: 'sections[0].sections[0]',
          message: 'section "1.1" is empty',
          hint: 'add topics, resources or subsections, or remove the section',
        },
      ],
    },
    {
      name: 'a mirror with the URL of its own resource',
      text: roadmap(
        '    resources:\n      - id: a\n        title: A\n        kind: video\n        url: https://example.test/v\n        mirrors:\n          - url: https://example.test/v#t=0\n          - url: https://EXAMPLE.test/v\n',
      ),
      expected: [
        {
          rule: 'mirror-same-as-resource',
          line: 14,
          path: 'sections[0].resources[0].mirrors[1].url',
          message: 'the mirror has the same URL as its resource',
          hint: 'a mirror is another copy (e.g. a Bilibili re-upload); fix its URL or remove it',
        },
      ],
    },
    {
      name: 'URL problems in topic resources, mirrors and the source',
      text: roadmap(
        '    topics:\n      - title: T\n        resources:\n          - id: a\n            title: A\n            kind: paper\n            url: http://example.test/a\n            mirrors:\n              - url: example.test/m\n',
        'source: { url: "mailto:x@example.test" }\nregions: [cn]\n',
      ),
      expected: [
        {
          rule: 'unsupported-scheme',
          line: 3,
          path: 'source.url',
          message: '"mailto:" is not an http(s) URL, so it cannot be checked',
        },
        {
          rule: 'insecure-http',
          line: 14,
          path: 'sections[0].topics[0].resources[0].url',
          message: 'the URL uses http://; prefer https://',
          hint: 'write it as https://example.test/a',
        },
        {
          rule: 'invalid-url',
          line: 16,
          path: 'sections[0].topics[0].resources[0].mirrors[0].url',
          message: '"example.test/m" has no scheme',
          hint: 'write it as https://example.test/m',
        },
      ],
    },
  ])('reports $name', ({ text, expected }) => {
    expect(summarise(lint(text))).toEqual(expected);
  });

  it('gives each finding the severity of its rule and the file name', () => {
    const findings = lint(
      roadmap(
        '    resources:\n      - { id: a, title: A, kind: book }\n      - { id: a, title: B, kind: book }\n',
      ),
    );
    expect(findings.map(({ rule, severity, file }) => [rule, severity, file])).toEqual([
      ['missing-url', 'warning', 'roadmap.yaml'],
      ['missing-url', 'warning', 'roadmap.yaml'],
      ['duplicate-resource-id', 'error', 'roadmap.yaml'],
    ]);
    expect(findings.every((finding) => finding.severity === LINT_RULES[finding.rule])).toBe(true);
  });

  it('sorts findings by line, then column', () => {
    const text = roadmap(
      '    sections:\n      - id: "1.1"\n        title: Empty\n    resources:\n      - { id: b, title: B, kind: book, url: "http://example.test/b" }\n      - { id: a, title: A, kind: book }\n',
    );
    const positions = lint(text).map(({ line, column }) => [line, column]);
    expect(positions).toEqual(
      [...positions].sort(([l1 = 0, c1 = 0], [l2 = 0, c2 = 0]) => l1 - l2 || c1 - c2),
    );
    expect(positions).toHaveLength(3);
  });
});
