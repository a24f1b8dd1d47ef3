/**
 * Whether a Bilibili upload is the YouTube video (or playlist) it claims to be: pure
 * comparisons of duration, parts, title and uploader, and the rule that makes evidence strong.
 *
 * | evidence                                                        | strength |
 * | --------------------------------------------------------------- | -------- |
 * | one video: duration within 2 s, and the titles match            | strong   |
 * | playlist: same part count, total duration within 1 %, titles match | strong |
 * | anything less (duration only, title only, an official channel)  | weak     |
 *
 * A same-title video of a different length is no mirror at all: it is left out, not weak.
 */
import type { Evidence } from '../evidence.js';
import type { EvidenceStrength } from '../finder.js';

/** What is known of the original on YouTube. */
export type OriginalVideo =
  | { kind: 'video'; title: string; author: string | undefined; durationSeconds: number }
  | {
      kind: 'playlist';
      title: string;
      author: string | undefined;
      partCount: number;
      totalSeconds: number;
    };

/** What the view API says of one Bilibili upload. */
export type BilibiliUpload = {
  bvid: string;
  title: string;
  uploader: string;
  durationSeconds: number;
  /** Durations of the parts (分P), in order; one entry for a single video. */
  partSeconds: readonly number[];
};

/** The comparison of one upload with the original. */
export type VideoMatch = {
  strength: EvidenceStrength;
  score: number;
  evidence: Evidence[];
  isOfficial: boolean;
  variant: string | undefined;
};

/** Seconds a re-upload may differ by: re-encoding trims or pads a frame or two. */
export const DURATION_TOLERANCE_SECONDS = 2;
/** A playlist's total may differ by this fraction (intros cut, parts re-encoded). */
export const TOTAL_DURATION_TOLERANCE = 0.01;
/** Normalised titles at least this similar match. */
export const TITLE_MATCH_THRESHOLD = 0.5;

/**
 * Compares an upload with the original, or undefined when it cannot be a copy: neither the
 * duration nor the parts agree (a same-title different video).
 */
export function matchUpload(
  original: OriginalVideo,
  upload: BilibiliUpload,
): VideoMatch | undefined {
  const evidence: Evidence[] = [];
  const similarity = titleSimilarity(original.title, upload.title, [
    original.author,
    upload.uploader,
  ]);
  const isTitleMatch = similarity >= TITLE_MATCH_THRESHOLD;
  const isDurationMatch = durationAgrees(original, upload, evidence);
  if (!isDurationMatch) return undefined;
  evidence.push({ kind: 'title', isMatch: isTitleMatch, percent: Math.round(similarity * 100) });
  const isOfficial = isOfficialUploader(original.author, upload.uploader);
  evidence.push({ kind: 'uploader', name: upload.uploader, isOfficial });
  const variant = variantOfTitle(upload.title);
  return {
    strength: isTitleMatch ? 'strong' : 'weak',
    score: (isTitleMatch ? 2 : 1) + similarity + (isOfficial ? 4 : 0),
    evidence,
    isOfficial,
    variant,
  };
}

function durationAgrees(
  original: OriginalVideo,
  upload: BilibiliUpload,
  evidence: Evidence[],
): boolean {
  switch (original.kind) {
    case 'video': {
      const difference = Math.abs(upload.durationSeconds - original.durationSeconds);
      if (difference > DURATION_TOLERANCE_SECONDS) return false;
      evidence.push({
        kind: 'duration',
        seconds: upload.durationSeconds,
        originalSeconds: original.durationSeconds,
      });
      return true;
    }
    case 'playlist': {
      const parts = upload.partSeconds.length;
      const total = upload.partSeconds.reduce((sum, seconds) => sum + seconds, 0);
      if (parts !== original.partCount || original.totalSeconds <= 0) return false;
      const drift = Math.abs(total - original.totalSeconds) / original.totalSeconds;
      if (drift > TOTAL_DURATION_TOLERANCE) return false;
      evidence.push({
        kind: 'parts',
        parts,
        seconds: total,
        originalVideos: original.partCount,
        originalSeconds: original.totalSeconds,
      });
      return true;
    }
    default:
      return original satisfies never;
  }
}

/** Bracketed tags re-uploaders add: 【中英字幕】, [1080P], (官方双语), 「熟肉」. */
const TAG_PATTERN = /【[^】]*】|\[[^\]]*\]|「[^」]*」|（[^）]*）|\([^)]*\)/g;
/** Episode markers: 第3集, P2, EP 4, #5, Part 1, 1/6. */
const EPISODE_PATTERN =
  /第\s*[0-9一二三四五六七八九十]+\s*[集期讲章节话p]|\b(?:ep|episode|part|p|chapter|lecture)\s*\.?\s*\d+\b|#\s*\d+|\b\d+\s*\/\s*\d+\b/gi;
const CJK = /[\u3400-\u9fff]/;

/**
 * The title reduced to what two uploads of one video share: lower case, without tags,
 * episode markers, channel names and punctuation.
 */
export function normaliseTitle(
  title: string,
  channelNames: readonly (string | undefined)[] = [],
): string {
  let text = title
    .normalize('NFKC')
    .replace(/<[^>]*>/g, '')
    .toLowerCase();
  text = text.replace(TAG_PATTERN, ' ').replace(EPISODE_PATTERN, ' ');
  for (const name of channelNames) {
    const channel = name?.normalize('NFKC').toLowerCase().replace(/官方$/, '').trim();
    if (channel !== undefined && channel.length > 0) text = text.split(channel).join(' ');
  }
  text = text.replace(/官方|中英字幕|中文字幕|双语字幕|中文配音|熟肉|生肉|搬运/g, ' ');
  return text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Latin words and CJK characters of a normalised title. */
function tokensOf(normalised: string): Set<string> {
  const tokens = new Set<string>();
  for (const word of normalised.split(' ')) {
    if (word === '') continue;
    if (CJK.test(word)) for (const character of word) tokens.add(character);
    else tokens.add(word);
  }
  return tokens;
}

/** Dice similarity (0..1) of the normalised titles' words (CJK: characters). */
export function titleSimilarity(
  a: string,
  b: string,
  channelNames: readonly (string | undefined)[] = [],
): number {
  const left = tokensOf(normaliseTitle(a, channelNames));
  const right = tokensOf(normaliseTitle(b, channelNames));
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const token of left) if (right.has(token)) shared += 1;
  return (2 * shared) / (left.size + right.size);
}

/** An uploader named after the original's author, like "3Blue1Brown官方" or the author itself. */
export function isOfficialUploader(author: string | undefined, uploader: string): boolean {
  if (author === undefined) return false;
  const compact = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  const name = compact(uploader);
  const original = compact(author);
  return original.length > 0 && (name === original || name === `${original}官方`);
}

/** Dubbed, subtitled or raw, as the title says; the roadmap's post cares which. */
export function variantOfTitle(title: string): string | undefined {
  if (/配音/.test(title)) return '中文配音 (dubbed)';
  if (/字幕|双语|熟肉/.test(title)) return '中文字幕 (subtitled)';
  if (/生肉/.test(title)) return '生肉 (raw, no subtitles)';
  return undefined;
}
