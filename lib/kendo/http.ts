import { KendoError, errorFromResponse, whatName } from './errors';
import { t } from '../i18n';
import type { KendoApiOptions } from './api';

/** One request to Kendo. */
export interface KendoRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** A path on baseUrl ('/api/...') or an absolute URL, which must be on baseUrl. */
  url: string;
  /** What is asked for, for messages: 'issue', 'time entry'. */
  what: string;
  /** JSON body, already validated. */
  body?: unknown;
  /** true when the answer must be JSON (everything but DELETE). */
  expectJson: boolean;
}

/** Sends requests: auth, timeout, origin guard and error mapping live here and only here. */
export type Send = (req: KendoRequest) => Promise<unknown>;

/** A sender for one origin and token; see {@link KendoApiOptions}. */
export function createSender(opts: KendoApiOptions & { baseUrl: string }): Send {
  const timeoutMs = opts.timeoutMs ?? 15_000;

  return async function send(req) {
    const target = new URL(req.url, opts.baseUrl);
    // The token goes to baseUrl and nowhere else, whatever URL a response points us to.
    if (target.origin !== opts.baseUrl) {
      throw new KendoError('bad_response', t('errOtherSite', target.origin), {
        definitelyNotApplied: true,
      });
    }
    const headers = buildHeaders(opts.token, req.body !== undefined);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const sentAt = Date.now();
    let res: Response;
    let text: string;
    try {
      // A plain call, never `obj.fetch(...)`: browsers throw "Illegal invocation" when the
      // global fetch is called as a method of another object.
      const fetchFn = opts.fetch ?? globalThis.fetch;
      res = await fetchFn(target.href, {
        method: req.method,
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: controller.signal,
        // A redirect is never followed: it could lead the request somewhere else.
        redirect: 'manual',
        // The token authenticates; Kendo's session cookies have no business here.
        credentials: 'omit',
      });
      text = await res.text();
    } catch (e) {
      throw controller.signal.aborted ? timeoutError(timeoutMs, e) : networkError(e);
    } finally {
      clearTimeout(timer);
    }
    // Halfway between sending and receiving is our best guess of when the server stamped it.
    const localNowMs = Math.round((sentAt + Date.now()) / 2);
    const serverNowMs = reportServerDate(res, localNowMs, opts.onServerDate);

    if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) {
      throw new KendoError('bad_response', t('errRedirect'), {
        ...(res.status ? { status: res.status } : {}),
        definitelyNotApplied: req.method === 'GET',
      });
    }
    const json = parseJson(text);
    if (!res.ok) {
      throw errorFromResponse({
        status: res.status,
        body: json.ok ? json.value : undefined,
        retryAfter: res.headers.get('retry-after'),
        serverNowMs,
        localNowMs,
        what: req.what,
      });
    }
    if (!req.expectJson) return undefined;
    if (!json.ok) {
      // 2xx: the server did whatever it does, we just cannot read its answer.
      const sent = describeBody(text, res.headers.get('content-type'));
      throw new KendoError('bad_response', t('errNotData', sent, whatName(req.what)), {
        status: res.status,
        definitelyNotApplied: false,
      });
    }
    return json.value;
  };
}

function buildHeaders(token: string, hasBody: boolean): Headers {
  try {
    const headers = new Headers({ Authorization: `Bearer ${token}`, Accept: 'application/json' });
    if (hasBody) headers.set('Content-Type', 'application/json');
    return headers;
  } catch (e) {
    // Headers refuses line breaks and non-Latin-1 characters: a mangled paste, not a network
    // problem, and nothing was sent.
    throw new KendoError('unauthorized', t('errTokenCharacters'), { cause: e });
  }
}

function reportServerDate(
  res: Response,
  localNowMs: number,
  onServerDate: KendoApiOptions['onServerDate'],
): number | undefined {
  const header = res.headers.get('date');
  const serverMs = header ? Date.parse(header) : NaN;
  if (Number.isNaN(serverMs)) return undefined;
  try {
    onServerDate?.(serverMs, localNowMs);
  } catch {
    // Clock tracking is a side concern; it must never fail the request it rode on.
  }
  return serverMs;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (!text.trim()) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function describeBody(text: string, contentType: string | null): string {
  if (!text.trim()) return t('errBodyEmpty');
  if (contentType?.includes('html') || /^\s*</.test(text)) return t('errBodyWebPage');
  return t('errBodyNotJson');
}

function timeoutError(ms: number, cause: unknown): KendoError {
  const message =
    ms >= 1000 ? t('errTimeoutSeconds', Math.round(ms / 1000)) : t('errTimeoutMs', ms);
  return new KendoError('timeout', message, { cause });
}

function networkError(cause: unknown): KendoError {
  return new KendoError('network', t('errNetwork'), { cause });
}
