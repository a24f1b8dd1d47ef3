/**
 * Reading report.json version 1 (curate before the typed outcome): its entries and observations
 * had `status`, `reason` and optional `httpStatus`, `finalUrl`, `errorCode`, `detail` side by
 * side; version 2 nests them in `outcome`. The one upgrade, applied where reports are read, so
 * merge, diff, history and `fix --from` keep working on reports of older runs.
 */

type JsonObject = Record<string, unknown>;

/** The version 1 fields that make up a version 2 `outcome` (the rest stay where they are). */
const OUTCOME_FIELDS: ReadonlySet<string> = new Set([
  'status',
  'reason',
  'httpStatus',
  'finalUrl',
  'errorCode',
  'detail',
]);

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether parsed JSON claims to be a version 1 report. */
export function isReportV1(data: unknown): data is JsonObject {
  return isObject(data) && data.schemaVersion === 1;
}

/**
 * The version 2 form of version 1 report data. Only the shape moves: nothing is guessed or
 * dropped, so whatever v1 wrote wrongly is still found when the result is validated.
 */
export function upgradeReportV1(report: JsonObject): JsonObject {
  const results = Array.isArray(report.results)
    ? report.results.map(upgradeResource)
    : report.results;
  return { ...report, schemaVersion: 2, results };
}

function upgradeResource(resource: unknown): unknown {
  if (!isObject(resource)) return resource;
  const { mirrors } = resource;
  const upgradedMirrors = Array.isArray(mirrors)
    ? (mirrors as unknown[]).map((mirror) => (isObject(mirror) ? upgradeEntry(mirror) : mirror))
    : mirrors;
  return { ...upgradeEntry(resource), mirrors: upgradedMirrors };
}

/** A resource or mirror entry: its outcome fields nested, and each observation's too. */
function upgradeEntry(entry: JsonObject): JsonObject {
  const upgraded = nestOutcome(entry);
  const { observations } = entry;
  if (!isObject(observations)) return upgraded;
  const byVantage = Object.entries(observations).map(([vantage, seen]) => [
    vantage,
    isObject(seen) ? nestOutcome(seen) : seen,
  ]);
  return { ...upgraded, observations: Object.fromEntries(byVantage) };
}

function nestOutcome(flat: JsonObject): JsonObject {
  const outcome: JsonObject = {};
  const rest: JsonObject = {};
  for (const [key, value] of Object.entries(flat)) {
    if (OUTCOME_FIELDS.has(key)) outcome[key] = value;
    else rest[key] = value;
  }
  // v1 observations had a `finalUrl` slot for every status; only a permanent redirect has one
  // in the model, and v1 never filled it otherwise.
  if (outcome.status !== 'redirected') delete outcome.finalUrl;
  return { ...rest, outcome };
}
