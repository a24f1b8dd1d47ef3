/**
 * Parked domains: a sale listing, a "this domain is for sale" page, or a page built from a
 * parking service's scripts and frames.
 */
import { anyWordHint } from './html-lookahead.js';
import type { HtmlScan, HtmlScanRequest } from './html-scan-request.js';
import { collapse } from './page-text.js';

// Domain marketplaces: a dead site's domain often redirects straight to its sale listing.
const MARKETPLACE_HOSTS: readonly string[] = [
  'hugedomains.com',
  'dan.com',
  'afternic.com',
  'sedo.com',
  'undeveloped.com',
  'buydomains.com',
  'domainmarket.com',
  'brandbucket.com',
];

// Hosts whose scripts and frames appear only on parking pages: Sedo, Bodis, ParkingCrew,
// ParkLogic, Above, DomainSponsor.
const PARKING_HOSTS: readonly string[] = [
  'sedoparking.com',
  'bodis.com',
  'parkingcrew.net',
  'parklogic.com',
  'above.com',
  'dsparking.com',
  'domainsponsor.com',
];

// Google's AdSense for Domains exists for parked domains alone.
const PARKING_SCRIPT_PATH = '/adsense/domains/caf.js';

function isParkingResource(source: URL): boolean {
  return (
    PARKING_HOSTS.some((domain) => hostIsOrIsUnder(source.hostname, domain)) ||
    source.pathname.endsWith(PARKING_SCRIPT_PATH)
  );
}

// A parking script or frame names one of these in its `src`, unless the page itself is served
// from a parking host, where a relative `src` is one too.
const PARKING_SOURCE_HINT = anyWordHint([...PARKING_HOSTS, 'caf.js']);

const FOR_SALE_HEADINGS: readonly RegExp[] = [
  /\b(this|the) (domain|website|site)( name)? (may be|might be|is) for sale\b/i,
  /\bdomain (name )?(is )?for sale\b/i,
  /\bbuy this domain\b/i,
  /\b(this )?domain (is|has been) parked\b/i,
  /\bparked free\b/i,
  /^[a-z0-9.-]+\.[a-z]{2,}\s+(is\s+)?(available\s+)?for sale\b/i,
  /(该|此|本)?域名(正在|可以)?(出售|转让|待售|售卖)/u,
];

// Every FOR_SALE_HEADINGS pattern needs one of these words, which a heading's raw HTML spells out
// unless markup splits the word (`s<b>ale</b>`) or character references write it: parking pages
// do neither, and a long article without them need not have its headings read.
const FOR_SALE_HINT = anyWordHint(['sale', 'parked', 'buy', '域名']);

// Parking pages have a handful of headings; reading every one of a long page would be slow.
const MAX_HEADINGS_READ = 20;

function hostIsOrIsUnder(hostname: string, domain: string): boolean {
  return hostname === domain || hostname.endsWith(`.${domain}`);
}

function isMarketplace(url: URL): boolean {
  return MARKETPLACE_HOSTS.some((domain) => hostIsOrIsUnder(url.hostname, domain));
}

/** What {@link isParkedPage} needs read from a page that ended at `finalUrl`. */
export function parkedScanRequest(finalUrl: URL): HtmlScanRequest {
  if (isMarketplace(finalUrl)) return {};
  return {
    headings: { max: MAX_HEADINGS_READ, hint: FOR_SALE_HINT },
    sources: isParkingResource(finalUrl) ? {} : { hint: PARKING_SOURCE_HINT },
  };
}

/** Whether the page is a parked domain, from a scan made with {@link parkedScanRequest}. */
export function isParkedPage(
  scan: HtmlScan,
  title: string | undefined,
  html: string,
  finalUrl: URL,
): boolean {
  if (isMarketplace(finalUrl)) return true;
  const headings = [title, ...scan.headings.map(collapse)];
  if (headings.some((text) => text !== undefined && FOR_SALE_HEADINGS.some((p) => p.test(text)))) {
    return true;
  }
  const sources = scan.sources
    .filter((src) => URL.canParse(src, finalUrl.href))
    .map((src) => new URL(src, finalUrl));
  if (sources.some(isParkingResource)) return true;
  // GoDaddy's parked page is an empty shell whose only script jumps to `/lander`.
  return /location\.href\s*=\s*["']\/lander["']/.test(html);
}
