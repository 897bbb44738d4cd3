import { t, type MessageKey } from './i18n';

/** The most one entry may hold: a whole day. Anything longer is almost certainly a typo. */
export const MAX_DURATION_MINUTES = 24 * 60;

/** Result of {@link parseDuration}: minutes, or a message to show next to the field. */
export type DurationResult = { ok: true; minutes: number } | { ok: false; message: string };

/** Why a duration was refused, as the message key that says what is expected instead. */
const MESSAGES = {
  empty: 'durEmpty',
  garbage: 'durGarbage',
  negative: 'durNegative',
  zero: 'durZero',
  colonMinutes: 'durColonMinutes',
  unitMinutes: 'durUnitMinutes',
  tooLong: 'durTooLong',
} as const satisfies Record<string, MessageKey>;

const NUM = String.raw`(\d+(?:\.\d+)?|\.\d+)`;
const HOURS = String.raw`(?:h|hrs?|hours?)`;
const MINUTES = String.raw`(m|mins?|minutes?)`;
// Hours first, then minutes; either may be missing. After hours the minutes unit may be left
// out ('1h30'), which is how people write it on paper.
const UNITS_RE = new RegExp(
  String.raw`^(?:${NUM}\s*${HOURS})?\s*(?:and\s*)?(?:${NUM}\s*${MINUTES}?)?$`,
);
// H:MM, and H:MM:SS so that a copied running-timer reading ('0:04:09') is accepted too.
const CLOCK_RE = /^(\d+):(\d{2})(?::(\d{2}))?$/;

/**
 * Parses what a person types as a duration: '90', '90m', '90 min', '1h', '1h30', '1h 30m',
 * '1:30', '1.5h', '1,5h', '2 hours 5 minutes' (any case, spaces allowed) into whole minutes,
 * rounding fractions to the nearest minute. A bare number is minutes; a bare fraction ('1.5')
 * is refused because people mean hours as often as minutes. Refuses empty, zero, negative,
 * out-of-range minutes ('1:75', '1h 75m'), words and more than 24 hours, with a message saying
 * what is expected.
 */
export function parseDuration(input: string): DurationResult {
  const text = input
    .trim()
    .toLowerCase()
    .replace(/(\d),(\d)/g, '$1.$2')
    .replace(/\s+/g, ' ');
  if (text === '') return fail('empty');
  if (/^[-\u2212\u2013]/.test(text)) return fail('negative');

  const clock = CLOCK_RE.exec(text);
  if (clock) {
    const [, h = '0', m = '0', s = '0'] = clock;
    if (Number(m) > 59 || Number(s) > 59) return fail('colonMinutes');
    return fromMinutes(Number(h) * 60 + Number(m) + Number(s) / 60);
  }

  const units = UNITS_RE.exec(text);
  if (!units) return fail('garbage');
  const [, hours, minutes, minutesUnit] = units;
  if (hours === undefined && minutes === undefined) return fail('garbage');
  if (hours === undefined && minutesUnit === undefined && minutes?.includes('.')) {
    return { ok: false, message: t('durAmbiguous', minutes) };
  }
  if (hours !== undefined && minutes !== undefined && Number(minutes) >= 60) {
    return fail('unitMinutes');
  }
  return fromMinutes(Number(hours ?? 0) * 60 + Number(minutes ?? 0));
}

function fromMinutes(exact: number): DurationResult {
  const minutes = Math.round(exact);
  if (!Number.isFinite(minutes) || minutes > MAX_DURATION_MINUTES) return fail('tooLong');
  if (minutes < 1) return fail('zero');
  return { ok: true, minutes };
}

function fail(reason: keyof typeof MESSAGES): DurationResult {
  return { ok: false, message: t(MESSAGES[reason]) };
}

/** Minutes as a short, language-neutral label: 90 -> '1h 30m', 45 -> '45m', 120 -> '2h'. */
export function formatMinutes(minutes: number): string {
  if (!Number.isFinite(minutes)) return '0m';
  const total = Math.round(Math.abs(minutes));
  const sign = minutes < 0 && total > 0 ? '-' : '';
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${sign}${m}m`;
  return m === 0 ? `${sign}${h}h` : `${sign}${h}h ${m}m`;
}

/**
 * Elapsed time of a running timer as 'H:MM:SS' (0:04:09, 12:00:00, 25:00:00). Seconds are
 * truncated so the display never runs ahead; negative input (clock skew) shows 0:00:00.
 */
export function formatElapsed(ms: number): string {
  const totalSeconds = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor(totalSeconds / 60) % 60;
  const s = totalSeconds % 60;
  return `${h}:${pad2(m)}:${pad2(s)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
