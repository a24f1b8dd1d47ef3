import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { resolveOptions, type CurateFlags } from '../options.js';

/** The UsageError resolveOptions throws for `flags`, in the roadmap's lang: zh-CN. */
function usageError(flags: CurateFlags, env: Record<string, string> = {}): UsageError {
  try {
    resolveOptions(flags, undefined, env, 'zh-CN');
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('no usage error');
}

describe('bad flag values in zh-CN', () => {
  it('says what is wrong and how to write it, in Chinese, and says which language it spoke', () => {
    const duration = usageError({ timeout: 'soon' });
    expect(duration.message).toBe('--timeout：“soon”不是一个时长。');
    expect(duration.hint).toBe('写成 15s、500ms、2m、12h 或 1d 这样的形式（只写数字表示秒）。');
    expect(duration.lang).toBe('zh-CN');
    expect(usageError({ perHost: 'lots' }).message).toBe('--per-host：“lots”不是 ≥ 1 的整数。');
    expect(usageError({ reports: 'htm' }).hint).toMatch(/^是不是想写 html？/);
    expect(usageError({ quiet: true, verbose: true }).message).toBe(
      '--quiet 和 --verbose 不能同时使用。',
    );
  });

  it('stays English when nothing asks for Chinese', () => {
    expect(() => resolveOptions({ timeout: 'soon' }, undefined, {})).toThrow(
      '--timeout: "soon" is not a duration.',
    );
  });
});
