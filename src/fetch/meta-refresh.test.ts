import { describe, expect, it } from 'vitest';
import { findMetaRefresh } from './meta-refresh.js';

const base = new URL('https://old.example.test/docs/page.html');

function page(meta: string): string {
  return `<!doctype html><html><head><title>Moved</title>${meta}</head><body>Moved.</body></html>`;
}

describe('findMetaRefresh', () => {
  it.each([
    [
      'absolute URL',
      '<meta http-equiv="refresh" content="0; url=https://new.example.test/">',
      'https://new.example.test/',
    ],
    [
      'relative URL',
      '<meta http-equiv="refresh" content="0;URL=../moved.html">',
      'https://old.example.test/moved.html',
    ],
    [
      'quoted URL',
      `<meta http-equiv="Refresh" content="1; url='/quoted?a=1'">`,
      'https://old.example.test/quoted?a=1',
    ],
    [
      'comma separator, no url=',
      '<meta http-equiv="refresh" content="0, /comma">',
      'https://old.example.test/comma',
    ],
    [
      'upper-case attribute value',
      '<META HTTP-EQUIV="REFRESH" CONTENT="0;URL=/upper">',
      'https://old.example.test/upper',
    ],
    [
      'fractional delay',
      '<meta http-equiv="refresh" content="2.5; url=/soon">',
      'https://old.example.test/soon',
    ],
    [
      'delay at the limit',
      '<meta http-equiv="refresh" content="5; url=/five">',
      'https://old.example.test/five',
    ],
  ])('follows a %s', (_name, meta, expected) => {
    expect(findMetaRefresh(page(meta), base)?.href).toBe(expected);
  });

  it.each([
    ['no meta refresh', '<meta charset="utf-8">'],
    ['a plain reload', '<meta http-equiv="refresh" content="30">'],
    ['a slow refresh', '<meta http-equiv="refresh" content="60; url=/later">'],
    ['a refresh to itself', '<meta http-equiv="refresh" content="0; url=page.html#top">'],
    ['an empty target', '<meta http-equiv="refresh" content="0; url=">'],
    ['a garbled content', '<meta http-equiv="refresh" content="soon">'],
    ['a javascript: target', '<meta http-equiv="refresh" content="0; url=javascript:go()">'],
    ['a content-less meta', '<meta http-equiv="refresh">'],
  ])('ignores %s', (_name, meta) => {
    expect(findMetaRefresh(page(meta), base)).toBeUndefined();
  });

  it.each([
    [
      'a refresh in the body',
      '<html><body><p>Moved.</p><meta http-equiv="refresh" content="0; url=/body"></body></html>',
      'https://old.example.test/body',
    ],
    [
      'the refresh after one for browsers without JavaScript',
      '<head><noscript><meta http-equiv="refresh" content="0; url=/no-js"></noscript><meta http-equiv="refresh" content="0; url=/moved"></head>',
      'https://old.example.test/moved',
    ],
    [
      'entities in the content',
      '<meta http-equiv="refresh" content="0; url=/a?x=1&amp;y=2">',
      'https://old.example.test/a?x=1&y=2',
    ],
  ])('follows %s', (_name, html, expected) => {
    expect(findMetaRefresh(html, base)?.href).toBe(expected);
  });

  it.each([
    [
      'a refresh for browsers without JavaScript',
      '<noscript><meta http-equiv="refresh" content="0; url=/no-js"></noscript>',
    ],
    [
      'a refresh in a template',
      '<template><meta http-equiv="refresh" content="0; url=/t"></template>',
    ],
    [
      'a refresh in a script',
      '<script>document.write(\'<meta http-equiv="refresh" content="0; url=/s">\')</script>',
    ],
    ['a refresh in a comment', '<!-- <meta http-equiv="refresh" content="0; url=/c"> -->'],
    ['a refresh after <plaintext>', '<plaintext><meta http-equiv="refresh" content="0; url=/p">'],
    [
      'a later refresh when the first has no content',
      '<meta http-equiv="refresh"><meta http-equiv="refresh" content="0; url=/second">',
    ],
  ])('ignores %s', (_name, html) => {
    expect(
      findMetaRefresh(`<html><head>${html}</head><body>Hi</body></html>`, base),
    ).toBeUndefined();
  });

  it('ignores the words in body text', () => {
    expect(findMetaRefresh('<p>set http-equiv="refresh" to redirect</p>', base)).toBeUndefined();
  });
});
