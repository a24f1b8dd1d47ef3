/**
 * The cookies a run keeps to get through cookie walls: a site that answers the first request
 * with a redirect (often to the same URL) and a `Set-Cookie`, and serves the page once the
 * cookie comes back (publishers, academic sites, some CDNs). RFC 6265 is tough-cookie's
 * (domain, path, Secure, Max-Age/Expires, public suffixes); curate adds two rules of its own:
 *
 * - one jar per origin (scheme, host and port): a cookie goes back only to the origin that set
 *   it, never to another host, even one its `Domain` names, and never from `https://host` to
 *   `http://host` in clear, whatever its `Secure` flag says;
 * - only redirect answers (and meta refreshes) are listened to, since the jar exists to follow
 *   redirects: a final page's cookies are never kept.
 */
import { CookieJar } from 'tough-cookie';

/** The run's cookie jars; {@link createRedirectCookies} makes one per run. */
export type RedirectCookies = {
  /** The `Cookie` header to send to `url`, or undefined when the origin set none that apply. */
  cookieHeaderFor(url: URL): string | undefined;
  /** Keeps the `Set-Cookie` values of a redirect answered by `url`. */
  keep(url: URL, setCookies: readonly string[]): void;
};

/** Empty jars for one run (or one fetch, when no run hands one over). */
export function createRedirectCookies(): RedirectCookies {
  const jars = new Map<string, CookieJar>();
  return {
    cookieHeaderFor(url) {
      const jar = jars.get(url.origin);
      if (jar === undefined) return undefined;
      const header = jar.getCookieStringSync(url.href);
      return header === '' ? undefined : header;
    },
    keep(url, setCookies) {
      if (setCookies.length === 0) return;
      let jar = jars.get(url.origin);
      if (jar === undefined) {
        jar = new CookieJar();
        jars.set(url.origin, jar);
      }
      for (const setCookie of setCookies) {
        // ignoreError: a cookie RFC 6265 rejects (a Domain of another site, a public suffix)
        // is dropped, as a browser drops it, without failing the check.
        jar.setCookieSync(setCookie, url.href, { ignoreError: true });
      }
    },
  };
}
