/**
 * The one model of what a check means for a learner: a zod union by `status`, each status's
 * `reason` an enum, and each group of reasons carrying the fields it needs (a reason read from
 * an HTTP answer has its `httpStatus`, a permanent move its `finalUrl`). The TypeScript types
 * are inferred from it, so a renamed reason breaks the build wherever it is used, and the same
 * schema validates report entries, observations, cache and history records.
 */
import { z } from 'zod';

/** The report's status words, in the order the report lists them. */
export const STATUSES = [
  'ok',
  'redirected',
  'broken',
  'unreachable',
  'unverified',
  'skipped',
] as const;
export type Status = (typeof STATUSES)[number];

/** The reasons of an `ok`: a 2xx, a 2xx after a temporary redirect, or a code the maintainer accepts. */
export const OK_REASONS = ['ok', 'temporary-redirect', 'accepted'] as const;
/** Broken by the server's own answer: the status code or the page it served. */
export const BROKEN_HTTP_REASONS = [
  'http-404',
  'http-410',
  'http-client-error',
  'soft-404',
  'missing-fragment',
  'parked-domain',
  'redirected-to-home',
] as const;
/** Broken without a page: the name is gone or the redirect chain never ends. */
export const BROKEN_TRANSPORT_REASONS = [
  'nxdomain',
  'too-many-redirects',
  'redirect-loop',
] as const;
/** Broken by a platform's word (a probe), not by the page's status code. */
export const BROKEN_PLATFORM_REASONS = [
  'video-removed',
  'content-removed',
  'part-missing',
  'notebook-missing',
  /** GitHub or Hugging Face: no such repository (deleted, or private to the checker). */
  'repo-missing',
  /** GitHub: the repository lives, but the file or folder is gone from that ref. */
  'path-missing',
  /** GitHub or Hugging Face: the platform disabled the repository. */
  'repo-disabled',
  /** GitHub 451: access blocked for legal reasons (a DMCA takedown); `detail` says which. */
  'repo-blocked',
  /** arXiv: no paper has this id. */
  'paper-missing',
] as const;
/** Down for now because of the server's answer (a 5xx after the retries). */
export const UNREACHABLE_HTTP_REASONS = ['server-error'] as const;
/** Down for now because of the transport (or a 407/408/odd 3xx, which then keep their code). */
export const UNREACHABLE_TRANSPORT_REASONS = [
  'timeout',
  'refused',
  'reset',
  'tls',
  'dns-temporary',
  'proxy',
  'network-error',
] as const;
/** Unverified because of what the server answered (a wall or a refusal, with its code). */
export const UNVERIFIED_HTTP_REASONS = [
  'bot-wall',
  'rate-limited',
  'auth-required',
  'forbidden',
  'unavailable-in-region',
] as const;
/** Unverified by a page or a platform's word (a probe may say it without any status code). */
export const UNVERIFIED_PLATFORM_REASONS = [
  'login-wall',
  'video-private',
  'embedding-disabled',
  'under-review',
  'scheduled',
  'content-moved',
] as const;
/** Never fetched, or nothing to say about the URL itself. */
export const SKIP_REASONS = [
  'excluded',
  'no-url',
  'unsupported-scheme',
  'offline',
  'network-down',
  'private-address',
  /** The check was in flight when the run was interrupted (Ctrl-C): started, never finished. */
  'interrupted',
  /** The run was interrupted before this check started: nothing was asked. */
  'not-started',
] as const;

const httpStatus = z.number().int();
/** A human explanation where the reason alone is not enough. */
const detail = z.string().optional();
/** The Node/undici error code of a transport failure, e.g. `ECONNREFUSED`, where known. */
const errorCode = z.string().optional();
/**
 * The wait, in whole seconds, that the server's last answer asked for in `Retry-After` (a 429
 * or a 503): when it is longer than curate waits, the link is reported at once with it.
 */
const retryAfterSeconds = z.number().int().nonnegative().optional();

/** An `ok` outcome: the cache keeps nothing else. */
export const OkOutcomeSchema = z.strictObject({
  status: z.literal('ok'),
  reason: z.enum(OK_REASONS),
  httpStatus,
});

const RedirectedOutcomeSchema = z.strictObject({
  status: z.literal('redirected'),
  reason: z.literal('permanent-redirect'),
  httpStatus,
  /** The URL to use instead: where the chain of permanent moves ended. */
  finalUrl: z.string(),
});

/** A permanent move to `finalUrl`, as the redirect chain or a platform's own word says it. */
export function permanentMove(httpStatus: number, finalUrl: string): OutcomeOf<'redirected'> {
  return { status: 'redirected', reason: 'permanent-redirect', httpStatus, finalUrl };
}

const BrokenOutcomeSchema = z.discriminatedUnion('reason', [
  z.strictObject({
    status: z.literal('broken'),
    reason: z.enum(BROKEN_HTTP_REASONS),
    httpStatus,
    detail,
  }),
  z.strictObject({
    status: z.literal('broken'),
    reason: z.enum(BROKEN_TRANSPORT_REASONS),
    /** The last hop's code, for a chain that never ended. */
    httpStatus: httpStatus.optional(),
    errorCode,
    detail,
  }),
  z.strictObject({
    status: z.literal('broken'),
    reason: z.enum(BROKEN_PLATFORM_REASONS),
    // A page-reading probe (WeChat, Zhihu) keeps the code of the page whose words it read.
    httpStatus: httpStatus.optional(),
    detail,
  }),
  /**
   * A redirect to a scheme no browser follows from a web page (`file:`, `javascript:`, `data:`,
   * `ftp:` …): never followed, and the link's own fault. `httpStatus` is the redirect's code.
   */
  z.strictObject({
    status: z.literal('broken'),
    reason: z.literal('unsupported-redirect'),
    /** The scheme the Location named, without its colon, e.g. `file`. */
    scheme: z.string(),
    httpStatus: httpStatus.optional(),
    detail,
  }),
  /** A URL that cannot be parsed: never requested, and `detail` says what is wrong with it. */
  z.strictObject({
    status: z.literal('broken'),
    reason: z.literal('invalid-url'),
    detail: z.string(),
  }),
]);

const UnreachableOutcomeSchema = z.discriminatedUnion('reason', [
  z.strictObject({
    status: z.literal('unreachable'),
    reason: z.enum(UNREACHABLE_HTTP_REASONS),
    httpStatus,
    retryAfterSeconds,
    detail,
  }),
  z.strictObject({
    status: z.literal('unreachable'),
    reason: z.enum(UNREACHABLE_TRANSPORT_REASONS),
    httpStatus: httpStatus.optional(),
    errorCode,
    detail,
  }),
]);

const UnverifiedOutcomeSchema = z.discriminatedUnion('reason', [
  z.strictObject({
    status: z.literal('unverified'),
    reason: z.enum(UNVERIFIED_HTTP_REASONS),
    httpStatus,
    retryAfterSeconds,
    detail,
  }),
  z.strictObject({
    status: z.literal('unverified'),
    reason: z.enum(UNVERIFIED_PLATFORM_REASONS),
    httpStatus: httpStatus.optional(),
    detail,
  }),
]);

const SkippedOutcomeSchema = z.strictObject({
  status: z.literal('skipped'),
  reason: z.enum(SKIP_REASONS),
  detail,
});

/** What a check means for the learner; every planned link yields exactly one. */
export const CheckOutcomeSchema = z.discriminatedUnion('status', [
  OkOutcomeSchema,
  RedirectedOutcomeSchema,
  BrokenOutcomeSchema,
  UnreachableOutcomeSchema,
  UnverifiedOutcomeSchema,
  SkippedOutcomeSchema,
]);

/**
 * What an outcome means for the learner. `status` is the report's word; `reason` says why, for
 * people and for `--fail-on`.
 */
export type CheckOutcome = z.infer<typeof CheckOutcomeSchema>;

/** The outcome of one status. */
export type OutcomeOf<S extends Status> = Extract<CheckOutcome, { status: S }>;
/** The reasons of one status. */
export type ReasonOf<S extends Status> = OutcomeOf<S>['reason'];

export type OkReason = ReasonOf<'ok'>;
export type BrokenReason = ReasonOf<'broken'>;
export type UnreachableReason = ReasonOf<'unreachable'>;
export type UnverifiedReason = ReasonOf<'unverified'>;
export type SkipReason = ReasonOf<'skipped'>;
/** Any reason word of any status. */
export type Reason = CheckOutcome['reason'];

/** Every reason of every status, in report order: the vocabulary of `--fail-on` and the README. */
export const REASONS_BY_STATUS = {
  ok: OK_REASONS,
  redirected: ['permanent-redirect'],
  broken: [
    ...BROKEN_HTTP_REASONS,
    ...BROKEN_TRANSPORT_REASONS,
    ...BROKEN_PLATFORM_REASONS,
    'unsupported-redirect',
    'invalid-url',
  ],
  unreachable: [...UNREACHABLE_HTTP_REASONS, ...UNREACHABLE_TRANSPORT_REASONS],
  unverified: [...UNVERIFIED_HTTP_REASONS, ...UNVERIFIED_PLATFORM_REASONS],
  skipped: SKIP_REASONS,
} as const satisfies { readonly [S in Status]: readonly ReasonOf<S>[] };

/** Broken reasons read from an HTTP answer (they carry its `httpStatus`). */
export type BrokenHttpReason = (typeof BROKEN_HTTP_REASONS)[number];
/** Broken reasons a platform gives (a probe). */
export type BrokenPlatformReason = (typeof BROKEN_PLATFORM_REASONS)[number];
/** Broken reasons of a transport failure. */
export type BrokenTransportReason = (typeof BROKEN_TRANSPORT_REASONS)[number];
/** Unreachable reasons of a transport failure (some also come from a 407 or 408). */
export type UnreachableTransportReason = (typeof UNREACHABLE_TRANSPORT_REASONS)[number];
/** Unverified reasons read from an HTTP answer (they carry its `httpStatus`). */
export type UnverifiedHttpReason = (typeof UNVERIFIED_HTTP_REASONS)[number];
/** Unverified reasons a page or a platform gives, with or without a status code. */
export type UnverifiedPlatformReason = (typeof UNVERIFIED_PLATFORM_REASONS)[number];
