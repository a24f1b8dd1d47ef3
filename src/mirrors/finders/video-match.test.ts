import { describe, expect, it } from 'vitest';
import {
  isOfficialUploader,
  matchUpload,
  normaliseTitle,
  titleSimilarity,
  variantOfTitle,
  type BilibiliUpload,
  type OriginalVideo,
} from './video-match.js';

const video: OriginalVideo = {
  kind: 'video',
  title: 'But what is a neural network? | Deep learning chapter 1',
  author: '3Blue1Brown',
  durationSeconds: 1153,
};
const upload = (overrides: Partial<BilibiliUpload>): BilibiliUpload => ({
  bvid: 'BV1xx411c7mD',
  title: '【官方双语】But what is a neural network? Deep learning chapter 1',
  uploader: '3Blue1Brown官方',
  durationSeconds: 1152,
  partSeconds: [1152],
  ...overrides,
});

describe('matchUpload', () => {
  it.each([
    ['1 s shorter, same title, official', {}, 'strong', true],
    [
      '2 s longer, same title, another uploader',
      { durationSeconds: 1155, uploader: '搬运工' },
      'strong',
      false,
    ],
    ['same length, unrelated title', { title: '变压器讲座' }, 'weak', true],
  ] as const)('%s: %s', (_name, overrides, strength, isOfficial) => {
    expect(matchUpload(video, upload(overrides))).toMatchObject({ strength, isOfficial });
  });

  it('leaves out a same-title video of another length', () => {
    expect(matchUpload(video, upload({ durationSeconds: 1156 }))).toBeUndefined();
  });

  it('ranks an official upload above an equally good one', () => {
    const official = matchUpload(video, upload({}));
    const other = matchUpload(video, upload({ uploader: '搬运工' }));
    expect(official!.score).toBeGreaterThan(other!.score);
  });

  const playlist: OriginalVideo = {
    kind: 'playlist',
    title: 'Essence of linear algebra',
    author: '3Blue1Brown',
    partCount: 3,
    totalSeconds: 2100,
  };
  it.each([
    ['same parts, total within 1 %', [601, 699, 805], 'strong'],
    ['same parts, total 2 % off', [640, 700, 802], undefined],
    ['fewer parts', [1050, 1050], undefined],
  ] as const)('a playlist against an upload with %s', (_name, parts, strength) => {
    const match = matchUpload(
      playlist,
      upload({
        title: '线性代数的本质 Essence of linear algebra',
        durationSeconds: 0,
        partSeconds: parts,
      }),
    );
    expect(match?.strength).toBe(strength);
  });
});

describe('titles', () => {
  it('strips tags, episode numbers and the channel before comparing', () => {
    expect(
      normaliseTitle('【中英字幕】3Blue1Brown: Neural networks 第3集 [1080P]', ['3Blue1Brown']),
    ).toBe('neural networks');
    expect(titleSimilarity('Neural networks, EP 2', '【熟肉】neural networks P2')).toBe(1);
  });

  it.each([
    ['【中文配音】神经网络', '中文配音 (dubbed)'],
    ['【中英字幕】神经网络', '中文字幕 (subtitled)'],
    ['【生肉】Neural networks', '生肉 (raw, no subtitles)'],
    ['Neural networks', undefined],
  ])('reads the variant of %s', (title, variant) => {
    expect(variantOfTitle(title)).toBe(variant);
  });

  it.each([
    ['3Blue1Brown官方', true],
    ['3Blue1Brown', true],
    ['3Blue1Brown搬运', false],
  ])('%s is official: %s', (uploader, isOfficial) => {
    expect(isOfficialUploader('3Blue1Brown', uploader)).toBe(isOfficial);
  });
});
