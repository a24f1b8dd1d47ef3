/**
 * Validators of platform API answers (GitHub's ETags), kept in the `--cache` file so that a
 * re-run asks with `If-None-Match` and a `304 Not Modified`, which GitHub does not count against
 * the hourly quota, stands for the answer it validated. Only what a probe reads of the answer
 * is kept, never a whole API body.
 */
import { z } from 'zod';

/** One API URL's last answer: its ETag and the part of its body the probe reads. */
export const ApiValidatorSchema = z.strictObject({
  etag: z.string(),
  body: z.string(),
  /** ISO time of the answer. */
  checkedAt: z.iso.datetime(),
});
export type ApiValidator = z.infer<typeof ApiValidatorSchema>;

/** The run's validators by API URL: read at the start, added to as answers arrive. */
export type ApiValidators = {
  get(url: string): ApiValidator | undefined;
  set(url: string, validator: ApiValidator): void;
  /** Every validator, for writing the cache back. */
  entries(): Readonly<Record<string, ApiValidator>>;
};

/** A store over the validators a cache file held (none for a new cache). */
export function createApiValidators(
  initial: Readonly<Record<string, ApiValidator>> = {},
): ApiValidators {
  const byUrl = new Map(Object.entries(initial));
  return {
    get: (url) => byUrl.get(url),
    set: (url, validator) => {
      byUrl.set(url, validator);
    },
    entries: () => Object.fromEntries(byUrl),
  };
}
