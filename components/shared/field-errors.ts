import type { ErrorData } from '../../lib/types';

/** Kendo's field names, as the forms name their fields. */
const KENDO_FIELDS: Record<string, string> = {
  minutes_spent: 'duration',
  started_at: 'startedAt',
  note: 'note',
};

/**
 * An error's field messages under the form's field names, and what is left for under the form.
 * Messages that belong to a field shown in this form go next to it; anything else stays general.
 */
export function splitError(
  error: ErrorData | null | undefined,
  shown: readonly string[],
): { fields: Record<string, string[]>; general: string | null } {
  if (!error) return { fields: {}, general: null };
  const fields: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(error.fields ?? {})) {
    const name = KENDO_FIELDS[k] ?? k;
    if (shown.includes(name)) fields[name] = [...(fields[name] ?? []), ...v];
  }
  const placed = Object.keys(fields).length > 0;
  return { fields, general: placed ? null : error.message };
}
