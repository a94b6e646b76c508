/**
 * The `since` parameter of /employees/changed and /employees/changed/tables: "ISO 8601 timestamp
 * (URL-encoded)". An unencoded `+` arrives as a space and makes the value invalid, which is why
 * the docs insist on encoding; the sandbox rejects it the same way (400).
 */
const ISO_TIMESTAMP =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Epoch milliseconds, or undefined when the value is missing or not ISO 8601. */
export function parseSince(value: string | undefined): number | undefined {
  if (value === undefined || !ISO_TIMESTAMP.test(value)) return undefined;
  // Offsets written without a colon (+0000) are ISO 8601 but not Date.parse input.
  const normalised = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  // Without an offset the value is read as UTC, never as the host's local time.
  const withTime = /T/.test(normalised) ? normalised : `${normalised}T00:00:00`;
  const time = Date.parse(/(?:Z|[+-]\d{2}:\d{2})$/.test(withTime) ? withTime : `${withTime}Z`);
  return Number.isNaN(time) ? undefined : time;
}

/** `2025-07-02T20:13:43Z`, the form of the spec's samples for these endpoints. */
export function formatTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A real calendar date in `YYYY-MM-DD` form. */
export function isIsoDate(value: string | undefined): value is string {
  if (value === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
