import { describe, expect, it } from 'vitest';
import {
  BILIBILI_SESSION_KEPT_MS,
  cachedBilibiliSession,
  updateBilibiliSessionCache,
} from './bilibili-session-cache.js';
import { emptyResultCache, parseResultCache, renderResultCache } from './result-cache.js';

const OPENED_AT = '2026-12-02T08:00:00.000Z';
const ENTRY = { cookie: 'buvid3=B3', imgKey: 'img', subKey: 'sub', openedAt: OPENED_AT };
const SESSION = {
  session: { cookie: 'buvid3=B3', keys: { imgKey: 'img', subKey: 'sub' } },
  openedAt: OPENED_AT,
};
const at = (ms: number) => Date.parse(OPENED_AT) + ms;

describe('the cached Bilibili session', () => {
  it('is reused for 12 hours from when it was opened, and not after or before', () => {
    expect(cachedBilibiliSession(ENTRY, at(BILIBILI_SESSION_KEPT_MS))).toEqual(SESSION);
    expect(cachedBilibiliSession(ENTRY, at(BILIBILI_SESSION_KEPT_MS + 1))).toBeUndefined();
    // A clock that jumped back does not make a session from the future usable.
    expect(cachedBilibiliSession(ENTRY, at(-1))).toBeUndefined();
    expect(cachedBilibiliSession(undefined, at(0))).toBeUndefined();
  });

  it('is replaced by the session a run used, and dropped once stale when none was used', () => {
    const fresh = {
      session: { cookie: 'buvid3=NEW', keys: { imgKey: 'i2', subKey: 's2' } },
      openedAt: '2026-12-02T20:00:00.000Z',
    };
    expect(updateBilibiliSessionCache(ENTRY, fresh, at(0))).toEqual({
      cookie: 'buvid3=NEW',
      imgKey: 'i2',
      subKey: 's2',
      openedAt: '2026-12-02T20:00:00.000Z',
    });
    expect(updateBilibiliSessionCache(ENTRY, undefined, at(60_000))).toEqual(ENTRY);
    expect(
      updateBilibiliSessionCache(ENTRY, undefined, at(BILIBILI_SESSION_KEPT_MS + 1)),
    ).toBeUndefined();
  });

  it('lives in the --cache file beside the results, and a bad one makes the file unusable', () => {
    const cache = { ...emptyResultCache(), bilibiliSession: ENTRY };
    expect(parseResultCache(renderResultCache(cache))).toEqual(cache);
    const broken = renderResultCache(cache).replace('"imgKey": "img"', '"imgKey": ""');
    expect(parseResultCache(broken)).toBeUndefined();
  });
});
