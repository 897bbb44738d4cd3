// Display formats follow the browser's locale; tests pass `locale` to pin one.

const formatters = new Map<string, Intl.DateTimeFormat>();

// Building an Intl.DateTimeFormat is slow next to using one, and lists format many rows.
function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions) {
  const id = `${locale ?? ''}|${JSON.stringify(options)}`;
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(id, f);
  }
  return f;
}

/** Local clock time of `ms` in the locale's style: '09:30' or '9:30 AM' ('' if invalid). */
export function formatTime(ms: number, locale?: string): string {
  if (!Number.isFinite(ms)) return '';
  const clock = formatter(locale, { hour: 'numeric', minute: '2-digit' });
  // A 24-hour clock reads as '09:30', a 12-hour one as '9:30 AM'; 'numeric' alone gives '9:30'.
  const { hourCycle } = clock.resolvedOptions();
  if (hourCycle !== 'h23' && hourCycle !== 'h24') return clock.format(ms);
  return formatter(locale, { hour: '2-digit', minute: '2-digit' }).format(ms);
}

/** Short weekday name of a 'YYYY-MM-DD' day key: 'Mon', 'ma' (the key itself if malformed). */
export function formatDayLabel(dayKey: string, locale?: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dayKey);
  if (!m) return dayKey;
  // Noon UTC, formatted in UTC: the weekday of a calendar date does not depend on the zone.
  const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
  return formatter(locale, { weekday: 'short', timeZone: 'UTC' }).format(at);
}

/** `ms` as the local 'YYYY-MM-DDTHH:mm' an `<input type="datetime-local">` takes ('' if invalid). */
export function formatDateTimeLocalInput(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '';
  const date = `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${date}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const INPUT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * The time (ms) of a datetime-local input's value, read as local time; null when empty or not a
 * real date ('2026-02-30T10:00'). Seconds are accepted since the input sends them when its step
 * asks. A wall time skipped by a DST change is moved forward, as the browser does.
 */
export function parseDateTimeLocalInput(v: string): number | null {
  const m = INPUT_RE.exec(v);
  if (!m) return null;
  // The regex guarantees the fields that matter; defaults only satisfy the index types.
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = m.slice(1, 7).map((f) => Number(f ?? 0));
  const ms = Number((m[7] ?? '').padEnd(3, '0'));
  if (h > 23 || mi > 59 || s > 59) return null;
  const date = new Date(2000, 0, 1);
  // setFullYear, unlike the constructor, does not read years 0-99 as 1900-1999.
  date.setFullYear(y, mo - 1, d);
  date.setHours(h, mi, s, ms);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return date.getTime();
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}
