/**
 * The fake web of the e2e fixture roadmap (test/fixtures/roadmaps/e2e.yaml): one handler per
 * status word, and the host names the CLI is pointed at with --connect-to. Shared by the CLI's
 * end-to-end tests and the browser tests of report.html, which render that same run.
 */
import { http, HttpResponse } from 'msw';

const page = (title: string, body = '') =>
  HttpResponse.html(
    `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`,
  );

export const E2E_HANDLERS = [
  http.get('https://ok.example.test/page', () =>
    page('Install guide', '<h1>Guide</h1><h2 id="install">Install</h2><p>Steps.</p>'),
  ),
  http.get('https://ok.example.test/gone', () => new HttpResponse('gone', { status: 404 })),
  http.get(
    'https://ok.example.test/temp',
    () => new HttpResponse(null, { status: 302, headers: { location: '/page' } }),
  ),
  http.get(
    'https://moved.example.test/old',
    () =>
      new HttpResponse(null, {
        status: 301,
        headers: { location: 'https://ok.example.test/page' },
      }),
  ),
  http.get('https://arxiv.example.test/abs/1', () => page('A paper', '<h1>A paper</h1>')),
  http.get('https://soft.example.test/repo', () =>
    page(
      'Page not found · GitHub',
      '<h1>404</h1><p>This is not the web page you are looking for.</p>',
    ),
  ),
  http.get(
    'https://wall.example.test/post',
    () =>
      new HttpResponse('<html><head><title>Just a moment...</title></head></html>', {
        status: 403,
        headers: { 'content-type': 'text/html', 'cf-mitigated': 'challenge', server: 'cloudflare' },
      }),
  ),
  http.get('https://down.example.test/', () => new HttpResponse('oops', { status: 503 })),
  http.get('https://www.bilibili.test/video/BV1ok', () => page('中文字幕版')),
  http.get('https://www.bilibili.test/video/BV1gone', () => new HttpResponse('', { status: 404 })),
];

/** Every host of the fixture, for --connect-to. */
export const E2E_HOSTS = [
  'ok.example.test',
  'moved.example.test',
  'arxiv.example.test',
  'soft.example.test',
  'wall.example.test',
  'down.example.test',
  'www.bilibili.test',
];
