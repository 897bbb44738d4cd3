import { describe, expect, it } from 'vitest';
import { formatElapsed, formatMinutes, parseDuration } from '../../lib/duration';

describe('parseDuration accepts', () => {
  it.each([
    ['90', 90],
    ['90m', 90],
    ['90 min', 90],
    ['90 mins', 90],
    ['90 minutes', 90],
    ['1 minute', 1],
    ['1h', 60],
    ['1 hr', 60],
    ['2 hrs', 120],
    ['1 hour', 60],
    ['1h30', 90],
    ['1h 30', 90],
    ['1h30m', 90],
    ['1h 30m', 90],
    ['1 h 30 m', 90],
    ['1H 30M', 90],
    ['1:30', 90],
    ['0:05', 5],
    ['10:00', 600],
    ['0:04:09', 4],
    ['0:04:30', 5],
    ['1.5h', 90],
    ['1,5h', 90],
    ['1,5 H', 90],
    ['.5h', 30],
    ['0.1h', 6],
    ['0.25 hours', 15],
    ['0.01h', 1],
    ['1.5m', 2],
    ['2h 5m', 125],
    ['2 hours 5 minutes', 125],
    ['2 Hours 5 Minutes', 125],
    ['1 hour and 30 minutes', 90],
    ['  45  ', 45],
    ['1h\t30m', 90],
    ['1440', 1440],
    ['24h', 1440],
    ['24:00', 1440],
    ['23h 59m', 1439],
  ])('%j -> %i minutes', (input, minutes) => {
    expect(parseDuration(input)).toEqual({ ok: true, minutes });
  });
});

const EXAMPLES = 'like 90, 1h 30m or 1:30';

describe('parseDuration refuses', () => {
  it.each([
    ['', `Enter a duration, ${EXAMPLES}.`],
    ['   ', `Enter a duration, ${EXAMPLES}.`],
    ['0', 'The duration must be at least 1 minute.'],
    ['0m', 'The duration must be at least 1 minute.'],
    ['0h', 'The duration must be at least 1 minute.'],
    ['0:00', 'The duration must be at least 1 minute.'],
    ['0.005h', 'The duration must be at least 1 minute.'],
    ['0.4m', 'The duration must be at least 1 minute.'],
    ['-5', `Enter a positive duration, ${EXAMPLES}.`],
    ['-1h', `Enter a positive duration, ${EXAMPLES}.`],
    ['\u22121h', `Enter a positive duration, ${EXAMPLES}.`],
    ['1:75', 'After the colon, minutes go from 00 to 59, as in 1:30.'],
    ['1:60', 'After the colon, minutes go from 00 to 59, as in 1:30.'],
    ['0:04:60', 'After the colon, minutes go from 00 to 59, as in 1:30.'],
    ['1h 75m', 'Minutes after the hours go from 0 to 59, as in 1h 30m.'],
    ['1h60', 'Minutes after the hours go from 0 to 59, as in 1h 30m.'],
    ['1.5', 'Is 1.5 hours or minutes? Write 1.5h or 1.5m.'],
    ['abc', `Enter a duration in hours and minutes, ${EXAMPLES}.`],
    ['one hour', `Enter a duration in hours and minutes, ${EXAMPLES}.`],
    ['an hour', `Enter a duration in hours and minutes, ${EXAMPLES}.`],
    ['5 days', `Enter a duration in hours and minutes, ${EXAMPLES}.`],
    ['1h!', `Enter a duration in hours and minutes, ${EXAMPLES}.`],
    ['30m 1h', `Enter a duration in hours and minutes, ${EXAMPLES}.`],
    ['1h 1h', `Enter a duration in hours and minutes, ${EXAMPLES}.`],
    ['1 30', `Enter a duration in hours and minutes, ${EXAMPLES}.`],
    ['1:5', `Enter a duration in hours and minutes, ${EXAMPLES}.`],
    [':30', `Enter a duration in hours and minutes, ${EXAMPLES}.`],
    ['1e3', `Enter a duration in hours and minutes, ${EXAMPLES}.`],
    ['h', `Enter a duration in hours and minutes, ${EXAMPLES}.`],
    ['and', `Enter a duration in hours and minutes, ${EXAMPLES}.`],
    ['1441', 'One entry can hold at most 24 hours (1440 minutes).'],
    ['25h', 'One entry can hold at most 24 hours (1440 minutes).'],
    ['24h 1m', 'One entry can hold at most 24 hours (1440 minutes).'],
    ['24:01', 'One entry can hold at most 24 hours (1440 minutes).'],
    ['99999999999999999999999', 'One entry can hold at most 24 hours (1440 minutes).'],
  ])('%j: %s', (input, message) => {
    expect(parseDuration(input)).toEqual({ ok: false, message });
  });
});

describe('formatMinutes', () => {
  it.each([
    [0, '0m'],
    [1, '1m'],
    [45, '45m'],
    [59, '59m'],
    [60, '1h'],
    [90, '1h 30m'],
    [120, '2h'],
    [125, '2h 5m'],
    [1440, '24h'],
    [89.6, '1h 30m'],
    [-90, '-1h 30m'],
    [Number.NaN, '0m'],
  ])('%d -> %s', (minutes, label) => {
    expect(formatMinutes(minutes)).toBe(label);
  });
});

describe('formatElapsed', () => {
  it.each([
    [0, '0:00:00'],
    [999, '0:00:00'],
    [1000, '0:00:01'],
    [249_000, '0:04:09'],
    [249_999, '0:04:09'],
    [3_599_000, '0:59:59'],
    [3_600_000, '1:00:00'],
    [43_200_000, '12:00:00'],
    [90_000_000, '25:00:00'],
    [-5000, '0:00:00'],
    [Number.NaN, '0:00:00'],
  ])('%d ms -> %s', (ms, label) => {
    expect(formatElapsed(ms)).toBe(label);
  });
});
