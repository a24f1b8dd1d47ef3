import { describe, expect, it } from 'vitest';
import { addMirrors, confirmMirror, type MirrorAddition } from './add-mirrors.js';

const base = `version: 1
title: t
sections:
  - id: '1'
    title: s
    resources:
      - id: listed
        title: x
        url: https://www.youtube.com/watch?v=aaaaaaaaaaa
        kind: video
        mirrors:
          - url: https://www.bilibili.com/video/BV1xx411c7mD
            platform: bilibili
            confirmed: false # looked at later
      - { id: flow, title: y, url: 'https://www.youtube.com/watch?v=bbbbbbbbbbb', kind: video }
      - id: bare
        title: z
        kind: video
        url: "https://www.youtube.com/watch?v=ccccccccccc"
`;

const addition = (
  resourceId: string,
  url = 'https://www.bilibili.com/video/BV1new411c7mD',
): MirrorAddition => ({
  resourceId,
  url,
  platform: 'bilibili',
  note: '中文字幕 (subtitled); found by curate mirrors: duration 1:00 vs 1:00',
});

describe('addMirrors', () => {
  it('appends to a mirrors list and starts one, changing no other byte', () => {
    const result = addMirrors(base, [addition('listed'), addition('bare')]);
    expect(result.text).toBe(
      base
        .replace(
          'confirmed: false # looked at later\n',
          `confirmed: false # looked at later
          - url: https://www.bilibili.com/video/BV1new411c7mD
            platform: bilibili
            note: "中文字幕 (subtitled); found by curate mirrors: duration 1:00 vs 1:00"
            confirmed: false
            evidence: strong
`,
        )
        .replace(
          'url: "https://www.youtube.com/watch?v=ccccccccccc"\n',
          `url: "https://www.youtube.com/watch?v=ccccccccccc"
        mirrors:
          - url: https://www.bilibili.com/video/BV1new411c7mD
            platform: bilibili
            note: "中文字幕 (subtitled); found by curate mirrors: duration 1:00 vs 1:00"
            confirmed: false
            evidence: strong
`,
        ),
    );
    expect(result.skipped).toEqual([]);
  });

  it.each([
    ['flow', addition('flow'), 'flow-style'],
    [
      'already listed',
      addition('listed', 'https://www.bilibili.com/video/BV1xx411c7mD'),
      'already-listed',
    ],
    ['unknown id', addition('nope'), 'no-resource'],
  ] as const)('skips %s', (_name, skipped, reason) => {
    const result = addMirrors(base, [skipped]);
    expect(result.text).toBe(base);
    expect(result.skipped).toEqual([{ addition: skipped, reason }]);
  });
});

describe('confirmMirror', () => {
  it('rewrites only the false of the first unconfirmed mirror', () => {
    const result = confirmMirror(base, 'listed', undefined);
    expect(result).toMatchObject({
      kind: 'confirmed',
      url: 'https://www.bilibili.com/video/BV1xx411c7mD',
      line: 14,
    });
    expect(result.kind === 'confirmed' && result.text).toBe(
      base.replace('confirmed: false # looked', 'confirmed: true # looked'),
    );
  });

  it.each([
    ['nope', undefined, 'no-resource'],
    ['bare', undefined, 'nothing-to-confirm'],
    ['listed', 'https://elsewhere.test/', 'nothing-to-confirm'],
  ] as const)('%s (url %s): %s', (id, url, kind) => {
    expect(confirmMirror(base, id, url)).toEqual({ kind });
  });
});
