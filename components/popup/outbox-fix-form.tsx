import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { Alert } from '../shared/alert';
import { send } from '../../lib/messages';
import { Field } from '../shared/field';
import { Confirm } from '../shared/confirm';
import { splitError } from '../shared/field-errors';
import { useEntryFields } from './entry-fields';
import type { ErrorData, OutboxItem } from '../../lib/types';

const FIELDS = ['duration', 'startedAt', 'note', 'issue'] as const;

/** An entry Kendo refused: fix what it objected to, move it to another issue, or give it up. */
export function OutboxFixForm({ item }: { item: OutboxItem }) {
  const draft = useEntryFields({
    minutes: item.body.minutes_spent,
    startMs: item.deviceStartedAt,
    note: item.body.note ?? '',
  });
  const [issue, setIssue] = useState(item.issue.key);
  const [sendError, setSendError] = useState<ErrorData | null>(null);
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  // The server's objections until the user sends again; then the answer to that.
  const { fields, general } = splitError(sendError ?? item.lastError, FIELDS);

  const submit = async (e: Event) => {
    e.preventDefault();
    const checked = draft.check();
    if (!checked.ok) return setSendError({ kind: 'invalid', message: '', fields: checked.fields });
    setBusy(true);
    const moved = issue.trim().toUpperCase() !== item.issue.key.toUpperCase();
    const res = await send('fixOutbox', {
      localId: item.localId,
      minutes: checked.minutes,
      ...(checked.startedAt !== undefined && { startedAt: checked.startedAt }),
      note: checked.note,
      ...(moved && { issue: issue.trim() }),
    });
    setBusy(false);
    setSendError(res.ok ? null : res.error);
  };

  return (
    <form
      class="inline-form"
      aria-label={t('popupFixEntry', item.issue.key)}
      onSubmit={submit}
      noValidate
    >
      {draft.render(fields)}
      <Field label={t('popupIssue')} value={issue} onValue={setIssue} error={fields.issue} />
      <Alert text={sendError && general} />
      {confirm ? (
        <Confirm
          yes={t('popupYesDiscard')}
          no={t('popupKeepEntry')}
          onYes={() => void send('discardOutbox', { localId: item.localId })}
          onNo={() => setConfirm(false)}
        >
          {t('popupDiscardEntryQuestion')}
        </Confirm>
      ) : (
        <div class="row">
          <button type="submit" class="primary" disabled={busy}>
            {t('popupSendAgain')}
          </button>
          <button type="button" onClick={() => setConfirm(true)}>
            {t('popupDiscardEntry')}
          </button>
        </div>
      )}
    </form>
  );
}
