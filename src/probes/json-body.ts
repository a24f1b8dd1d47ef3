/** Reading the small JSON answers of platform APIs without trusting their shape. */

/** A JSON object as read from an API answer; every field still needs checking. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** The body parsed as a JSON object, or undefined when it is missing, not JSON, or not an object. */
export function parseJsonObject(body: string | undefined): JsonObject | undefined {
  if (body === undefined) {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(body);
    return isJsonObject(value) ? value : undefined;
  } catch {
    // A truncated body, an HTML error page or a captcha instead of JSON.
    return undefined;
  }
}

/** Whether a parsed JSON value is an object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field of a JSON object, or undefined when it is absent or not a string. */
export function stringField(object: JsonObject | undefined, name: string): string | undefined {
  const value = object?.[name];
  return typeof value === 'string' ? value : undefined;
}
