/**
 * What the tests of the commands' errors in zh-CN and en share: an io that keeps stderr, the
 * error a command throws in each language, and what a person is told about an error.
 */
import { CurateError } from '../../src/errors.js';
import type { Lang } from '../../src/i18n/index.js';
import type { CommandIo } from '../../src/commands/io.js';

/** A roadmap with one section ('1') and one resource ('a'). */
export const ONE_RESOURCE_ROADMAP = `version: 1
title: t
sections:
  - id: '1'
    title: s
    resources:
      - id: a
        title: A
        url: https://example.com/a
        kind: article
`;

/** A command's io in `cwd` and `lang`, with no environment; `err()` is what it wrote on stderr. */
export function captureIoIn(cwd: string, lang: Lang): CommandIo & { err: () => string } {
  let err = '';
  return {
    stdout: { write: () => true },
    stderr: { write: (text: string) => (err += text) },
    env: {},
    cwd,
    toolVersion: 'test',
    interruptSignal: new AbortController().signal,
    lang,
    err: () => err,
  };
}

/** What one command throws in Chinese and in English, to compare the two wordings. */
export async function errorsInBothLanguagesIn(
  cwd: string,
  command: (io: CommandIo) => Promise<unknown>,
): Promise<{ zh: unknown; en: unknown }> {
  const thrown = (lang: Lang) =>
    command(captureIoIn(cwd, lang)).then(
      () => undefined,
      (error: unknown) => error,
    );
  return { zh: await thrown('zh-CN'), en: await thrown('en') };
}

/** What `run` throws, or `undefined` when it returns: sync or async. */
export async function caught(run: () => unknown): Promise<unknown> {
  try {
    await run();
    return undefined;
  } catch (error) {
    return error;
  }
}

/** What a person is told about `error`, and the exit code: to compare with what is meant. */
export function usageOf(error: unknown): Record<string, unknown> {
  if (!(error instanceof CurateError)) return { name: 'not a curate error', error };
  const { name, lang, exitCode, message, hint } = error;
  return { name, lang, exitCode, message, hint };
}
