/**
 * What an HTML scan (html-scan.ts) is asked for and what it gives back: the fixed values every
 * scan reads, and the optional, costlier parts a classifier asks for by name.
 */

/** The optional, costlier parts of a scan; each is read only when asked for. */
export type HtmlScanRequest = {
  /**
   * The texts of the first `max` `<h1>`/`<h2>` elements. With a `hint`, only headings that open
   * before its last match in the raw HTML are read: a heading whose text must contain the hint
   * cannot start after it.
   */
  headings?: { max: number; hint?: RegExp };
  /** The `src` of `<script>`, `<iframe>` and `<frame>` elements opening before the hint's last match. */
  sources?: { hint?: RegExp };
  /** Whether there is an `<input type=password>` opening before the hint's last match. */
  passwordField?: { hint?: RegExp };
  /**
   * The text of `<body>` without `<script>`, `<style>`, `<noscript>` and `<template>`, cut once
   * it holds more than `maxNonSpaceChars` characters that are not whitespace.
   */
  bodyText?: { maxNonSpaceChars: number };
  /**
   * The texts of the first element matching each selector, a class (`.weui-msg__title`, one
   * token of the `class` attribute) or an id (`#share_nofound_des`): where a platform writes its
   * status message. A selector whose name is not in the rest of the raw HTML is not waited for.
   */
  marked?: readonly MarkSelector[];
};

/** A class or id selector for {@link HtmlScanRequest.marked}: `.name` or `#name`. */
export type MarkSelector = `.${string}` | `#${string}`;

/** What a scan read. Parts that were not requested are empty. */
export type HtmlScan = {
  /** The text of the first `<title>`; undefined when there is none. */
  title: string | undefined;
  /** The `content` of the first `<meta property="og:title">`. */
  ogTitle: string | undefined;
  /** The `content` of the first `<meta property="og:site_name">`. */
  ogSiteName: string | undefined;
  /** The text of the first `<h1>`. */
  h1: string | undefined;
  /** The texts of the first `<h1>`/`<h2>` elements, in document order. */
  headings: string[];
  /** The `src` attributes of `<script>`, `<iframe>` and `<frame>` elements, as written. */
  sources: string[];
  hasPasswordField: boolean;
  /** The visible text of every `<body>` joined, as cheerio's `.text()` of `$('body')` gives it. */
  bodyText: string;
  /** The text of the first element matching each requested `marked` selector that was found. */
  marked: Partial<Record<MarkSelector, string>>;
};
