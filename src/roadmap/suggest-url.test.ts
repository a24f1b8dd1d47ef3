import { describe, expect, it } from 'vitest';
import { lintRoadmap } from './lint.js';
import { parseRoadmap } from './load.js';
import { findStrayCharacters, repairUrl } from './suggest-url.js';

describe('repairUrl', () => {
  it.each([
    {
      what: 'a scheme typo and a space',
      url: 'htps://immersivemath.com/ila/learn more.html',
      suggestion: 'https://immersivemath.com/ila/learn%20more.html',
      problems: ['unsupported-scheme', 'contains-space'],
    },
    {
      what: 'a missing scheme and a space',
      url: 'example.com/a b',
      suggestion: 'https://example.com/a%20b',
      problems: ['unparseable', 'contains-space'],
    },
    {
      what: 'a full-width colon',
      url: 'https：//example.com/a',
      suggestion: 'https://example.com/a',
      problems: [],
    },
    {
      what: 'full-width slashes',
      url: 'https:／／example.com/a',
      suggestion: 'https://example.com/a',
      problems: [],
    },
    {
      what: 'a full-width space',
      url: 'https://example.com/a　b',
      suggestion: 'https://example.com/a%20b',
      problems: [],
    },
    {
      what: 'a full-width bracket after the URL',
      url: 'https://example.com/a）',
      suggestion: 'https://example.com/a',
      problems: [],
    },
    {
      what: 'a full stop',
      url: 'https://example.com/a。',
      suggestion: 'https://example.com/a',
      problems: [],
    },
    {
      what: 'a comma',
      url: 'https://example.com/a，',
      suggestion: 'https://example.com/a',
      problems: [],
    },
    {
      what: 'a Markdown bracket',
      url: 'https://example.com/a)',
      suggestion: 'https://example.com/a',
      problems: [],
    },
    {
      what: 'everything at once',
      url: 'htps：／／example.com/learn more.html。',
      suggestion: 'https://example.com/learn%20more.html',
      problems: ['unsupported-scheme', 'contains-space'],
    },
    {
      what: 'an http URL with a space',
      url: 'http://example.com/a b',
      suggestion: 'http://example.com/a%20b',
      problems: ['contains-space', 'insecure-http'],
    },
  ])('$what', ({ url, suggestion, problems }) => {
    const repair = repairUrl(url);
    expect(repair.suggestion).toBe(suggestion);
    expect(repair.problems.map((problem) => problem.kind)).toEqual(problems);
    // The suggestion itself has nothing left to fix but, at most, its http:// scheme.
    expect(repairUrl(suggestion).stray).toEqual([]);
    expect(repairUrl(suggestion).problems.map((problem) => problem.kind)).toEqual(
      suggestion.startsWith('http:') ? ['insecure-http'] : [],
    );
  });

  it('keeps what belongs to the URL', () => {
    expect(findStrayCharacters('https://en.wikipedia.org/wiki/Transformer_(model)')).toEqual([]);
    expect(findStrayCharacters('https://example.com/?q=线性代数：基础')).toEqual([]);
    expect(repairUrl('https://example.com/a').suggestion).toBeUndefined();
  });

  it('suggests nothing it cannot make valid', () => {
    expect(repairUrl('https://exa mple.test/').suggestion).toBeUndefined();
  });
});

describe('URL hints in lint', () => {
  const lint = (url: string) =>
    lintRoadmap(
      parseRoadmap(
        `version: 1\ntitle: T\nsections:\n  - id: "1"\n    title: S\n    resources:\n      - id: a\n        title: A\n        kind: book\n        url: "${url}"\n`,
        'roadmap.yaml',
      ),
    ).map(({ rule, message, hint }) => ({ rule, message, hint }));

  it('gives every finding of one URL the hint that fixes all of them', () => {
    const fixed = 'write it as https://immersivemath.com/ila/learn%20more.html';
    expect(lint('htps://immersivemath.com/ila/learn more.html')).toEqual([
      {
        rule: 'unsupported-scheme',
        message: '"htps:" is not an http(s) URL, so it cannot be checked',
        hint: fixed,
      },
      { rule: 'url-whitespace', message: 'the URL contains a space', hint: fixed },
    ]);
  });

  it("names a Chinese keyboard's punctuation", () => {
    expect(lint('https：//example.com/a')).toEqual([
      {
        rule: 'url-stray-character',
        message:
          'the URL has a full-width colon "：" in its scheme (a Chinese keyboard\'s punctuation?)',
        hint: 'write it as https://example.com/a',
      },
    ]);
    expect(lint('https://example.com/a。')).toEqual([
      {
        rule: 'url-stray-character',
        message: 'the URL ends with a full stop "。", copied from the text around it?',
        hint: 'write it as https://example.com/a',
      },
    ]);
  });
});
