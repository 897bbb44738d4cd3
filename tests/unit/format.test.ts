import { describe, expect, it } from 'vitest';
import {
  formatDateTimeLocalInput,
  formatDayLabel,
  formatTime,
  parseDateTimeLocalInput,
} from '../../lib/format';

/** ms of a local wall time; month is 1-based. */
function local(y: number, month: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const date = new Date(2000, 0, 1);
  date.setFullYear(y, month - 1, d);
  date.setHours(h, mi, s, ms);
  return date.getTime();
}

describe('formatTime', () => {
  it.each([
    [local(2026, 3, 12, 9, 30), 'en-GB', /^09:30$/],
    [local(2026, 3, 12, 9, 30), 'nl', /^09:30$/],
    [local(2026, 3, 12, 9, 30), 'de', /^09:30$/],
    [local(2026, 3, 12, 0, 5), 'en-GB', /^00:05$/],
    [local(2026, 3, 12, 21, 7), 'nl', /^21:07$/],
    // ICU puts a plain or a narrow no-break space before AM/PM depending on its version.
    [local(2026, 3, 12, 9, 30), 'en-US', /^9:30\sAM$/u],
    [local(2026, 3, 12, 14, 5), 'en-US', /^2:05\sPM$/u],
    [local(2026, 3, 12, 0, 0), 'en-US', /^12:00\sAM$/u],
  ])('%d in %s', (ms, locale, expected) => {
    expect(formatTime(ms, locale)).toMatch(expected);
  });

  it('uses the runtime locale by default', () => {
    expect(formatTime(local(2026, 3, 12, 9, 30))).toMatch(/9.*30/);
  });

  it('is empty for an invalid time', () => {
    expect(formatTime(Number.NaN, 'en-GB')).toBe('');
  });
});

describe('formatDayLabel', () => {
  it.each([
    ['2026-03-09', 'en-US', 'Mon'],
    ['2026-03-09', 'en-GB', 'Mon'],
    ['2026-03-09', 'nl', 'ma'],
    ['2026-03-15', 'en-US', 'Sun'],
    ['2026-01-01', 'en-US', 'Thu'],
    ['2028-02-29', 'en-US', 'Tue'],
    ['2026-03-09', 'de', 'Mo'],
  ])('%s in %s -> %s', (day, locale, label) => {
    expect(formatDayLabel(day, locale)).toBe(label);
  });

  it.each([['nonsense'], ['2026-3-9'], ['']])('gives back the malformed key %j', (key) => {
    expect(formatDayLabel(key, 'en-US')).toBe(key);
  });
});

describe('formatDateTimeLocalInput', () => {
  it.each([
    [local(2026, 3, 12, 9, 5), '2026-03-12T09:05'],
    [local(2026, 3, 12, 9, 5, 59, 999), '2026-03-12T09:05'],
    [local(2026, 1, 1, 0, 0), '2026-01-01T00:00'],
    [local(2025, 12, 31, 23, 59), '2025-12-31T23:59'],
    [local(50, 6, 1, 12, 0), '0050-06-01T12:00'],
  ])('%d -> %s', (ms, value) => {
    expect(formatDateTimeLocalInput(ms)).toBe(value);
  });

  it('is empty for an invalid time', () => {
    expect(formatDateTimeLocalInput(Number.NaN)).toBe('');
  });
});

describe('parseDateTimeLocalInput', () => {
  it.each([
    ['2026-03-12T09:05', local(2026, 3, 12, 9, 5)],
    ['2026-03-12T09:05:30', local(2026, 3, 12, 9, 5, 30)],
    ['2026-03-12T09:05:30.5', local(2026, 3, 12, 9, 5, 30, 500)],
    ['2026-03-12T09:05:30.123', local(2026, 3, 12, 9, 5, 30, 123)],
    ['2026-01-01T00:00', local(2026, 1, 1)],
    ['2028-02-29T23:59', local(2028, 2, 29, 23, 59)],
    ['0050-06-01T12:00', local(50, 6, 1, 12)],
  ])('%s', (value, ms) => {
    expect(parseDateTimeLocalInput(value)).toBe(ms);
  });

  it.each([
    [''],
    ['abc'],
    ['2026-03-12'],
    ['2026-03-12 09:05'],
    ['2026-03-12T9:05'],
    ['2026-03-12T09:05Z'],
    ['2026-03-12T09:05+01:00'],
    ['2026-02-30T10:00'],
    ['2027-02-29T10:00'],
    ['2026-13-01T00:00'],
    ['2026-00-10T00:00'],
    ['2026-03-00T00:00'],
    ['2026-03-12T24:00'],
    ['2026-03-12T10:60'],
    ['2026-03-12T10:00:60'],
  ])('refuses %j', (value) => {
    expect(parseDateTimeLocalInput(value)).toBeNull();
  });

  it('accepts a wall time that a DST change skips (America/Los_Angeles 02:30)', () => {
    expect(parseDateTimeLocalInput('2026-03-08T02:30')).not.toBeNull();
  });

  it.each([
    [local(2026, 3, 12, 9, 5)],
    [local(2026, 4, 5, 12, 0)],
    [local(2026, 11, 1, 12, 0)],
    [local(2026, 12, 31, 23, 59)],
  ])('round-trips %d', (ms) => {
    expect(parseDateTimeLocalInput(formatDateTimeLocalInput(ms))).toBe(ms);
  });
});
