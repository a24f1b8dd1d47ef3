/** Responses the fake sites of the end-to-end tests give, written once. */
import { HttpResponse } from 'msw';

/** A small HTML page whose title and body are `title`. */
export function htmlPage(title: string): Response {
  return HttpResponse.html(
    `<!doctype html><html><head><title>${title}</title></head><body>${title}</body></html>`,
  );
}

/** A 301 to `location`: the answer curate reports as `redirected` and `curate fix` rewrites. */
export function movedPermanently(location: string): Response {
  return new HttpResponse(null, { status: 301, headers: { location } });
}
