import { z } from 'zod/mini';
import { KendoError, isRecord, whatName } from './errors';
import { t } from '../i18n';

// zod/mini's z.object is the interpreted $ZodObject (only classic zod's object compiles a
// parser with `new Function`), so it already runs under MV3's CSP. jitless also skips
// zod's `new Function` probe, which a strict CSP would report as a violation.
z.config({ jitless: true });

// Objects strip unknown fields: Kendo may add fields at any time. Known fields are checked.
const nullableText = z._default(z.nullable(z.string()), null);

/** The owner of a token (GET /api/auth/user). */
export const UserSchema = z.object({
  id: z.number(),
  name: z.string(),
  // Optional and nullable in practice: a user with no email must not break sign-in.
  // A null one reads as none: an overwrite, a transform that spares the bundle zod's pipes.
  email: z.optional(z.nullable(z.string())).check(z.overwrite((v) => v ?? undefined)),
});
export type User = z.infer<typeof UserSchema>;

/** A project (GET /api/projects). */
export const ProjectSchema = z.object({ id: z.number(), name: z.string(), code: z.string() });
export type Project = z.infer<typeof ProjectSchema>;

/** An issue; `key` is like 'KD-0042' and is a different number from `id`. */
export const IssueSchema = z.object({
  id: z.number(),
  key: z.string(),
  title: z.string(),
  project_id: z.number(),
  lane_id: z.optional(z.nullable(z.number())),
  created_at: z.optional(z.nullable(z.string())),
});
export type Issue = z.infer<typeof IssueSchema>;

/** A time entry as Kendo returns it; timestamps are UTC ISO 8601. */
export const TimeEntrySchema = z.object({
  id: z.number(),
  user_id: z.number(),
  issue_id: z.number(),
  project_id: z.number(),
  minutes_spent: z.number(),
  /** null when Kendo has none: fall back to created_at. */
  started_at: nullableText,
  note: nullableText,
  created_at: z.string(),
  issue_title: z.optional(z.nullable(z.string())),
  issue_key: z.optional(z.nullable(z.string())),
});
export type TimeEntry = z.infer<typeof TimeEntrySchema>;

/**
 * `z.int()`, the same checks without zod's number-format machinery (its table of formats and
 * ranges): a number, whole (nothing more is checked when not), within the safe integer range.
 */
export function int(params?: { error: () => string }) {
  return z
    .number(params)
    .check(
      z.refine(Number.isInteger, { ...params, abort: true }),
      z.refine(Number.isSafeInteger, params),
    );
}

/**
 * zod's `z.iso.datetime({ offset: true })` pattern, copied: a real calendar date, seconds, an
 * optional fraction, then Z or ±hh:mm. As a refine it spares the bundle zod's string-format
 * machinery, which nothing else here uses.
 */
const ISO_DATE_TIME = new RegExp(
  '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|' +
    '\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|' +
    '(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?' +
    '(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$',
);

/**
 * Body of a create or update. Messages are shown next to the field, so they are sentences; they
 * are looked up when an error happens, not when this module loads.
 */
export const TimeEntryBodySchema = z.object({
  minutes_spent: int({ error: () => t('errMinutesWhole') }).check(
    z.minimum(1, { error: () => t('errMinutesMin') }),
  ),
  started_at: z.optional(
    z
      .string({ error: () => t('errStartIso') })
      .check(z.refine((s) => ISO_DATE_TIME.test(s), { error: () => t('errStartIso') })),
  ),
  note: z.optional(
    z
      .string({ error: () => t('errNoteText') })
      // Counted in characters (code points) as Kendo (PHP's mb_strlen) counts, not UTF-16 units.
      .check(z.refine((s) => [...s].length <= 10_000, { error: () => t('errNoteTooLong') })),
  ),
});
export type TimeEntryBody = z.infer<typeof TimeEntryBodySchema>;

type Schema<T> = z.ZodMiniType<T>;

/**
 * One object from a response. Laravel API resources wrap single objects in `{data: {...}}`;
 * both forms are accepted. Throws KendoError 'bad_response' naming what was wrong.
 */
export function parseEntity<T>(schema: Schema<T>, body: unknown, what: string): T {
  const value =
    isRecord(body) && isRecord(body.data) && !('id' in body) ? (body.data as unknown) : body;
  return parseOrThrow(schema, value, what);
}

/**
 * List bodies: a bare array or {data:[...], ...}; returns the items and the next page URL
 * if the envelope says there is one (`links.next`, or Laravel's plain `next_page_url`).
 * Throws KendoError 'bad_response' naming what was wrong.
 */
export function parseList<T>(
  itemSchema: Schema<T>,
  body: unknown,
  what: string,
): { items: T[]; next: string | null } {
  if (Array.isArray(body))
    return { items: parseOrThrow(z.array(itemSchema), body, what), next: null };
  if (!isRecord(body) || !Array.isArray(body.data)) {
    throw wrongShape(what, 'expected a list');
  }
  const items = parseOrThrow(z.array(itemSchema), body.data, what);
  const links = body.links;
  const next = isRecord(links) && 'next' in links ? links.next : body.next_page_url;
  return { items, next: typeof next === 'string' && next ? next : null };
}

/**
 * A create/update body, checked before anything is sent. Throws KendoError 'validation'
 * with a message per field; such a request is never sent, so definitely not applied.
 */
export function checkEntryBody(body: unknown): TimeEntryBody {
  const result = TimeEntryBodySchema.safeParse(body);
  if (result.success) return result.data;
  const fields: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? 'body');
    const message = issue.message === 'Invalid input' ? describeIssue(issue, body) : issue.message;
    (fields[key] ??= []).push(message);
  }
  const first = Object.values(fields)[0]?.[0] ?? t('errEntryInvalid');
  throw new KendoError('validation', first, { fields, definitelyNotApplied: true });
}

function parseOrThrow<T>(schema: Schema<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.slice(0, 3).map((issue) => describeIssue(issue, value));
  throw wrongShape(what, details.join('; '));
}

function wrongShape(what: string, detail: string): KendoError {
  // The server answered 2xx, so a write may well have been applied. The detail stays technical
  // (field names and types are the same in every language); the sentence around it does not.
  return new KendoError('bad_response', t('errWrongShape', whatName(what), detail), {
    definitelyNotApplied: false,
  });
}

/** 'minutes_spent: expected number, got string', from the issue and the value it was about. */
function describeIssue(issue: z.core.$ZodIssue, root: unknown): string {
  const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.');
  const prefix = where ? `${where.replace(/\.\[/g, '[')}: ` : '';
  switch (issue.code) {
    case 'invalid_type': {
      const got = typeAt(root, issue.path);
      return got === 'undefined'
        ? `${prefix}missing (expected ${issue.expected})`
        : `${prefix}expected ${issue.expected}, got ${got}`;
    }
    case 'too_small':
      return `${prefix}must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `${prefix}must be at most ${String(issue.maximum)}`;
    case 'invalid_format':
      return `${prefix}expected ${issue.format}`;
    default:
      return `${prefix}is not valid`;
  }
}

function typeAt(root: unknown, path: readonly PropertyKey[]): string {
  let v: unknown = root;
  for (const key of path) v = isRecord(v) || Array.isArray(v) ? (v as never)[key] : undefined;
  if (v === null) return 'null';
  return Array.isArray(v) ? 'array' : typeof v;
}
