/**
 * Downloads a small text file (a `--region-rules` list) over the run's transport, with the same
 * safety as every check: private targets refused, redirects bounded, the body capped.
 */
import { InputError, wholeFileProblem } from '../errors.js';
import type { Dispatcher } from 'undici';
import { fetchTarget, type FetchSettings } from './http-client.js';

/** gfwlist is ~200 KB base64; anything near this cap is not a rules list. */
export const MAX_RULES_BYTES = 8 * 1024 * 1024;

/** Fetches `url` and returns its text; anything but a 2xx text answer is an input error. */
export async function downloadText(
  url: URL,
  settings: FetchSettings,
  dispatcher: Dispatcher,
): Promise<string> {
  const outcome = await fetchTarget(
    url,
    { ...settings, maxBodyBytes: MAX_RULES_BYTES, followMetaRefresh: false, readWholeBody: true },
    { dispatcher },
  );
  const problem = (message: string) =>
    new InputError(`cannot download ${url.href}`, [
      wholeFileProblem(url.href, message, 'Download it by hand and pass the file instead.'),
    ]);
  switch (outcome.kind) {
    case 'response':
      if (outcome.status < 200 || outcome.status > 299)
        throw problem(`HTTP ${String(outcome.status)}`);
      if (outcome.body === undefined)
        throw problem(`not a text file (${outcome.contentType ?? 'no content type'})`);
      return outcome.body;
    case 'network-failure':
      throw problem(`${outcome.failure.reason}: ${outcome.failure.message}`);
    case 'timeout':
      throw problem(`timed out (${outcome.phase})`);
  }
}
