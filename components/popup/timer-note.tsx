import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { send } from '../../lib/messages';
import { Field } from '../shared/field';
import type { Timer } from '../../lib/types';

const SAVE_AFTER_MS = 700;

/** The running timer's note: saved when the user pauses typing and when they leave the field. */
export function TimerNote({ timer }: { timer: Timer }) {
  const [note, setNote] = useState(timer.note);
  const [error, setError] = useState<string | undefined>();
  const editing = useRef(false);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Another view may change the note; take it, unless the user is typing here.
  useEffect(() => {
    if (!editing.current) setNote(timer.note);
  }, [timer.note]);
  useEffect(() => () => clearTimeout(pending.current), []);

  const save = async (value: string) => {
    clearTimeout(pending.current);
    editing.current = false;
    if (value === timer.note) return;
    const res = await send('updateTimer', { timerId: timer.id, note: value });
    setError(res.ok ? undefined : (res.error.fields?.note?.join(' ') ?? res.error.message));
  };

  return (
    <Field
      label={t('popupNote')}
      type="textarea"
      value={note}
      error={error}
      onValue={(v) => {
        editing.current = true;
        setNote(v);
        clearTimeout(pending.current);
        pending.current = setTimeout(() => void save(v), SAVE_AFTER_MS);
      }}
      onBlur={() => void save(note)}
    />
  );
}
