import { t, type MessageKey } from '../i18n';

/** What went wrong talking to Kendo, coarse enough for a caller to decide what to do next. */
export type KendoErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'validation'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'bad_response';

/** Optional details of a {@link KendoError}. */
export interface KendoErrorInit {
  status?: number;
  fields?: Record<string, string[]>;
  retryAfterMs?: number;
  /** Defaults by kind: false for network, timeout and server, true otherwise. */
  definitelyNotApplied?: boolean;
  cause?: unknown;
}

/** The one error the Kendo client throws. `message` is in the user's language, fit to show them. */
export class KendoError extends Error {
  kind: KendoErrorKind;
  status?: number;
  /** 422 messages per field, to show next to that field. */
  fields?: Record<string, string[]>;
  /** How long Kendo asked us to wait (429 Retry-After), in ms. */
  retryAfterMs?: number;
  /**
   * false when the request may have reached the server and been applied (network error,
   * timeout, 5xx, a 2xx we could not read): the caller must look before resending a POST.
   */
  definitelyNotApplied: boolean;

  constructor(kind: KendoErrorKind, message: string, init: KendoErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'KendoError';
    this.kind = kind;
    if (init.status !== undefined) this.status = init.status;
    if (init.fields !== undefined) this.fields = init.fields;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    this.definitelyNotApplied =
      init.definitelyNotApplied ?? !(kind === 'network' || kind === 'timeout' || kind === 'server');
  }
}

/** True for a KendoError, also one from another bundle (where `instanceof` fails). */
export function isKendoError(e: unknown): e is KendoError {
  return (
    e instanceof KendoError ||
    (e instanceof Error &&
      e.name === 'KendoError' &&
      typeof (e as Partial<KendoError>).kind === 'string' &&
      typeof (e as Partial<KendoError>).definitelyNotApplied === 'boolean')
  );
}

/** JSON-safe form of an error, for messages and storage. */
export type KendoErrorData = {
  kind: KendoErrorKind;
  message: string;
  status?: number;
  fields?: Record<string, string[]>;
  retryAfterMs?: number;
};

/**
 * Any thrown value as {@link KendoErrorData}. Something that is not a KendoError is a bug
 * on our side, not Kendo's; it is reported as 'bad_response' since no kind fits better and
 * retrying it will not help.
 */
export function toErrorData(e: unknown): KendoErrorData {
  if (!isKendoError(e)) {
    const detail = e instanceof Error ? e.message : String(e);
    return { kind: 'bad_response', message: t('errUnexpected', detail) };
  }
  const data: KendoErrorData = { kind: e.kind, message: e.message };
  if (e.status !== undefined) data.status = e.status;
  if (e.fields !== undefined) data.fields = e.fields;
  if (e.retryAfterMs !== undefined) data.retryAfterMs = e.retryAfterMs;
  return data;
}

/** Used when a 429 carries no usable Retry-After. */
export const DEFAULT_RETRY_AFTER_MS = 30_000;

/**
 * Retry-After (delay in seconds or an HTTP date) in ms. A date is measured against the
 * server's own Date header when there is one, so a skewed local clock does not distort it.
 */
export function parseRetryAfter(
  value: string | null,
  serverNowMs: number | undefined,
  localNowMs: number,
): number {
  const text = value?.trim() ?? '';
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  // Date.parse takes nearly anything ('-5' is a year); every HTTP date starts with a day name.
  const at = /^[a-z]{3}/i.test(text) ? Date.parse(text) : NaN;
  if (!Number.isNaN(at)) return Math.max(0, at - (serverNowMs ?? localNowMs));
  return DEFAULT_RETRY_AFTER_MS;
}

/** What a request asks for, named in messages ('Kendo could not find this issue'). */
const WHAT_KEYS: Record<string, MessageKey> = {
  user: 'errWhatUser',
  project: 'errWhatProject',
  issue: 'errWhatIssue',
  'time entry': 'errWhatTimeEntry',
};

/** A request's `what` ('issue', 'time entry') in the user's language, to fill a message's blank. */
export function whatName(what: string): string {
  const key = Object.hasOwn(WHAT_KEYS, what) ? WHAT_KEYS[what] : undefined;
  return key ? t(key) : what;
}

/** What we could read of a non-2xx answer. */
export interface ErrorResponse {
  status: number;
  /** Parsed JSON body, or undefined when the body was not JSON. */
  body: unknown;
  retryAfter: string | null;
  serverNowMs: number | undefined;
  localNowMs: number;
  /** What was asked for, for messages: 'issue', 'time entry'. */
  what: string;
}

/** The one place that turns a Kendo HTTP error status into a KendoError. */
export function errorFromResponse(r: ErrorResponse): KendoError {
  const { status } = r;
  const body = isRecord(r.body) ? r.body : {};
  if (status === 401) {
    return new KendoError('unauthorized', t('errUnauthorized'), { status });
  }
  if (status === 403) {
    return new KendoError('forbidden', t('errForbidden'), { status });
  }
  if (status === 404) {
    return new KendoError('not_found', t('errNotFound', whatName(r.what)), { status });
  }
  if (status === 422) {
    const fields = readFields(body.errors);
    const first = fields && Object.values(fields)[0]?.[0];
    const message =
      typeof body.message === 'string' && body.message.trim()
        ? body.message
        : (first ?? t('errNotAccepted', whatName(r.what)));
    return new KendoError('validation', message, fields ? { status, fields } : { status });
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(r.retryAfter, r.serverNowMs, r.localNowMs);
    const seconds = Math.ceil(retryAfterMs / 1000);
    return new KendoError('rate_limited', t('errRateLimited', seconds), { status, retryAfterMs });
  }
  if (status >= 500) {
    return new KendoError('server', t('errServer', status), { status });
  }
  // 3xx we did not follow, 400, 405, 409...: nothing a retry fixes. A redirect after a write
  // may mean the write happened, so only a 4xx says for sure that nothing was applied.
  return new KendoError('bad_response', t('errUnexpectedStatus', status), {
    status,
    definitelyNotApplied: status >= 400,
  });
}

function readFields(errors: unknown): Record<string, string[]> | undefined {
  if (!isRecord(errors)) return undefined;
  const fields: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(errors)) {
    const list = (Array.isArray(value) ? value : [value]).filter(
      (m): m is string => typeof m === 'string',
    );
    if (list.length) fields[key] = list;
  }
  return Object.keys(fields).length ? fields : undefined;
}

/** A plain (non-array) object. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
