import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { formatMinutes } from '../../lib/duration';
import { formatDateTimeLocalInput, parseDateTimeLocalInput } from '../../lib/format';
import { Field } from '../shared/field';
import { checkEntryInput } from './entry-checks';

/** What an entry form starts from: the entry as Kendo has it, or as it waits in the outbox. */
export interface EntryDraft {
  minutes: number;
  startMs: number;
  note: string;
}

/** The checked fields; `startedAt` is absent when the user left the start as it was. */
export type CheckedDraft =
  | { ok: true; minutes: number; startedAt?: number; note: string }
  | { ok: false; fields: Record<string, string[]> };

/**
 * The Duration, Started at and Note fields that editing an entry and fixing a refused one share,
 * and their checks, so that both forms refuse the same bad input with the same words.
 */
export function useEntryFields(initial: EntryDraft) {
  const startText = formatDateTimeLocalInput(initial.startMs);
  const [duration, setDuration] = useState(formatMinutes(initial.minutes));
  const [startedAt, setStartedAt] = useState(startText);
  const [note, setNote] = useState(initial.note);

  function check(): CheckedDraft {
    // The field holds whole minutes: an untouched start keeps the seconds it had.
    const at = startedAt === startText ? undefined : parseDateTimeLocalInput(startedAt);
    const { fields, minutes } = checkEntryInput(duration, at, note);
    if (at === null || Object.keys(fields).length) return { ok: false, fields };
    return { ok: true, minutes, note, ...(at !== undefined && { startedAt: at }) };
  }

  function render(errors: Record<string, string[]>, autoFocus = false) {
    return (
      <>
        <Field
          label={t('popupDuration')}
          value={duration}
          onValue={setDuration}
          error={errors.duration}
          autoFocus={autoFocus}
        />
        <Field
          label={t('popupStartedAt')}
          type="datetime-local"
          value={startedAt}
          onValue={setStartedAt}
          error={errors.startedAt}
        />
        <Field
          label={t('popupNote')}
          type="textarea"
          value={note}
          onValue={setNote}
          error={errors.note}
        />
      </>
    );
  }

  return { check, render };
}
