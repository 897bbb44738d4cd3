// Laravel-style validation of what clients send, with Laravel's wording, so the
// extension is tested against the messages it will show next to its fields.
import { parseKendoDate, parseYmd } from './time';

export type FieldErrors = Record<string, string[]>;

/** `{message, errors}` as Laravel answers a failed validation (422). */
export function validationBody(errors: FieldErrors): { message: string; errors: FieldErrors } {
  const all = Object.values(errors).flat();
  const more = all.length - 1;
  const suffix = more > 0 ? ` (and ${more} more error${more > 1 ? 's' : ''})` : '';
  return { message: `${all[0] ?? 'The given data was invalid.'}${suffix}`, errors };
}

export const NOTE_MAX = 10_000;

export interface EntryInput {
  minutes_spent: number;
  /** Epoch ms; null when explicitly null; undefined when absent. */
  started_at?: number | null;
  note?: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Create and update take the same fields and rules (kendo-api.md). */
export function validateEntry(
  body: unknown,
  now: number,
): { ok: true; value: EntryInput } | { ok: false; errors: FieldErrors } {
  const input = isObject(body) ? body : {};
  const errors: FieldErrors = {};
  const value: EntryInput = { minutes_spent: 0 };

  const minutes = input.minutes_spent;
  if (minutes === undefined || minutes === null || minutes === '') {
    errors.minutes_spent = ['The minutes spent field is required.'];
  } else if (typeof minutes !== 'number' || !Number.isInteger(minutes)) {
    // Strings are refused too, though PHP would coerce "90": the extension sends numbers.
    errors.minutes_spent = ['The minutes spent field must be an integer.'];
  } else if (minutes < 1) {
    errors.minutes_spent = ['The minutes spent field must be at least 1.'];
  } else {
    value.minutes_spent = minutes;
  }

  if ('started_at' in input) {
    const s = input.started_at;
    if (s === null) value.started_at = null;
    else if (typeof s !== 'string' || Number.isNaN(parseKendoDate(s))) {
      errors.started_at = ['The started at field must be a valid date.'];
    } else if (parseKendoDate(s) > now) {
      errors.started_at = ['The started at field must be a date before or equal to now.'];
    } else value.started_at = parseKendoDate(s);
  }

  if ('note' in input) {
    const n = input.note;
    if (n === null) value.note = null;
    else if (typeof n !== 'string') errors.note = ['The note field must be a string.'];
    else if ([...n].length > NOTE_MAX) {
      errors.note = [`The note field must not be greater than ${NOTE_MAX} characters.`];
    } else value.note = n;
  }

  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}

export interface RangeInput {
  start: string;
  end: string;
  projectId?: number;
}

export function validateRange(
  q: Record<string, string>,
): { ok: true; value: RangeInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const date = (field: 'start_date' | 'end_date', label: string): string | null => {
    const raw = q[field];
    if (raw === undefined || raw === '') {
      errors[field] = [`The ${label} field is required.`];
      return null;
    }
    const ok = parseYmd(raw);
    if (!ok) errors[field] = [`The ${label} field must match the format Y-m-d.`];
    return ok;
  };
  const start = date('start_date', 'start date');
  const end = date('end_date', 'end date');
  if (start && end && end < start) {
    errors.end_date = ['The end date field must be a date after or equal to start date.'];
  }
  let projectId: number | undefined;
  const rawProject = q.project_id;
  if (rawProject !== undefined && rawProject !== '') {
    if (!/^\d+$/.test(rawProject)) errors.project_id = ['The project id field must be an integer.'];
    else projectId = Number(rawProject);
  }
  if (Object.keys(errors).length || !start || !end) return { ok: false, errors };
  return { ok: true, value: { start, end, projectId } };
}
