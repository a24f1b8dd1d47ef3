/**
 * The reference texts of `curate mirrors`' table (mirrors/render.ts): per resource, what each
 * finder answered and the candidates ranked, then one summary line. zh-CN (mirrors-zh-CN.ts)
 * is typed against this. The finders' facts (mirrors/evidence.ts) are worded here; their
 * `detail` (why a search could not be made: an HTTP status, an API's code) comes in as data; the
 * standing and status words of mirrors.json stay English there.
 */
import type { TextsOf } from './catalog.js';
import type { CouldNotSearchReason } from '../mirrors/finder.js';
import type { MirrorStanding } from '../mirrors/schema.js';
import { formatNumber } from './format.js';
import { pluralForm } from '../text/plural.js';

const count = (value: number): string => formatNumber('en', value);

/** The words of each fact a finder reports; zh-CN gives the same functions. */
export type EvidenceText = {
  duration: (seconds: string, originalSeconds: string) => string;
  parts: (
    parts: number,
    seconds: string,
    originalVideos: number,
    originalSeconds: string,
  ) => string;
  titleMatches: (percent: number) => string;
  titleDiffers: (percent: number) => string;
  officialChannel: (name: string) => string;
  uploadedBy: (name: string) => string;
  descriptionNames: (name: string) => string;
  descriptionMatches: (percent: number) => string;
  pageNames: (name: string) => string;
  samePath: string;
};

// The sentences mirrors.json's `evidence` has always had: kept byte for byte.
const EVIDENCE_TEXT_EN: EvidenceText = {
  duration: (seconds, original) => `duration ${seconds} vs ${original} on YouTube`,
  parts: (parts, seconds, videos, original) =>
    `${parts} parts, ${seconds} in all vs ${videos} videos, ${original} on YouTube`,
  titleMatches: (percent) => `title matches (${percent}%)`,
  titleDiffers: (percent) => `title differs (${percent}% similar)`,
  officialChannel: (name) => `official channel ${name}`,
  uploadedBy: (name) => `uploaded by ${name}`,
  descriptionNames: (name) => `Gitee's description names ${name}`,
  descriptionMatches: (percent) => `description matches GitHub's (${percent}%)`,
  pageNames: (name) => `hf-mirror.com's page names ${name}`,
  samePath: 'hf-mirror.com answers the same path',
};

export const MIRRORS_TEXT_EN = {
  nothingToFind: 'No resource needs a VPN without a confirmed mirror open there: nothing to find.',
  /** `region` is the region's name (regionName), `url` the original's. */
  resourceHeading: (resourceId: string, region: string, url: string) =>
    `${resourceId} (VPN-only in ${region}): ${url}`,
  couldNotSearch: (finder: string, reason: string, detail: string) =>
    `${finder}: could not search: ${reason} (${detail})`,
  couldNotSearchReason: {
    'rate-limited': 'rate-limited',
    blocked: 'blocked',
    'changed-api': 'the API changed',
    unreachable: 'unreachable',
  } satisfies Readonly<Record<CouldNotSearchReason, string>>,
  /**
   * `host` is the original's, a platform curate knows no stable mirror of (mirrors.json keeps
   * the finder's English `detail`).
   */
  noStableMirror: (finder: string, host: string) =>
    `${finder}: no stable mirror: ${host} has none, and curate proposes no proxy`,
  noCopyMatched: (finder: string) => `${finder}: searched, no copy matched`,
  column: { standing: 'standing', url: 'url', evidence: 'evidence' },
  standing: {
    'matched-by-evidence': 'matched by evidence',
    suggestion: 'suggestion',
    rejected: 'rejected',
  } satisfies Readonly<Record<MirrorStanding, string>>,
  /** Why a rejected candidate is: its check's status and reason labels (catalog.status/reason). */
  checkSaid: (status: string, reason: string | undefined) =>
    `check said ${status}${reason === undefined ? '' : ` (${reason})`}`,
  /** `access` is the access label (catalog.access), e.g. "needs a VPN". */
  notOpenIn: (region: string, access: string) => `not open in ${region} (${access})`,
  /** Between the variant, the evidence and the rejection in the evidence column. */
  evidenceSeparator: '; ',
  summary: (resources: number, matched: number, blocked: number) =>
    `${count(resources)} ${pluralForm(resources, 'resource')} ${pluralForm(resources, 'needs', 'need')} a mirror: ` +
    `${count(matched)} matched by evidence` +
    (blocked > 0 ? `, ${count(blocked)} with a search that could not be made` : '') +
    '.',
  /** A finder's facts (mirrors/evidence.ts); durations come formatted (`19:12`). */
  evidence: EVIDENCE_TEXT_EN,
} as const;

/** The shape every language's mirrors texts have: en's keys, strings widened. */
export type MirrorsText = TextsOf<typeof MIRRORS_TEXT_EN>;
