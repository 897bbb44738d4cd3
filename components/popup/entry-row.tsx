import { useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { Alert, useFailure } from '../shared/alert';
import { send } from '../../lib/messages';
import { formatMinutes } from '../../lib/duration';
import { formatTime } from '../../lib/format';
import { entryStartMs } from '../../lib/entries/days';
import { EditEntryForm } from './edit-entry-form';
import type { Entry, PendingDelete } from '../../lib/types';

const keyOf = (e: Entry) => e.issue_key ?? `#${e.issue_id}`;

/** A deleted entry, for as long as the delete can be taken back. */
function DeletedRow({ entry }: { entry: Entry }) {
  const [error, run] = useFailure();
  const undo = () => run(send('undoDelete', { entryId: entry.id }));
  return (
    <li class="entry deleted">
      <span>{t('popupDeleted', keyOf(entry))}</span>
      {' · '}
      <button type="button" class="link" onClick={() => void undo()}>
        {t('popupUndo')}
      </button>
      <Alert text={error} />
    </li>
  );
}

/** One of today's entries, with its actions. */
export function EntryRow({ entry, pending }: { entry: Entry; pending?: PendingDelete }) {
  const [editing, setEditing] = useState(false);
  const [error, run] = useFailure();
  const editButton = useRef<HTMLButtonElement>(null);
  if (pending && pending.state !== 'failed') return <DeletedRow entry={entry} />;

  const key = keyOf(entry);
  const duration = formatMinutes(entry.minutes_spent);
  const remove = () => run(send('deleteEntry', { entryId: entry.id }));
  const closeEdit = () => {
    setEditing(false);
    // Back to where the keyboard user was.
    setTimeout(() => editButton.current?.focus());
  };

  return (
    <li class="entry">
      <div class="entry-main">
        <span class="key">{key}</span>
        <span class="duration">{duration}</span>
        <span class="subtle">{formatTime(entryStartMs(entry))}</span>
      </div>
      {entry.issue_title && <p class="title">{entry.issue_title}</p>}
      {entry.note && <p class="note">{entry.note}</p>}
      {editing ? (
        <EditEntryForm entry={entry} onDone={closeEdit} />
      ) : (
        <div class="row actions">
          <button
            type="button"
            class="link"
            ref={editButton}
            aria-label={t('popupEditLabel', key, duration)}
            onClick={() => setEditing(true)}
          >
            {t('popupEdit')}
          </button>
          <button
            type="button"
            class="link danger-text"
            aria-label={
              pending
                ? t('popupRetryDeleteLabel', key, duration)
                : t('popupDeleteLabel', key, duration)
            }
            onClick={() => void remove()}
          >
            {pending ? t('popupRetryDelete') : t('popupDelete')}
          </button>
        </div>
      )}
      <Alert text={pending?.error?.message} />
      <Alert text={error} />
    </li>
  );
}
