import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { Alert } from '../shared/alert';
import { send } from '../../lib/messages';
import { formatMinutes } from '../../lib/duration';
import { parseDateTimeLocalInput } from '../../lib/format';
import { detectIssue } from '../../lib/issue/detect';
import { Field } from '../shared/field';
import { splitError } from '../shared/field-errors';
import { checkEntryInput, NOTE_MAX, numbers } from './entry-checks';
import type { ErrorData } from '../../lib/types';

/** The counter appears this close to the limit, where it starts to matter. */
const COUNTER_FROM = 9_000;
const FIELDS = ['issue', 'duration', 'startedAt', 'note'] as const;

function keyOf(input: string): string {
  try {
    return detectIssue(new URL(input.trim()))?.key ?? input.trim().toUpperCase();
  } catch {
    return input.trim().toUpperCase();
  }
}

/** The form's fields, checked; an empty start means the entry ended now. */
function validate(duration: string, startedAt: string, note: string) {
  const at = startedAt === '' ? undefined : parseDateTimeLocalInput(startedAt);
  return { ...checkEntryInput(duration, at, note), at: at ?? undefined };
}

/** Time worked without a timer. The issue starts as the active tab's. */
export function QuickLog({ tabKey }: { tabKey: string | null }) {
  const [issue, setIssue] = useState(tabKey ?? '');
  const [touched, setTouched] = useState(false);
  const [duration, setDuration] = useState('');
  const [startedAt, setStartedAt] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ErrorData | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const [suggestions, setSuggestions] = useState<{ key: string; title: string }[]>([]);

  // The tab is read after the first paint: fill it in unless the user already typed.
  useEffect(() => {
    if (tabKey && !touched) setIssue(tabKey);
  }, [tabKey]);
  // Suggestions cost Kendo a request: ask only when the user goes to the Issue field, once.
  const asked = useRef(false);
  const loadSuggestions = () => {
    if (asked.current) return;
    asked.current = true;
    void send('suggestIssues', {}).then((res) => {
      if (res.ok && Array.isArray(res.value)) setSuggestions(res.value);
    });
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setDone('');
    const checked = validate(duration, startedAt, note);
    if (Object.keys(checked.fields).length) {
      return setError({ kind: 'invalid', message: '', fields: checked.fields });
    }
    setBusy(true);
    const res = await send('logTime', {
      issue: issue.trim(),
      minutes: checked.minutes,
      note,
      ...(checked.at !== undefined && { startedAt: checked.at }),
    });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setError(null);
    setDuration('');
    setNote('');
    setStartedAt('');
    setDone(t('popupLogged', formatMinutes(checked.minutes), keyOf(issue)));
  };

  const { fields, general } = splitError(error, FIELDS);
  return (
    <form class="card quick-log" aria-label={t('popupLogTime')} onSubmit={submit} noValidate>
      <h2>{t('popupLogTime')}</h2>
      <div class="grid2">
        <Field
          label={t('popupIssue')}
          value={issue}
          placeholder="KD-0042"
          error={fields.issue}
          onFocus={loadSuggestions}
          onValue={(v) => {
            setTouched(true);
            setIssue(v);
          }}
        />
        <Field
          label={t('popupDuration')}
          value={duration}
          placeholder="1h 30m"
          error={fields.duration}
          onValue={setDuration}
        />
      </div>
      {suggestions.length > 0 && (
        // Buttons rather than a <datalist>: a list would turn the Issue textbox into a combobox.
        <ul class="suggestions" aria-label={t('popupSuggestions')}>
          {suggestions
            .filter((x) => x.key !== issue.trim().toUpperCase())
            .slice(0, 6)
            .map((x) => (
              <li key={x.key}>
                <button
                  type="button"
                  class="chip"
                  title={x.title}
                  aria-label={t('popupUseIssue', x.key, x.title)}
                  onClick={() => {
                    setTouched(true);
                    setIssue(x.key);
                  }}
                >
                  {x.key}
                </button>
              </li>
            ))}
        </ul>
      )}
      <Field
        label={t('popupStartedAt')}
        type="datetime-local"
        value={startedAt}
        hint={t('popupStartedAtHint')}
        error={fields.startedAt}
        onValue={setStartedAt}
      />
      <Field
        label={t('popupNote')}
        type="textarea"
        value={note}
        error={fields.note}
        hint={
          note.length >= COUNTER_FROM
            ? `${numbers.format(note.length)} / ${numbers.format(NOTE_MAX)}`
            : undefined
        }
        onValue={setNote}
      />
      <button type="submit" class="primary" disabled={busy}>
        {t('popupLogTime')}
      </button>
      <Alert text={general} />
      <p role="status" class="ok">
        {done}
      </p>
    </form>
  );
}
