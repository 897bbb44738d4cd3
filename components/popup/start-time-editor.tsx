import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { send } from '../../lib/messages';
import { formatDateTimeLocalInput, parseDateTimeLocalInput } from '../../lib/format';
import { Field } from '../shared/field';
import type { Timer } from '../../lib/types';

/** Correcting when the timer started, for the user who forgot to press Start. */
export function StartTimeEditor({ timer, onDone }: { timer: Timer; onDone(): void }) {
  const [value, setValue] = useState(formatDateTimeLocalInput(timer.startedAt));
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const at = parseDateTimeLocalInput(value);
    if (at === null) return setError(t('popupStartInvalid'));
    if (at > Date.now()) return setError(t('popupStartFuture'));
    setBusy(true);
    const res = await send('updateTimer', { timerId: timer.id, startedAt: at });
    setBusy(false);
    if (res.ok) return onDone();
    setError(res.error.fields?.startedAt?.join(' ') ?? res.error.message);
  };

  return (
    <form class="inline-form" aria-label={t('popupChangeStart')} onSubmit={submit} noValidate>
      <Field
        label={t('popupStartedAt')}
        type="datetime-local"
        value={value}
        error={error}
        autoFocus
        onValue={(v) => {
          setValue(v);
          setError(undefined);
        }}
      />
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {t('popupSaveStart')}
        </button>
        <button type="button" onClick={onDone}>
          {t('popupCancel')}
        </button>
      </div>
    </form>
  );
}
