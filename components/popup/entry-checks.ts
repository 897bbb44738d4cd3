import { t } from '../../lib/i18n';
import { parseDuration } from '../../lib/duration';

/** Kendo's limit on a note. */
export const NOTE_MAX = 10_000;

/** Numbers as the browser's locale writes them (10,000 or 10.000). */
export const numbers = new Intl.NumberFormat();

/**
 * What every entry form checks before sending, so a bad form sends nothing and each form refuses
 * the same input with the same words. `start` is the parsed Started at field: null when it
 * cannot be read, undefined when the form has none to send.
 */
export function checkEntryInput(
  duration: string,
  start: number | null | undefined,
  note: string,
): { fields: Record<string, string[]>; minutes: number } {
  const fields: Record<string, string[]> = {};
  const parsed = parseDuration(duration);
  if (!parsed.ok) fields.duration = [parsed.message];
  if (start === null) fields.startedAt = [t('popupStartInvalid')];
  else if (start !== undefined && start > Date.now()) fields.startedAt = [t('popupStartFuture')];
  if (note.length > NOTE_MAX) fields.note = [t('popupNoteTooLong', numbers.format(NOTE_MAX))];
  return { fields, minutes: parsed.ok ? parsed.minutes : 0 };
}
