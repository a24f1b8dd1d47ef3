/**
 * Deleted pages that redirect home, fetched with the private-address guard on and classified:
 * a deep link sent to the site's root is broken; trailing slashes, https upgrades and home
 * pages that move are not.
 */
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { useGuardedWeb } from './guarded-web.js';

const moved = (location: string, status: number) => () =>
  new Response(null, { status, headers: { location } });
const home = () => HttpResponse.html('<!doctype html><title>Welcome</title><h1>Our products</h1>');

const handlers = [
  http.get('https://docs.example.test/docs/some/old-page', moved('/', 301)),
  http.get('https://www.example.test/blog/2019/old-post', moved('/index.html', 302)),
  http.get('https://www.example.test/zh-CN/docs/gone', moved('/zh-CN/', 301)),
  http.get(
    'https://docs.example.test/en-us/library/gone',
    moved('https://www.example.test/en-us/', 302),
  ),
  // msw matches a path with or without its trailing slash: tell them apart by hand.
  http.get('https://www.example.test/manual', ({ request }) =>
    new URL(request.url).pathname === '/manual'
      ? moved('/manual/', 301)()
      : HttpResponse.html('<title>Manual</title>'),
  ),
  http.get('http://www.example.test/docs/guide', moved('https://www.example.test/docs/guide', 301)),
  http.get('http://www.example.test/', moved('https://www.example.test/zh-CN/', 301)),
  http.get('https://www.example.test/old-tool', moved('https://www.github.test/', 301)),
  http.get('*/', home),
  http.get('*/index.html', home),
  http.get('*/zh-CN/', home),
  http.get('*/en-us/', home),
  http.get('*/docs/guide', () => HttpResponse.html('<title>Guide</title>')),
];

const web = useGuardedWeb(handlers);

describe('deleted pages that redirect home', () => {
  it.each([
    ['a 301 to /', 'https://docs.example.test/docs/some/old-page', 'https://docs.example.test/'],
    [
      'a 302 to /index.html',
      'https://www.example.test/blog/2019/old-post',
      'https://www.example.test/index.html',
    ],
    [
      'a 301 to a locale root',
      'https://www.example.test/zh-CN/docs/gone',
      'https://www.example.test/zh-CN/',
    ],
    [
      'a 302 to the locale root of another host of the site',
      'https://docs.example.test/en-us/library/gone',
      'https://www.example.test/en-us/',
    ],
  ])('reports %s as broken redirected-to-home', async (_name, link, landed) => {
    expect(await web.check(link)).toEqual({
      status: 'broken',
      reason: 'redirected-to-home',
      httpStatus: 200,
      detail: `redirected to ${landed}`,
    });
  });

  it.each([
    [
      'a trailing slash added',
      'https://www.example.test/manual',
      'https://www.example.test/manual/',
    ],
    [
      'an upgrade to https of the same path',
      'http://www.example.test/docs/guide',
      'https://www.example.test/docs/guide',
    ],
    [
      'a home page moving to its locale root',
      'http://www.example.test/',
      'https://www.example.test/zh-CN/',
    ],
    [
      'a move to the home page of another site',
      'https://www.example.test/old-tool',
      'https://www.github.test/',
    ],
  ])('keeps %s a permanent redirect', async (_name, link, finalUrl) => {
    expect(await web.check(link)).toEqual({
      status: 'redirected',
      reason: 'permanent-redirect',
      httpStatus: 200,
      finalUrl,
    });
  });
});
