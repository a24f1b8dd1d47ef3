import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { resolveOptions, type CurateFlags } from '../options.js';
import { resolveLang } from './lang.js';

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

  it('says what is wrong with --fail-on, --shard and --lang in Chinese', () => {
    const status = usageError({ failOn: 'brokn' });
    expect(status.message).toBe('--fail-on：“brokn”既不是状态词，也不是提醒类型。');
    expect(status.hint).toMatch(/^是不是想写 broken？可以用 ok, /);
    const reason = usageError({ failOn: 'unverified:bot-wal' });
    expect(reason.message).toBe('--fail-on：“bot-wal”不是 unverified 的原因。');
    expect(reason.hint).toMatch(/^是不是想写 unverified:bot-wall？unverified 的原因有：/);
    const shard = usageError({ shard: '5/4' });
    expect(shard.message).toBe('--shard “5/4”：一共只有 4 个分片，没有第 5 个。');
    expect(shard.hint).toBe('写成 i/n，其中 1 <= i <= n，例如 --shard 2/4');
    expect(usageError({ shard: 'two' }).message).toBe('--shard “two”不是 i/n 的形式。');
    // --lang itself is what is wrong, so the locale chooses the language of the complaint.
    expect(() => resolveLang({ flag: 'fr', env: { LANG: 'zh_CN.UTF-8' } })).toThrow(
      '--lang：“fr”不是可选值之一（en, zh-CN）。',
    );
  });

  it('stays English when nothing asks for Chinese', () => {
    expect(() => resolveOptions({ failOn: 'brokn' }, undefined, {})).toThrow(
      '--fail-on: "brokn" is not a status word or a finding.',
    );
    expect(() => resolveOptions({ shard: '5/4' }, undefined, {})).toThrow(
      '--shard "5/4": shard 5 does not exist among 4.',
    );
    expect(() => resolveLang({ flag: 'fr', env: {} })).toThrow(
      '--lang: "fr" is not one of en, zh-CN.',
    );
    expect(() => resolveOptions({ timeout: 'soon' }, undefined, {})).toThrow(
      '--timeout: "soon" is not a duration.',
    );
  });
});
