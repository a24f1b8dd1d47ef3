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

  it('ignores the words in body text', () => {
    expect(findMetaRefresh('<p>set http-equiv="refresh" to redirect</p>', base)).toBeUndefined();
  });
});
