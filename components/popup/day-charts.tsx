import { t } from '../../lib/i18n';
import { formatMinutes } from '../../lib/duration';
import { formatDayLabel, formatTime } from '../../lib/format';
import { dayTimeline, entryStartMs, weekChart } from '../../lib/entries/days';
import type { Entry } from '../../lib/types';

const HOURS = [0, 6, 12, 18, 24];

/** Today as a strip: each entry placed by its start and length in the local day. */
export function Timeline({ entries, day }: { entries: Entry[]; day: string }) {
  const bars = dayTimeline(entries, day);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const summary = bars
    .map((b) => byId.get(b.id))
    .filter((e): e is Entry => !!e)
    .map((e) => {
      const at = entryStartMs(e);
      return `${e.issue_key ?? ''} ${formatTime(at)}–${formatTime(at + e.minutes_spent * 60_000)}`;
    })
    .join(', ');
  return (
    <div class="timeline-wrap">
      <div
        class="timeline"
        role="img"
        aria-label={t('popupTimelineLabel', summary || t('popupTimelineEmpty'))}
      >
        {bars.map((b) => (
          <span
            key={b.id}
            class="bar"
            style={{ left: `${b.startFrac * 100}%`, width: `${b.widthFrac * 100}%` }}
          />
        ))}
      </div>
      <div class="ticks" aria-hidden="true">
        {HOURS.map((h) => (
          <span key={h} style={{ left: `${(h / 24) * 100}%` }}>
            {h}
          </span>
        ))}
      </div>
    </div>
  );
}

/** Minutes per day of this week, Monday first, today marked. */
export function WeekChart({ entries, now }: { entries: Entry[]; now: number }) {
  const days = weekChart(entries, now);
  const max = Math.max(60, ...days.map((d) => d.minutes));
  const label = days.map((d) => `${formatDayLabel(d.day)} ${formatMinutes(d.minutes)}`).join(', ');
  return (
    <div class="week" role="img" aria-label={t('popupWeekLabel', label)}>
      {days.map((d) => (
        <div key={d.day} class={d.isToday ? 'day today' : 'day'}>
          <div class="col">
            <span class="fill" style={{ height: `${(d.minutes / max) * 100}%` }} />
          </div>
          <span class="label">{formatDayLabel(d.day)}</span>
        </div>
      ))}
    </div>
  );
}
