/**
 * Downloads a small text file (a `--region-rules` list) over the run's transport, with the same
 * safety as every check: private targets refused, redirects bounded, the body capped.
 */
import { InputError, wholeFileProblem } from '../errors.js';
import { regionRulesTextOf, type Lang } from '../i18n/index.js';
import type { Dispatcher } from 'undici';
import { fetchTarget, type FetchSettings } from './http-client.js';

/** gfwlist is ~200 KB base64; anything near this cap is not a rules list. */
export const MAX_RULES_BYTES = 8 * 1024 * 1024;

/**
 * Fetches `url` and returns its text; anything but a 2xx text answer is an input error, worded
 * in `lang` (the status code, failure reason and system message stay as given).
 */
export async function downloadText(
  url: URL,
  settings: FetchSettings,
  dispatcher: Dispatcher,
  lang?: Lang,
): Promise<string> {
  // Without a language the error carries none, so the labels around it follow the command line.
  const words = regionRulesTextOf(lang ?? 'en');
  const outcome = await fetchTarget(
    url,
    { ...settings, maxBodyBytes: MAX_RULES_BYTES, followMetaRefresh: false, readWholeBody: true },
    { dispatcher },
  );
  const problem = (message: string) =>
    new InputError(
      words.cannotDownload(url.href),
      [wholeFileProblem(url.href, message, words.cannotDownloadHint)],
      { lang },
    );
  switch (outcome.kind) {
    case 'response':
      if (outcome.status < 200 || outcome.status > 299)
        throw problem(`HTTP ${String(outcome.status)}`);
      if (outcome.body === undefined) throw problem(words.notTextFile(outcome.contentType));
      return outcome.body;
    case 'network-failure':
      throw problem(`${outcome.failure.reason}: ${outcome.failure.message}`);
    case 'timeout':
      throw problem(words.downloadTimedOut(outcome.phase));
  }
}
