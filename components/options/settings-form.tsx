import { useState } from 'preact/hooks';
import { send } from '../../lib/messages';
import { t, type MessageKey } from '../../lib/i18n';
import { useView } from '../../lib/ui/store';
import type { Settings } from '../../lib/types';
import type { RoundingMode, RoundingStep } from '../../lib/timer/rounding';
import { OptionField } from './option-field';
import { useCommit } from './use-commit';

type Key = 'mode' | 'step' | 'idle' | 'idleMinutes' | 'reminder' | 'reminderHours';
type Note = { key: Key; text: string; failed: boolean } | null;

const MODES: [RoundingMode, MessageKey][] = [
  ['nearest', 'optionsRoundNearest'],
  ['up', 'optionsRoundUp'],
  ['down', 'optionsRoundDown'],
];
const STEPS: RoundingStep[] = [1, 5, 6, 10, 15, 30];

/** Whole minutes from 1 to 240, as the background accepts them; null otherwise. */
export function parseIdleMinutes(text: string): number | null {
  const n = Number(text);
  return text.trim() !== '' && Number.isInteger(n) && n >= 1 && n <= 240 ? n : null;
}

/** Hours from 0.5 to 24 (a comma is read as a decimal point); null otherwise. */
export function parseReminderHours(text: string): number | null {
  const n = Number(text.replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(n) && n >= 0.5 && n <= 24 ? n : null;
}

/** Every setting saves itself on change through `saveSettings`; there is no second Save button. */
export function SettingsForm() {
  const settings = useView((s) => s.settings);
  const [note, setNote] = useState<Note>(null);
  // What is being typed in a number field, until it is saved; otherwise the stored value shows.
  const [idleDraft, setIdleDraft] = useState<string | null>(null);
  const [hoursDraft, setHoursDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<Partial<Record<Key, string>>>({});

  async function save(key: Key, next: Settings): Promise<boolean> {
    setNote({ key, text: t('optionsSaving'), failed: false });
    const res = await send('saveSettings', { settings: next });
    setNote(
      res.ok
        ? { key, text: t('optionsSaved'), failed: false }
        : { key, text: t('optionsSaveFailed', res.error.message), failed: true },
    );
    return res.ok;
  }

  function saveNumber(key: 'idleMinutes' | 'reminderHours', text: string): void {
    const value = key === 'idleMinutes' ? parseIdleMinutes(text) : parseReminderHours(text);
    if (value === null) {
      setNote(null);
      setInvalid((v) => ({
        ...v,
        [key]: t(key === 'idleMinutes' ? 'optionsIdleInvalid' : 'optionsReminderInvalid'),
      }));
      return;
    }
    setInvalid((v) => ({ ...v, [key]: undefined }));
    const next =
      key === 'idleMinutes'
        ? { ...settings, idle: { ...settings.idle, minutes: value } }
        : { ...settings, reminder: { ...settings.reminder, hours: value } };
    // The draft stays until the save is through, so the old value never flashes back.
    void save(key, next).then(
      (ok) => ok && (key === 'idleMinutes' ? setIdleDraft : setHoursDraft)(null),
    );
  }

  const idleRef = useCommit((v) => saveNumber('idleMinutes', v));
  const hoursRef = useCommit((v) => saveNumber('reminderHours', v));

  const saved = (key: Key) => (
    <span role="status" class={note?.key === key && note.failed ? 'saved error' : 'saved'}>
      {note?.key === key ? note.text : ''}
    </span>
  );

  return (
    <div class="settings">
      <div class="group">
        <OptionField
          id="rounding-mode"
          label={t('optionsRounding')}
          hint={t('optionsRoundingHint')}
          after={saved('mode')}
        >
          {(a11y) => (
            <select
              {...a11y}
              value={settings.rounding.mode}
              onChange={(e) =>
                void save('mode', {
                  ...settings,
                  rounding: { ...settings.rounding, mode: e.currentTarget.value as RoundingMode },
                })
              }
            >
              {MODES.map(([mode, label]) => (
                <option value={mode}>{t(label)}</option>
              ))}
            </select>
          )}
        </OptionField>
        <OptionField id="rounding-step" label={t('optionsRoundingStep')} after={saved('step')}>
          {(a11y) => (
            <select
              {...a11y}
              value={String(settings.rounding.step)}
              onChange={(e) =>
                void save('step', {
                  ...settings,
                  rounding: {
                    ...settings.rounding,
                    step: Number(e.currentTarget.value) as RoundingStep,
                  },
                })
              }
            >
              {STEPS.map((step) => (
                <option value={String(step)}>
                  {step === 1 ? t('optionsStepOneMinute') : t('optionsStepMinutes', step)}
                </option>
              ))}
            </select>
          )}
        </OptionField>
      </div>
      <div class="group">
        <OptionField id="idle" label={t('optionsIdle')} inline after={saved('idle')}>
          {(a11y) => (
            <input
              {...a11y}
              type="checkbox"
              checked={settings.idle.enabled}
              onChange={(e) =>
                void save('idle', {
                  ...settings,
                  idle: { ...settings.idle, enabled: e.currentTarget.checked },
                })
              }
            />
          )}
        </OptionField>
        <OptionField
          id="idle-minutes"
          label={t('optionsIdleMinutes')}
          error={invalid.idleMinutes}
          after={saved('idleMinutes')}
        >
          {(a11y) => (
            <input
              {...a11y}
              type="number"
              min={1}
              max={240}
              step={1}
              ref={idleRef}
              value={idleDraft ?? String(settings.idle.minutes)}
              onInput={(e) => setIdleDraft(e.currentTarget.value)}
            />
          )}
        </OptionField>
      </div>
      <div class="group">
        <OptionField id="reminder" label={t('optionsReminder')} inline after={saved('reminder')}>
          {(a11y) => (
            <input
              {...a11y}
              type="checkbox"
              checked={settings.reminder.enabled}
              onChange={(e) =>
                void save('reminder', {
                  ...settings,
                  reminder: { ...settings.reminder, enabled: e.currentTarget.checked },
                })
              }
            />
          )}
        </OptionField>
        <OptionField
          id="reminder-hours"
          label={t('optionsReminderHours')}
          error={invalid.reminderHours}
          after={saved('reminderHours')}
        >
          {(a11y) => (
            <input
              {...a11y}
              type="number"
              min={0.5}
              max={24}
              step={0.5}
              ref={hoursRef}
              value={hoursDraft ?? String(settings.reminder.hours)}
              onInput={(e) => setHoursDraft(e.currentTarget.value)}
            />
          )}
        </OptionField>
      </div>
    </div>
  );
}
