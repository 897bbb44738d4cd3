import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { send } from '../../lib/messages';
import { formatMinutes, parseDuration } from '../../lib/duration';
import { formatDateTimeLocalInput, parseDateTimeLocalInput } from '../../lib/format';
import { entryStartMs } from '../../lib/entries/days';
import { Field } from '../shared/field';
import { splitError } from '../shared/field-errors';
import { NOTE_MAX } from './quick-log';
import type { Entry, ErrorData } from '../../lib/types';

const FIELDS = ['duration', 'startedAt', 'note'] as const;

/** One of today's entries, changed in place. */
export function EditEntryForm({ entry, onDone }: { entry: Entry; onDone(): void }) {
  const [duration, setDuration] = useState(formatMinutes(entry.minutes_spent));
  const [startedAt, setStartedAt] = useState(formatDateTimeLocalInput(entryStartMs(entry)));
  const [note, setNote] = useState(entry.note ?? '');
  const [error, setError] = useState<ErrorData | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const parsed = parseDuration(duration);
    // The field holds whole minutes: an untouched start keeps Kendo's seconds.
    const untouched = startedAt === formatDateTimeLocalInput(entryStartMs(entry));
    const at = untouched ? entryStartMs(entry) : parseDateTimeLocalInput(startedAt);
    const local: Record<string, string[]> = {};
    if (!parsed.ok) local.duration = [parsed.message];
    if (at === null) local.startedAt = [t('popupStartInvalid')];
    else if (at > Date.now()) local.startedAt = [t('popupStartFuture')];
    if (note.length > NOTE_MAX) local.note = [t('popupNoteTooLong', NOTE_MAX)];
    if (!parsed.ok || at === null || Object.keys(local).length) {
      return setError({ kind: 'invalid', message: '', fields: local });
    }
    setBusy(true);
    const res = await send('updateEntry', {
      entryId: entry.id,
      minutes: parsed.minutes,
      startedAt: at,
      note,
    });
    setBusy(false);
    if (res.ok) return onDone();
    setError(res.error);
  };

  const { fields, general } = splitError(error, FIELDS);
  return (
    <form
      class="inline-form"
      aria-label={t('popupEditEntry')}
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
      noValidate
    >
      <Field
        label={t('popupDuration')}
        value={duration}
        onValue={setDuration}
        error={fields.duration}
        autoFocus
      />
      <Field
        label={t('popupStartedAt')}
        type="datetime-local"
        value={startedAt}
        onValue={setStartedAt}
        error={fields.startedAt}
      />
      <Field
        label={t('popupNote')}
        type="textarea"
        value={note}
        onValue={setNote}
        error={fields.note}
      />
      {general && (
        <p class="error" role="alert">
          {general}
        </p>
      )}
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {t('popupSave')}
        </button>
        <button type="button" onClick={onDone}>
          {t('popupCancel')}
        </button>
      </div>
    </form>
  );
}
