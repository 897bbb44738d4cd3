import { t } from '../../lib/i18n';
import { formatMinutes } from '../../lib/duration';
import { formatTime } from '../../lib/format';
import { entriesOfDay, localDayKey } from '../../lib/entries/days';
import { useNow } from '../shared/use-now';
import { Timeline, WeekChart } from './day-charts';
import { EntryRow } from './entry-row';
import type { EntriesCache, Entry, PendingDelete } from '../../lib/types';

/** The user's day: total, a picture of it and of the week, and every entry to fix or remove. */
export function Today(props: { entries: EntriesCache | null; pendingDeletes: PendingDelete[] }) {
  const now = useNow(30_000);
  const day = localDayKey(now);
  const cached = props.entries?.entries ?? [];
  const pending = new Map(props.pendingDeletes.map((d) => [d.entry.id, d]));
  // A deleted entry may already be gone from the cache; its row stays while Undo is offered.
  const known = new Set(cached.map((e) => e.id));
  const all: Entry[] = [
    ...cached,
    ...props.pendingDeletes.map((d) => d.entry).filter((e) => !known.has(e.id)),
  ];
  const counted = all.filter((e) => {
    const d = pending.get(e.id);
    return !d || d.state === 'failed';
  });
  const todays = entriesOfDay(all, day);
  const total = entriesOfDay(counted, day).reduce((sum, e) => sum + e.minutes_spent, 0);

  return (
    <section class="card today-card" aria-label={t('popupTodayRegion')}>
      <div class="today-head">
        <h2>{t('popupTodayRegion')}</h2>
        <span class="total">{t('popupTotal', formatMinutes(total))}</span>
      </div>
      <Timeline entries={entriesOfDay(counted, day)} day={day} />
      <WeekChart entries={counted} now={now} />
      {todays.length === 0 ? (
        <p class="subtle empty">{t('popupNothingToday')}</p>
      ) : (
        <ul class="plain entries">
          {todays.map((e) => (
            <EntryRow key={e.id} entry={e} pending={pending.get(e.id)} />
          ))}
        </ul>
      )}
      <p class="subtle small">
        {props.entries?.error && <span class="refresh-error">{props.entries.error.message} </span>}
        {props.entries && t('popupUpdated', formatTime(props.entries.fetchedAt))}
      </p>
    </section>
  );
}
