// Local days are the runtime's time zone. All day arithmetic goes through the Date constructor's
// calendar fields, never multiples of 24 hours, so days of 23 or 25 hours come out right.

/** The fields every entry-like value has that placing it in time needs. */
interface Placed {
  started_at: string | null;
  created_at: string;
}

/** 'YYYY-MM-DD' of the local day `ms` falls in ('' for an invalid time). */
export function localDayKey(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '';
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;
}

/**
 * The Monday-first local week containing `now`: its seven local day keys, `start` at local
 * Monday 00:00 and `end` at the next Monday 00:00 (end - start is 167 to 169 hours across DST).
 */
export function localWeek(now: number): { days: string[]; start: number; end: number } {
  const d = new Date(now);
  const monday = d.getDate() - ((d.getDay() + 6) % 7);
  const dayStart = (offset: number) =>
    localMidnight(d.getFullYear(), d.getMonth(), monday + offset);
  const days = [0, 1, 2, 3, 4, 5, 6].map((i) => localDayKey(dayStart(i)));
  return { days, start: dayStart(0), end: dayStart(7) };
}

/**
 * The date range to ask Kendo for. Kendo's dates may be UTC dates or the tenant's, so take the
 * UTC dates of the week's start and end and widen each by a day: every entry started in the
 * local week is then inside, whatever the server means; extra entries are filtered locally.
 */
export function queryRangeForWeek(week: { start: number; end: number }): {
  startDate: string;
  endDate: string;
} {
  return { startDate: utcDateShifted(week.start, -1), endDate: utcDateShifted(week.end, 1) };
}

function utcDateShifted(ms: number, days: number): string {
  const d = new Date(ms);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + days))
    .toISOString()
    .slice(0, 10);
}

/** When an entry is placed in time (ms): `started_at`, or `created_at` when that is missing. */
export function entryStartMs(e: Placed): number {
  const started = e.started_at === null ? NaN : parseTimestamp(e.started_at);
  return Number.isNaN(started) ? parseTimestamp(e.created_at) : started;
}

// Kendo sends '2026-03-13T09:00:00.000000Z'. Date.parse only promises to read 3 fraction
// digits, so read the fields by hand; a missing zone means UTC, which is what Kendo stores.
const TIMESTAMP_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

function parseTimestamp(text: string): number {
  const m = TIMESTAMP_RE.exec(text.trim());
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s = '0', fraction = '', zone = 'Z'] = m;
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const check = new Date(utc);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return NaN;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return NaN;
  return utc - zoneOffsetMs(zone);
}

function zoneOffsetMs(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}

/** The entries placed on local day `dayKey`, newest first (input order kept for ties). */
export function entriesOfDay<T extends Placed>(entries: T[], dayKey: string): T[] {
  return entries
    .map((entry) => ({ entry, at: entryStartMs(entry) }))
    .filter(({ at }) => localDayKey(at) === dayKey)
    .sort((a, b) => b.at - a.at)
    .map(({ entry }) => entry);
}

/** Minutes logged per local day of the week containing `now`, Monday first. */
export function weekChart(
  entries: (Placed & { minutes_spent: number })[],
  now: number,
): { day: string; minutes: number; isToday: boolean }[] {
  const today = localDayKey(now);
  const totals = new Map<string, number>();
  for (const e of entries) {
    const day = localDayKey(entryStartMs(e));
    totals.set(day, (totals.get(day) ?? 0) + e.minutes_spent);
  }
  return localWeek(now).days.map((day) => ({
    day,
    minutes: totals.get(day) ?? 0,
    isToday: day === today,
  }));
}

/** Narrowest bar drawn, as a fraction of the day, so a 1-minute entry can still be seen. */
const MIN_WIDTH = 0.004;

/**
 * Bars for a day's timeline strip, earliest first: where each entry placed on `dayKey` starts
 * and how wide it is, as fractions of the local day (which may be 23 or 25 hours long). A bar is
 * clipped at the day's end; one narrower than the minimum is widened, and shifted left if it
 * would then spill past the end.
 */
export function dayTimeline<T extends Placed & { id: number; minutes_spent: number }>(
  entries: T[],
  dayKey: string,
): { id: number; startFrac: number; widthFrac: number }[] {
  const bounds = dayBounds(dayKey);
  if (!bounds) return [];
  const { start, end } = bounds;
  const length = end - start;
  return entriesOfDay(entries, dayKey)
    .reverse()
    .map((e) => {
      const at = entryStartMs(e);
      const until = Math.min(at + Math.max(e.minutes_spent, 0) * 60_000, end);
      const widthFrac = Math.max((until - at) / length, MIN_WIDTH);
      const startFrac = Math.min((at - start) / length, 1 - widthFrac);
      return { id: e.id, startFrac, widthFrac };
    });
}

function dayBounds(dayKey: string): { start: number; end: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dayKey);
  if (!m) return null;
  const [y = 0, mo = 1, d = 1] = m.slice(1).map(Number);
  const start = localMidnight(y, mo - 1, d);
  if (localDayKey(start) !== dayKey) return null;
  return { start, end: localMidnight(y, mo - 1, d + 1) };
}

function localMidnight(year: number, monthIndex: number, day: number): number {
  const date = new Date(2000, 0, 1);
  // setFullYear, unlike the constructor, does not read years 0-99 as 1900-1999.
  date.setFullYear(year, monthIndex, day);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
