import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPlayabilityStatus, type PlayabilityStatus } from './youtube-playability.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../../test/fixtures/probes/${name}`, import.meta.url), 'utf8');
}

/** A watch page's script with the given player response. */
function page(playerResponse: string): string {
  return `<html><body><script>var ytInitialPlayerResponse = ${playerResponse};var meta = 1;</script></body></html>`;
}

describe('readPlayabilityStatus', () => {
  it('reads ERROR "Video unavailable" from a removed video\'s watch page', () => {
    expect(readPlayabilityStatus(fixture('youtube-watch-removed.html'))).toEqual({
      status: 'ERROR',
      reason: 'Video unavailable',
    });
  });

  it.each<[string, string, PlayabilityStatus | undefined]>([
    [
      'a playable video',
      page(
        '{"playabilityStatus":{"status":"OK","playableInEmbed":true},"videoDetails":{"title":"x"}}',
      ),
      { status: 'OK' },
    ],
    [
      'a private video',
      page('{"playabilityStatus":{"status":"LOGIN_REQUIRED","reason":"This video is private"}}'),
      { status: 'LOGIN_REQUIRED', reason: 'This video is private' },
    ],
    [
      'escapes and braces inside strings',
      page(
        '{"playabilityStatus":{"status":"UNPLAYABLE","reason":"Not \\"here\\" {yet}","messages":["}"]}}',
      ),
      { status: 'UNPLAYABLE', reason: 'Not "here" {yet}' },
    ],
    [
      'spaces around the colon',
      page('{"playabilityStatus" : {"status":"ERROR","reason":"Video unavailable"}}'),
      { status: 'ERROR', reason: 'Video unavailable' },
    ],
    [
      'a page cut off by the body cap inside the object',
      '<script>var ytInitialPlayerResponse = {"playabilityStatus":{"status":"ERROR","reason":"Video unavailable","errorScreen":{"playerErr',
      { status: 'ERROR', reason: 'Video unavailable' },
    ],
    ['an object without a status', page('{"playabilityStatus":{"miniplayer":{}}}'), undefined],
    [
      'a page without a player response',
      '<html><title>Before you continue</title></html>',
      undefined,
    ],
  ])('%s', (_name, html, expected) => {
    expect(readPlayabilityStatus(html)).toEqual(expected);
  });
});
