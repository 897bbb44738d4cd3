import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { Alert } from '../shared/alert';
import { send } from '../../lib/messages';
import { entryStartMs } from '../../lib/entries/days';
import { splitError } from '../shared/field-errors';
import { useEntryFields } from './entry-fields';
import type { Entry, ErrorData } from '../../lib/types';

const FIELDS = ['duration', 'startedAt', 'note'] as const;

/** One of today's entries, changed in place. */
export function EditEntryForm({ entry, onDone }: { entry: Entry; onDone(): void }) {
  const draft = useEntryFields({
    minutes: entry.minutes_spent,
    startMs: entryStartMs(entry),
    note: entry.note ?? '',
  });
  const [error, setError] = useState<ErrorData | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const checked = draft.check();
    if (!checked.ok) return setError({ kind: 'invalid', message: '', fields: checked.fields });
    setBusy(true);
    const res = await send('updateEntry', {
      entryId: entry.id,
      minutes: checked.minutes,
      startedAt: checked.startedAt ?? entryStartMs(entry),
      note: checked.note,
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
      {draft.render(fields, true)}
      <Alert text={general} />
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
