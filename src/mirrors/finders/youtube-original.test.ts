import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPlaylistPage } from './youtube-original.js';

const fixture = readFileSync(
  new URL('../../../test/fixtures/mirrors/youtube-playlist-la.html', import.meta.url),
  'utf8',
);
const fallback = { title: '线性代数的本质', author: '3Blue1Brown' };

describe('a YouTube playlist page', () => {
  it('gives its videos, their total length and its og:title, from the nested ytInitialData', () => {
    expect(readPlaylistPage(fixture, fallback)).toEqual({
      kind: 'playlist',
      title: 'Essence of linear algebra',
      author: '3Blue1Brown',
      partCount: 3,
      totalSeconds: 600 + 700 + 800,
    });
  });

  it('gives nothing when a video has no length (no guessing from a partial list)', () => {
    const withoutOne = fixture.replace('"lengthSeconds":"700",', '');
    expect(readPlaylistPage(withoutOne, fallback)).toBeUndefined();
    expect(readPlaylistPage('<html><body>consent</body></html>', fallback)).toBeUndefined();
  });

  it('falls back to the roadmap title without an og:title', () => {
    const untitled = fixture.replace(/<meta property="og:title"[^>]*>/, '');
    expect(readPlaylistPage(untitled, fallback)?.title).toBe('线性代数的本质');
  });
});
