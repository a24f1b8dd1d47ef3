import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  hasFragmentTarget,
  isFragmentMissing,
  isFragmentVerifiable,
  shouldCheckFragment,
} from './fragment.js';

const README = readFileSync(
  new URL('../../test/fixtures/pages/github-readme.html', import.meta.url),
  'utf8',
);

const DOCS = `<!doctype html><html><head><title>Docs</title></head><body>
<h2 id="installation">Installation</h2>
<h2 id="café">Café</h2>
<h2 id="100%-coverage">Coverage</h2>
<h2 id="Mixed-Case">Mixed</h2>
<section id="torch.nn.Module"><h3>Module</h3></section>
<p><a name="legacy">Old anchor</a><span name="not-an-anchor">span</span></p>
<div data-id="data-only"></div>
</body></html>`;

describe('shouldCheckFragment', () => {
  it.each<[string, boolean]>([
    ['installation', true],
    ['#installation', true],
    ['section-2.1', true],
    ['L10-notes', true],
    // Always fine
    ['', false],
    ['#', false],
    ['top', false],
    ['#TOP', false],
    // Text fragments are directives, not anchors
    [':~:text=attention%20is%20all', false],
    ['#:~:text=foo', false],
    // SPA routes
    ['/docs/intro', false],
    ['!/home', false],
    ['!', false],
    // Parameters, not anchors
    ['page=2', false],
    ['page=2&zoom=100', false],
    ['t=30', false],
    ['scrollTo=abc123', false],
    // Line anchors of code views
    ['L10', false],
    ['L10-L20', false],
    ['L10C5-L12C8', false],
  ])('%j → %s', (fragment, expected) => {
    expect(shouldCheckFragment(fragment)).toBe(expected);
  });
});

describe('hasFragmentTarget', () => {
  it.each<[string, string, string, boolean]>([
    ['an id', DOCS, 'installation', true],
    ['an id with the #', DOCS, '#installation', true],
    ['a percent-encoded id', DOCS, 'caf%C3%A9', true],
    ['a raw id with a stray %', DOCS, '100%-coverage', true],
    ['a dotted id on a section', DOCS, 'torch.nn.Module', true],
    ['an <a name>', DOCS, 'legacy', true],
    ['a missing id', DOCS, 'usage', false],
    ['ids are case-sensitive', DOCS, 'mixed-case', false],
    ['name on a non-anchor element', DOCS, 'not-an-anchor', false],
    ['a data attribute is not an id', DOCS, 'data-only', false],
    ['a real anchor before a text directive', DOCS, 'installation:~:text=pip', true],
    ['a missing anchor before a text directive', DOCS, 'usage:~:text=pip', false],
    ['a text directive alone', DOCS, ':~:text=nowhere', true],
    ['a route', DOCS, '/nowhere', true],
    ['top', DOCS, 'top', true],
    ['GitHub README heading', README, 'llm-course', true],
    ['GitHub heading starting with an emoji', README, '-the-llm-scientist', true],
    ['GitHub encoded Chinese heading', README, encodeURIComponent('中文资源'), true],
    ['GitHub legacy named anchor', README, 'legacy-anchor', true],
    ['GitHub heading that is not there', README, 'the-llm-engineer', false],
    ['an upper-case ID attribute', '<DIV ID="upper">x</DIV>', 'upper', true],
    ['an id spelled with entities', '<h2 id="caf&eacute;">Café</h2>', 'caf%C3%A9', true],
    [
      'an id inside a script string',
      '<script>el.innerHTML = \'<div id="late">\'</script>',
      'late',
      false,
    ],
    ['an id inside a comment', '<!-- <div id="old"> -->', 'old', false],
    ['the first of two id attributes', '<div id="first" id="second"></div>', 'second', false],
  ])('%s', (_name, html, fragment, expected) => {
    expect(hasFragmentTarget(html, fragment)).toBe(expected);
  });
});

describe('isFragmentVerifiable', () => {
  it.each<[string, string, boolean]>([
    ['a docs page with heading ids', DOCS, true],
    ['a GitHub README', README, true],
    [
      'Sphinx-style section ids',
      '<html><body><section id="usage"><h2>Usage</h2></section></body></html>',
      true,
    ],
    [
      'a table of contents that reaches an id',
      '<html><body><a href="#part-2">Part 2</a><div id="part-2"></div></body></html>',
      true,
    ],
    [
      'a body cut off by the size cap',
      '<html><body><h2 id="intro">Intro</h2><p>' + 'x'.repeat(100),
      false,
    ],
    [
      'a client-rendered shell',
      '<html><head><script src="/app.js"></script></head><body><div id="root"></div></body></html>',
      false,
    ],
    [
      'an in-page link before the id it reaches',
      '<html><body><nav><a href="#later">Later</a></nav><p id="later">x</p></body></html>',
      true,
    ],
    [
      'an in-page link to an id only a script writes',
      '<html><body><a href="#x">x</a><script>document.write(\'<div id="x">\')</script></body></html>',
      false,
    ],
    [
      'headings whose ids a script adds',
      '<html><body><h2>Intro</h2><h2>Usage</h2><script src="anchor.min.js"></script></body></html>',
      false,
    ],
  ])('%s → %s', (_name, html, expected) => {
    expect(isFragmentVerifiable(html)).toBe(expected);
  });
});

describe('isFragmentMissing', () => {
  const PAGES = {
    DOCS,
    README,
    'a cut-off page': '<html><body><h2 id="intro">Intro</h2><p>' + 'x'.repeat(100),
    'a shell': '<html><body><div id="root"></div></body></html>',
    'a late link':
      '<html><body><p id="a">a</p><a href="#a">a</a><h2 id="usage">x</h2></body></html>',
  };
  const FRAGMENTS = ['installation', 'usage', 'caf%C3%A9', 'legacy', 'nowhere', 'top', 'a', 'L10'];
  const cases = Object.entries(PAGES).flatMap(([name, html]) =>
    FRAGMENTS.map((fragment) => [name, fragment, html] as const),
  );

  it.each(cases)(
    'on %s, #%s: the one pass says what the two checks said',
    (_name, fragment, html) => {
      const twoPasses =
        shouldCheckFragment(fragment) &&
        isFragmentVerifiable(html) &&
        !hasFragmentTarget(html, fragment);

      expect(isFragmentMissing(html, fragment)).toBe(twoPasses);
    },
  );

  it('finds a missing fragment on a page with ids', () => {
    expect(isFragmentMissing(DOCS, 'usage')).toBe(true);
    expect(isFragmentMissing(DOCS, 'installation')).toBe(false);
  });
});
