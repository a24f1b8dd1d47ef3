/**
 * Reads the player's verdict from a YouTube watch page. The page answers 200 for a removed video,
 * but the `ytInitialPlayerResponse` it embeds says `"playabilityStatus":{"status":"ERROR",
 * "reason":"Video unavailable",…}`, which confirms what oEmbed reported.
 */

/** The player's status (`OK`, `ERROR`, `UNPLAYABLE`, `LOGIN_REQUIRED`, …) and its reason text. */
export type PlayabilityStatus = { status: string; reason?: string };

const MARKER = /"playabilityStatus"\s*:\s*\{/;
/** The object is a few kilobytes; reading further would only scan unrelated script. */
const MAX_OBJECT_CHARS = 64 * 1024;
const STATUS_FIELD = /"status"\s*:\s*"([A-Z_]+)"/;
const REASON_FIELD = /"reason"\s*:\s*("(?:[^"\\]|\\.)*")/;

/** The `playabilityStatus` of a watch page's player response, or undefined when there is none. */
export function readPlayabilityStatus(html: string): PlayabilityStatus | undefined {
  const marker = MARKER.exec(html);
  if (marker === null) {
    return undefined;
  }
  const objectStart = marker.index + marker[0].length - 1;
  const window = html.slice(objectStart, objectStart + MAX_OBJECT_CHARS);
  const object = sliceJsonObject(window);
  return object === undefined ? readFields(window) : (parseStatus(object) ?? readFields(object));
}

function parseStatus(objectText: string): PlayabilityStatus | undefined {
  let value: unknown;
  try {
    value = JSON.parse(objectText);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const { status, reason } = value as { status?: unknown; reason?: unknown };
  if (typeof status !== 'string') {
    return undefined;
  }
  return typeof reason === 'string' ? { status, reason } : { status };
}

/**
 * Fallback for a page cut off by the body cap inside the object: the top-level `status` and
 * `reason` come first in the object, so the first matches are theirs.
 */
function readFields(text: string): PlayabilityStatus | undefined {
  const status = STATUS_FIELD.exec(text)?.[1];
  if (status === undefined) {
    return undefined;
  }
  const quotedReason = REASON_FIELD.exec(text)?.[1];
  const reason = quotedReason === undefined ? undefined : decodeJsonString(quotedReason);
  return reason === undefined ? { status } : { status, reason };
}

function decodeJsonString(quoted: string): string | undefined {
  try {
    const value: unknown = JSON.parse(quoted);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The balanced `{…}` at the start of `text`, skipping braces inside strings; undefined if cut off. */
export function sliceJsonObject(text: string): string | undefined {
  let depth = 0;
  let isInString = false;
  let isEscaped = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (isInString) {
      if (isEscaped) {
        isEscaped = false;
      } else if (char === '\\') {
        isEscaped = true;
      } else if (char === '"') {
        isInString = false;
      }
      continue;
    }
    if (char === '"') {
      isInString = true;
    } else if (char === '{') {
      depth += 1;
    } else if (char === '}') {
      depth -= 1;
      if (depth === 0) {
        return text.slice(0, index + 1);
      }
    }
  }
  return undefined;
}
