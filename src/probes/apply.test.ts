import { describe, expect, it } from 'vitest';
import type { Classification } from '../classify/classify.js';
import { applyProbe, applyProbeVerdict } from './apply.js';
import type { ProbeVerdict } from './probe.js';

const ok: Classification = {
  outcome: { status: 'ok', reason: 'ok', httpStatus: 200 },
  pageTitle: 'YouTube',
};
const wall: Classification = {
  outcome: { status: 'unverified', reason: 'bot-wall', httpStatus: 429 },
  pageTitle: undefined,
};
const gone: Classification = {
  outcome: { status: 'broken', reason: 'http-404', httpStatus: 404 },
  pageTitle: undefined,
};
const removed: ProbeVerdict = {
  kind: 'outcome',
  outcome: { status: 'broken', reason: 'video-removed', detail: 'oEmbed answered 404' },
};

describe('applyProbeVerdict', () => {
  it.each<[string, Classification, ProbeVerdict | undefined, Classification]>([
    ['no probe applies', ok, undefined, ok],
    [
      'a removed video behind a 200 page becomes broken',
      ok,
      removed,
      { outcome: removed.outcome, pageTitle: 'YouTube' },
    ],
    [
      'a confirmed video keeps ok and takes the platform title',
      ok,
      { kind: 'confirmed', title: 'Let us build GPT' },
      { outcome: ok.outcome, pageTitle: 'Let us build GPT' },
    ],
    [
      'a confirmed video behind a bot wall is ok',
      wall,
      { kind: 'confirmed', title: 'Essence of linear algebra' },
      {
        outcome: { status: 'ok', reason: 'ok', httpStatus: 429 },
        pageTitle: 'Essence of linear algebra',
      },
    ],
    [
      'an inconclusive probe leaves the HTTP answer',
      ok,
      { kind: 'inconclusive', detail: '-412' },
      ok,
    ],
    ['a page that is already 404 stays as it is', gone, removed, gone],
  ])('%s', (_name, classification, verdict, expected) => {
    expect(applyProbeVerdict(classification, verdict)).toEqual(expected);
  });
});

describe('applyProbeVerdict with the watch page read', () => {
  const removedPage =
    '<script>var ytInitialPlayerResponse = {"playabilityStatus":{"status":"ERROR","reason":"Video unavailable"}};</script>';
  const playablePage =
    '<script>var ytInitialPlayerResponse = {"playabilityStatus":{"status":"OK"}};</script>';

  it('confirms an oEmbed removal with the player status', () => {
    const { outcome } = applyProbeVerdict(ok, removed, removedPage);
    expect(outcome).toEqual({
      status: 'broken',
      reason: 'video-removed',
      detail: 'oEmbed answered 404; the watch page says Video unavailable',
    });
  });

  it('stands in for a rate-limited oEmbed call when the player says ERROR', () => {
    const { outcome } = applyProbeVerdict(
      ok,
      { kind: 'inconclusive', detail: 'HTTP 429' },
      removedPage,
    );
    expect(outcome).toMatchObject({ status: 'broken', reason: 'video-removed' });
  });

  it('leaves a playable page to the probe', () => {
    expect(
      applyProbeVerdict(ok, { kind: 'inconclusive', detail: 'HTTP 429' }, playablePage),
    ).toEqual(ok);
  });
});

describe('applyProbe', () => {
  const archived = { kind: 'archived', platform: 'github' } as const;
  const confirmedArchived: ProbeVerdict = {
    kind: 'confirmed',
    title: undefined,
    findings: [archived],
  };

  it('keeps the verdict findings beside the outcome', () => {
    expect(applyProbe(ok, confirmedArchived)).toEqual({ ...ok, findings: [archived] });
    const unprobed = { kind: 'unprobed', platform: 'github' } as const;
    // An inconclusive verdict leaves the outcome, but still says why the platform was not asked.
    expect(
      applyProbe(wall, { kind: 'inconclusive', detail: 'quota', findings: [unprobed] }),
    ).toEqual({ ...wall, findings: [unprobed] });
  });

  it('adds nothing to a page that was already final, nor without findings', () => {
    expect(applyProbe(gone, confirmedArchived)).toEqual(gone);
    expect(applyProbe(ok, { kind: 'confirmed', title: undefined })).toEqual(ok);
  });
});
