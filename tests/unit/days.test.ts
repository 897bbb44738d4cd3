// Run under TZ=UTC, TZ=Pacific/Auckland and TZ=America/Los_Angeles. Tests built from local
// wall times hold in any zone; the `perZone` tables pin what each of the three zones must give.
import { describe, expect, it } from 'vitest';
import {
  dayTimeline,
  entriesOfDay,
  entryStartMs,
  localDayKey,
  localWeek,
  queryRangeForWeek,
  weekChart,
} from '../../lib/entries/days';

type Zone = 'UTC' | 'Pacific/Auckland' | 'America/Los_Angeles';
const ZONES: readonly string[] = ['UTC', 'Pacific/Auckland', 'America/Los_Angeles'];
const runtimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const zone = ZONES.includes(runtimeZone) ? (runtimeZone as Zone) : undefined;
const perZone = describe.runIf(zone !== undefined);
const HOUR = 3_600_000;

/** ms of a local wall time; month is 1-based here to read like the day keys. */
function local(y: number, month: number, d: number, h = 0, mi = 0): number {
  return new Date(y, month - 1, d, h, mi).getTime();
}

/** A timestamp as Kendo writes it: UTC with microseconds. */
function kendo(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '000Z');
}

let nextId = 1;
function entry(startedMs: number | null, minutes = 30, createdMs = startedMs ?? 0) {
  return {
    id: nextId++,
    started_at: startedMs === null ? null : kendo(startedMs),
    created_at: kendo(createdMs),
    minutes_spent: minutes,
  };
}

describe('localDayKey', () => {
  it.each([
    [local(2026, 3, 12, 0, 0), '2026-03-12'],
    [local(2026, 3, 12, 23, 59), '2026-03-12'],
    [local(2026, 3, 12, 23, 59) + 59_999, '2026-03-12'],
    [local(2026, 3, 13), '2026-03-13'],
    [local(2025, 12, 31, 23, 30), '2025-12-31'],
    [local(2026, 1, 1, 0, 30), '2026-01-01'],
    [local(2028, 2, 29, 12), '2028-02-29'],
  ])('%d -> %s', (ms, key) => {
    expect(localDayKey(ms)).toBe(key);
  });

  it('is empty for an invalid time', () => {
    expect(localDayKey(Number.NaN)).toBe('');
  });
});

perZone(`localDayKey of UTC instants in ${runtimeZone}`, () => {
  it.each<[string, Record<Zone, string>]>([
    // Late evening UTC is already tomorrow in Auckland.
    [
      '2026-03-12T23:30:00.000000Z',
      { UTC: '2026-03-12', 'Pacific/Auckland': '2026-03-13', 'America/Los_Angeles': '2026-03-12' },
    ],
    // 23:30 the evening before in Los Angeles, while UTC is already on the next day.
    [
      '2026-03-13T06:30:00.000000Z',
      { UTC: '2026-03-13', 'Pacific/Auckland': '2026-03-13', 'America/Los_Angeles': '2026-03-12' },
    ],
    // 00:30 local in Auckland, still yesterday in UTC.
    [
      '2026-03-12T11:30:00.000000Z',
      { UTC: '2026-03-12', 'Pacific/Auckland': '2026-03-13', 'America/Los_Angeles': '2026-03-12' },
    ],
    [
      '2026-01-01T00:00:00.000000Z',
      { UTC: '2026-01-01', 'Pacific/Auckland': '2026-01-01', 'America/Los_Angeles': '2025-12-31' },
    ],
  ])('%s', (iso, expected) => {
    const ms = entryStartMs({ started_at: iso, created_at: iso });
    expect(localDayKey(ms)).toBe(expected[zone as Zone]);
  });
});

describe('entryStartMs', () => {
  const created = '2026-03-13T11:00:00.000000Z';
  it.each<[string | null, string, number]>([
    ['2026-03-13T09:00:00.000000Z', created, Date.UTC(2026, 2, 13, 9)],
    ['2026-03-13T09:00:00.123456Z', created, Date.UTC(2026, 2, 13, 9, 0, 0, 123)],
    ['2026-03-13T09:00:00.5Z', created, Date.UTC(2026, 2, 13, 9, 0, 0, 500)],
    ['2026-03-13T09:00:00Z', created, Date.UTC(2026, 2, 13, 9)],
    ['2026-03-13T09:00Z', created, Date.UTC(2026, 2, 13, 9)],
    ['2026-03-13T09:00:00+02:00', created, Date.UTC(2026, 2, 13, 7)],
    ['2026-03-13T09:00:00-0530', created, Date.UTC(2026, 2, 13, 14, 30)],
    ['2026-03-13 09:00:00', created, Date.UTC(2026, 2, 13, 9)],
    [null, created, Date.UTC(2026, 2, 13, 11)],
    ['not a date', created, Date.UTC(2026, 2, 13, 11)],
    ['2026-02-30T09:00:00Z', created, Date.UTC(2026, 2, 13, 11)],
    ['2026-03-13T25:00:00Z', created, Date.UTC(2026, 2, 13, 11)],
  ])('started_at %j', (started_at, created_at, ms) => {
    expect(entryStartMs({ started_at, created_at })).toBe(ms);
  });

  it('is NaN when neither time can be read', () => {
    expect(entryStartMs({ started_at: null, created_at: 'garbage' })).toBeNaN();
  });
});

describe('localWeek', () => {
  it.each([
    ['a Wednesday', local(2026, 3, 11, 15), '2026-03-09'],
    ['Monday 00:00', local(2026, 3, 9), '2026-03-09'],
    ['Sunday 23:59', local(2026, 3, 15, 23, 59), '2026-03-09'],
    ['the next Monday 00:00', local(2026, 3, 16), '2026-03-16'],
    ['New Year (a Thursday)', local(2026, 1, 1, 9), '2025-12-29'],
    ['leap day', local(2028, 2, 29, 9), '2028-02-28'],
  ])('starts on Monday for %s', (_label, now, monday) => {
    const week = localWeek(now);
    expect(week.days[0]).toBe(monday);
    expect(week.start).toBe(new Date(`${monday}T00:00`).getTime());
    expect(week.start).toBeLessThanOrEqual(now);
    expect(week.end).toBeGreaterThan(now);
    expect(new Date(week.end).getDay()).toBe(1);
    expect(new Date(week.end).getHours()).toBe(0);
    expect(new Date(week.start).getDay()).toBe(1);
  });

  it('lists the seven local days in order', () => {
    expect(localWeek(local(2026, 1, 1, 9)).days).toEqual([
      '2025-12-29',
      '2025-12-30',
      '2025-12-31',
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      '2026-01-04',
    ]);
  });
});

perZone(`localWeek across DST changes in ${runtimeZone}`, () => {
  it.each<[string, number, string[], Record<Zone, number>]>([
    [
      'US spring forward',
      local(2026, 3, 8, 12),
      ['2026-03-02', '2026-03-08'],
      { UTC: 168, 'Pacific/Auckland': 168, 'America/Los_Angeles': 167 },
    ],
    [
      'NZ fall back',
      local(2026, 4, 5, 12),
      ['2026-03-30', '2026-04-05'],
      { UTC: 168, 'Pacific/Auckland': 169, 'America/Los_Angeles': 168 },
    ],
    [
      'NZ spring forward',
      local(2026, 9, 27, 12),
      ['2026-09-21', '2026-09-27'],
      { UTC: 168, 'Pacific/Auckland': 167, 'America/Los_Angeles': 168 },
    ],
    [
      'US fall back',
      local(2026, 11, 1, 12),
      ['2026-10-26', '2026-11-01'],
      { UTC: 168, 'Pacific/Auckland': 168, 'America/Los_Angeles': 169 },
    ],
  ])('%s', (_label, now, [first, last], hours) => {
    const week = localWeek(now);
    expect(week.days).toHaveLength(7);
    expect(week.days[0]).toBe(first);
    expect(week.days[6]).toBe(last);
    expect(new Set(week.days).size).toBe(7);
    expect((week.end - week.start) / HOUR).toBe(hours[zone as Zone]);
    expect(new Date(week.end).getHours()).toBe(0);
    expect(localDayKey(week.end - 1)).toBe(last);
  });
});

perZone(`queryRangeForWeek in ${runtimeZone}`, () => {
  it.each<[number, Record<Zone, { startDate: string; endDate: string }>]>([
    [
      local(2026, 3, 11, 12),
      {
        UTC: { startDate: '2026-03-08', endDate: '2026-03-17' },
        'Pacific/Auckland': { startDate: '2026-03-07', endDate: '2026-03-16' },
        'America/Los_Angeles': { startDate: '2026-03-08', endDate: '2026-03-17' },
      },
    ],
    [
      local(2026, 1, 1, 12),
      {
        UTC: { startDate: '2025-12-28', endDate: '2026-01-06' },
        'Pacific/Auckland': { startDate: '2025-12-27', endDate: '2026-01-05' },
        'America/Los_Angeles': { startDate: '2025-12-28', endDate: '2026-01-06' },
      },
    ],
  ])('week of %d', (now, expected) => {
    expect(queryRangeForWeek(localWeek(now))).toEqual(expected[zone as Zone]);
  });
});

describe('queryRangeForWeek', () => {
  it.each([[local(2026, 3, 11, 12)], [local(2026, 4, 1, 12)], [local(2026, 11, 1, 12)]])(
    'covers the UTC and local date of every hour of the week of %d',
    (now) => {
      const week = localWeek(now);
      const { startDate, endDate } = queryRangeForWeek(week);
      for (let at = week.start; at < week.end; at += HOUR / 2) {
        for (const date of [new Date(at).toISOString().slice(0, 10), localDayKey(at)]) {
          expect(date >= startDate && date <= endDate).toBe(true);
        }
      }
      // Widened by exactly one day beyond the week's own UTC dates, not more.
      const firstUtc = new Date(week.start).toISOString().slice(0, 10);
      expect(Date.parse(firstUtc) - Date.parse(startDate)).toBe(24 * HOUR);
    },
  );
});

describe('entriesOfDay', () => {
  const lateYesterday = entry(local(2026, 3, 12, 23, 30));
  const earlyToday = entry(local(2026, 3, 13, 0, 30));
  const morning = entry(local(2026, 3, 13, 9));
  const noStart = entry(null, 15, local(2026, 3, 13, 17));
  const afternoon = entry(local(2026, 3, 13, 14));
  const tomorrow = entry(local(2026, 3, 14, 0, 0));
  const all = [lateYesterday, morning, noStart, earlyToday, afternoon, tomorrow];

  it.each([
    ['2026-03-12', [lateYesterday]],
    ['2026-03-13', [noStart, afternoon, morning, earlyToday]],
    ['2026-03-14', [tomorrow]],
    ['2026-03-15', []],
  ])('%s, newest first', (day, expected) => {
    expect(entriesOfDay(all, day)).toEqual(expected);
  });

  it('leaves its input alone', () => {
    const copy = [...all];
    entriesOfDay(all, '2026-03-13');
    expect(all).toEqual(copy);
  });
});

describe('weekChart', () => {
  const now = local(2026, 3, 13, 10); // a Friday
  const entries = [
    entry(local(2026, 3, 8, 23, 30), 600), // Sunday before: not in the week
    entry(local(2026, 3, 9, 0, 0), 15), // Monday 00:00
    entry(local(2026, 3, 12, 23, 30), 45), // Thursday, late
    entry(local(2026, 3, 13, 0, 30), 30), // Friday, early
    entry(null, 20, local(2026, 3, 13, 12)), // Friday, placed by created_at
    entry(local(2026, 3, 15, 23, 59), 5), // Sunday, last minute
    entry(local(2026, 3, 16, 0, 0), 600), // next Monday: not in the week
  ];

  it('sums minutes per local day, Monday first, marking today', () => {
    expect(weekChart(entries, now)).toEqual([
      { day: '2026-03-09', minutes: 15, isToday: false },
      { day: '2026-03-10', minutes: 0, isToday: false },
      { day: '2026-03-11', minutes: 0, isToday: false },
      { day: '2026-03-12', minutes: 45, isToday: false },
      { day: '2026-03-13', minutes: 50, isToday: true },
      { day: '2026-03-14', minutes: 0, isToday: false },
      { day: '2026-03-15', minutes: 5, isToday: false },
    ]);
  });

  it('has seven empty days without entries', () => {
    const chart = weekChart([], local(2026, 3, 16, 0, 0));
    expect(chart.map((d) => d.minutes)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(chart[0]).toEqual({ day: '2026-03-16', minutes: 0, isToday: true });
  });
});

describe('dayTimeline on a 24-hour day', () => {
  const day = '2026-03-12';
  it.each([
    ['06:00 for an hour', entry(local(2026, 3, 12, 6), 60), 6 / 24, 1 / 24],
    ['midnight for 6 hours', entry(local(2026, 3, 12, 0), 360), 0, 0.25],
    ['clipped at day end', entry(local(2026, 3, 12, 23), 120), 23 / 24, 1 / 24],
    ['a minute, widened to the minimum', entry(local(2026, 3, 12, 12), 1), 0.5, 0.004],
    ['zero minutes', entry(local(2026, 3, 12, 12), 0), 0.5, 0.004],
    ['no started_at', entry(null, 90, local(2026, 3, 12, 18)), 18 / 24, 1.5 / 24],
  ])('%s', (_label, e, startFrac, widthFrac) => {
    const [bar, ...rest] = dayTimeline([e], day);
    expect(rest).toEqual([]);
    expect(bar?.id).toBe(e.id);
    expect(bar?.startFrac).toBeCloseTo(startFrac, 10);
    expect(bar?.widthFrac).toBeCloseTo(widthFrac, 10);
  });

  it('keeps a minimum-width bar at the very end inside the strip', () => {
    const [bar] = dayTimeline([entry(local(2026, 3, 12, 23, 59), 0)], day);
    expect(bar?.widthFrac).toBe(0.004);
    expect(bar?.startFrac).toBeCloseTo(0.996, 10);
  });

  it('lists only that day’s entries, earliest first', () => {
    const a = entry(local(2026, 3, 12, 15));
    const b = entry(local(2026, 3, 12, 8));
    const other = entry(local(2026, 3, 11, 23, 30), 120);
    expect(dayTimeline([a, other, b], day).map((bar) => bar.id)).toEqual([b.id, a.id]);
  });

  it.each([['2026-02-30'], ['12-03-2026'], ['']])('is empty for the bad day key %j', (key) => {
    expect(dayTimeline([entry(local(2026, 3, 12, 6))], key)).toEqual([]);
  });
});

perZone(`dayTimeline on DST days in ${runtimeZone}`, () => {
  // Real hours from local midnight to local noon, and the length of the day.
  it.each<[string, number, Record<Zone, [number, number]>]>([
    [
      '2026-04-05',
      local(2026, 4, 5, 12),
      { UTC: [12, 24], 'Pacific/Auckland': [13, 25], 'America/Los_Angeles': [12, 24] },
    ],
    [
      '2026-03-08',
      local(2026, 3, 8, 12),
      { UTC: [12, 24], 'Pacific/Auckland': [12, 24], 'America/Los_Angeles': [11, 23] },
    ],
  ])('%s', (day, noon, table) => {
    const [beforeNoon, length] = table[zone as Zone];
    const [bar] = dayTimeline([entry(noon, 60)], day);
    expect(bar?.startFrac).toBeCloseTo(beforeNoon / length, 10);
    expect(bar?.widthFrac).toBeCloseTo(1 / length, 10);
  });
});
