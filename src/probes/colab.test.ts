import { describe, expect, it } from 'vitest';
import { fakeProbeFetch } from '../../test/helpers/fake-probe-fetch.js';
import { colabProbe, parseColabUrl, readSourceVerdict, sourceCheckUrl } from './colab.js';
import type { ProbeResponse } from './probe.js';

const NOTEBOOK =
  'https://colab.research.google.com/github/mlabonne/llm-course/blob/main/Fine_tune_Llama_2_in_Google_Colab.ipynb';
const RAW =
  'https://raw.githubusercontent.com/mlabonne/llm-course/main/Fine_tune_Llama_2_in_Google_Colab.ipynb';
const DRIVE_ID = '1Xu0BrCB7IShwSWKVcfAfhehwjDrDMH5m';

function answer(status: number, finalUrl: string, body = ''): ProbeResponse {
  return { kind: 'response', status, finalUrl, body, contentType: 'text/plain' };
}

describe('parseColabUrl', () => {
  it.each([
    [NOTEBOOK, RAW],
    [
      'https://colab.research.google.com/github/huggingface/notebooks/blob/main/course/zh-CN/chapter1/section3.ipynb#scrollTo=x',
      'https://raw.githubusercontent.com/huggingface/notebooks/main/course/zh-CN/chapter1/section3.ipynb',
    ],
    [
      'https://colab.research.google.com/gist/mlabonne/a1b2c3d4e5f6/nanogpt.ipynb',
      'https://gist.github.com/mlabonne/a1b2c3d4e5f6',
    ],
    [
      `https://colab.research.google.com/drive/${DRIVE_ID}?usp=sharing`,
      `https://drive.google.com/file/d/${DRIVE_ID}/view`,
    ],
  ])('%s is checked at %s', (input, checked) => {
    const source = parseColabUrl(new URL(input));
    expect(source).toBeDefined();
    expect(sourceCheckUrl(source!).href).toBe(checked);
  });

  it.each([
    'https://colab.research.google.com/',
    'https://colab.research.google.com/notebooks/intro.ipynb',
    'https://colab.research.google.com/github/owner/repo',
    'https://colab.research.google.com/github/owner/repo/tree/main/x.ipynb',
    'https://colab.research.google.com/github/owner/repo/blob/main',
    'https://colab.research.google.com/drive/short',
    'https://colab.research.google.com/gist/user',
    'https://github.com/owner/repo/blob/main/x.ipynb',
  ])('does not apply to %s', (input) => {
    expect(parseColabUrl(new URL(input))).toBeUndefined();
    expect(colabProbe.match(new URL(input))).toBeUndefined();
  });
});

describe('readSourceVerdict', () => {
  const github = parseColabUrl(new URL(NOTEBOOK))!;
  const drive = parseColabUrl(new URL(`https://colab.research.google.com/drive/${DRIVE_ID}`))!;
  const driveView = `https://drive.google.com/file/d/${DRIVE_ID}/view`;

  it('confirms a notebook GitHub serves', () => {
    expect(readSourceVerdict(github, answer(200, RAW, '{"cells": []}'))).toEqual({
      kind: 'confirmed',
      title: undefined,
    });
  });

  it('calls the Colab link broken when GitHub has no such file, naming the GitHub URL', () => {
    expect(readSourceVerdict(github, answer(404, RAW, '404: Not Found'))).toEqual({
      kind: 'outcome',
      outcome: {
        status: 'broken',
        reason: 'notebook-missing',
        detail:
          'the notebook this Colab link opens is gone: https://github.com/mlabonne/llm-course/blob/main/Fine_tune_Llama_2_in_Google_Colab.ipynb (raw.githubusercontent.com answered 404)',
      },
    });
  });

  it.each<[string, ProbeResponse]>([
    ['rate limited', answer(429, RAW)],
    ['forbidden', answer(403, RAW)],
    ['a server error', answer(503, RAW)],
    ['a network failure', { kind: 'failure', reason: 'timeout' }],
  ])('is inconclusive when GitHub is %s', (_name, response) => {
    expect(readSourceVerdict(github, response).kind).toBe('inconclusive');
  });

  it("calls a Drive notebook broken only on Drive's own 404", () => {
    expect(readSourceVerdict(drive, answer(404, driveView))).toMatchObject({
      outcome: {
        status: 'broken',
        reason: 'notebook-missing',
        detail: `the notebook this Colab link opens is gone: ${driveView}`,
      },
    });
    expect(readSourceVerdict(drive, answer(200, driveView)).kind).toBe('confirmed');
  });

  it.each([
    [
      'the sign-in page (a private file)',
      'https://accounts.google.com/v3/signin/identifier?continue=x',
      200,
    ],
    ['a 404 from somewhere else', 'https://accounts.google.com/ServiceLogin', 404],
  ])('leaves a Drive notebook as it is when Drive sends the checker to %s', (_name, at, status) => {
    expect(readSourceVerdict(drive, answer(status, at)).kind).toBe('inconclusive');
  });
});

describe('colabProbe.run', () => {
  it('asks raw.githubusercontent.com once for two links to one notebook', async () => {
    const { fetch, requested } = fakeProbeFetch({ [RAW]: answer(404, RAW) });
    const first = colabProbe.match(new URL(NOTEBOOK))!;
    const second = colabProbe.match(new URL(`${NOTEBOOK}#scrollTo=abc`))!;
    expect(second.key).toBe(first.key);
    const verdict = await colabProbe.run(first, fetch);
    expect(verdict).toMatchObject({ outcome: { reason: 'notebook-missing' } });
    expect(requested).toEqual([RAW]);
  });
});
