import { describe, expect, it } from 'vitest';
import { restoreResultCache, resultCacheKeys, saveResultCache } from './result-cache.js';

// No ACTIONS_CACHE_URL / ACTIONS_RESULTS_URL here: the Actions cache service is unavailable, as
// on a self-hosted runner without one; the check goes on without a cache, and the log says so.
const keys = resultCacheKeys('roadmap.yaml', undefined, { id: '7', attempt: '1' });

describe('the result cache without a cache service', () => {
  it('says so in English', async () => {
    expect(await restoreResultCache('results.json', keys)).toBe(
      'cache: the Actions cache service is not available here; checking without one.',
    );
    expect(await saveResultCache('results.json', keys)).toBe(
      'cache: not saved, no cache service here.',
    );
  });

  it('says so in Chinese', async () => {
    expect(await restoreResultCache('results.json', keys, 'zh-CN')).toBe(
      'cache：这里用不了 Actions 缓存服务，本次不用缓存直接检查。',
    );
    expect(await saveResultCache('results.json', keys, 'zh-CN')).toBe(
      'cache：没有保存，这里没有缓存服务。',
    );
  });
});
