// Kendo (Laravel) stores timestamps to the second and prints them in UTC with
// microseconds, so '…T09:00:00.000000Z' is the only shape the server ever sends.

const DAY_MS = 86_400_000;

export function kendoTime(ms: number): string {
  const whole = Math.floor(ms / 1000) * 1000;
  return new Date(whole).toISOString().replace(/\.\d{3}Z$/, '.000000Z');
}

export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** `days` UTC days before the day of `ms`, at hh:mm UTC. */
export function daysAgoAt(ms: number, days: number, hh: number, mm = 0): number {
  return startOfUtcDay(ms) - days * DAY_MS + (hh * 60 + mm) * 60_000;
}

const ISO_LIKE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parses what Laravel's `date` rule accepts for the extension's purposes: ISO 8601
 * with or without offset (no offset = UTC, the app timezone). NaN when invalid.
 */
export function parseKendoDate(value: string): number {
  if (!ISO_LIKE.test(value)) return NaN;
  let s = value.replace(' ', 'T');
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(s)) s += s.length === 10 ? 'T00:00:00Z' : 'Z';
  // Date.parse wants '+01:00'; Laravel also takes '+0100'.
  s = s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  return Date.parse(s);
}

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A strict Y-m-d calendar date (Laravel's date_format:Y-m-d), or null. */
export function parseYmd(value: string): string | null {
  const m = YMD.exec(value);
  if (!m) return null;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && utcDay(d.getTime()) === value ? value : null;
}
