/**
 * What an HTML page says about itself: a "not found" page served with 200, a parked domain, a bot
 * challenge or a sign-in form. Pure: one streaming scan of the page's signal part (its first
 * 64 KiB or so, page-extent.ts), no DOM, reading only what the signals can still use.
 *
 * Every signal is read from a few strong places (the title, the main heading, og:title, script
 * sources, and on a few platforms the element they write their status message in), never from
 * the whole body text: an article *about* 404 errors or domain parking must not be mistaken for
 * the thing it describes.
 */
import { CHALLENGE_SCAN_REQUEST, hasChallengeMarker, isBotChallengePage } from './bot-challenge.js';
import { scanHtml } from './html-scan.js';
import { isLoginWallPage, LOGIN_WALL_SCAN_REQUEST } from './login-wall.js';
import { signalPart } from './page-extent.js';
import { headlineOf } from './page-text.js';
import { isParkedPage, parkedScanRequest } from './parked.js';
import { platformMessageScanRequest, platformMessagesOf } from './platform-messages.js';
import { isSoft404Page } from './soft-404.js';

/** The signals classification reads from one HTML page. */
export type PageSignals = {
  /** The `<title>`, whitespace collapsed; undefined when missing or empty. */
  title: string | undefined;
  isSoft404: boolean;
  isParked: boolean;
  isBotChallenge: boolean;
  isLoginWall: boolean;
};

/** Reads the page signals of an HTML body fetched at `requestedUrl` and ending at `finalUrl`. */
export function readPageSignals(
  page: string,
  finalUrl: URL,
  requestedUrl: URL = finalUrl,
): PageSignals {
  // The challenge search, the tag index and the scan all stop where the signals do.
  const html = signalPart(page, finalUrl);
  const hasMarker = hasChallengeMarker(html);
  const scan = scanHtml(html, {
    ...parkedScanRequest(finalUrl),
    ...LOGIN_WALL_SCAN_REQUEST,
    ...(hasMarker ? CHALLENGE_SCAN_REQUEST : {}),
    ...platformMessageScanRequest(finalUrl),
  });
  const headline = headlineOf(scan);
  const messages = platformMessagesOf(scan, finalUrl);
  return {
    title: headline.title,
    isSoft404: isSoft404Page(headline, finalUrl, requestedUrl, messages),
    isParked: isParkedPage(scan, headline.title, html, finalUrl),
    isBotChallenge: isBotChallengePage(headline.title, hasMarker ? scan.bodyText : undefined),
    isLoginWall: isLoginWallPage(headline, scan.hasPasswordField, finalUrl),
  };
}
