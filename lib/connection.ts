/**
 * The connection to Kendo: the one place that reads the token, and the one place that builds the
 * API client. Background only.
 */
import { createKendoApi, type KendoApi } from './kendo/api';
import { parseKendoAddress } from './kendo/address';
import { isKendoError } from './kendo/errors';
import { clockSkewItem, connectionsItem, tokensItem } from './storage';
import { fieldError, UserError } from './errors';
import { t } from './i18n';
import { now } from './clock';
import { localDayKey } from './entries/days';
import type { Connection } from './types';

/** Lets tests hand the client a fetch that reaches the test server; the extension uses the global one. */
let fetchImpl: typeof fetch | undefined;
export function setFetch(f: typeof fetch | undefined): void {
  fetchImpl = f;
}

/** The connection in use, or null. */
export async function activeConnection(): Promise<Connection | null> {
  const { active, list } = await connectionsItem.getValue();
  return list.find((c) => c.origin === active) ?? null;
}

/** The last clock difference seen in this worker, before it reaches storage. */
let lastSkew: { ms: number; at: number } | null = null;

/** Record the server's clock against ours; later timestamps are corrected by it. */
async function noteServerDate(serverMs: number, localMs: number): Promise<void> {
  const ms = serverMs - localMs;
  lastSkew = { ms, at: localMs };
  const prev = await clockSkewItem.getValue();
  // The Date header has whole seconds: only a change beyond that is news.
  if (prev && Math.abs(prev.ms - ms) < 1500 && now() - prev.at < 3600_000) return;
  await clockSkewItem.setValue({ ms, at: now() });
}

/** An API client for an origin, with its stored token. */
export async function apiFor(origin: string): Promise<KendoApi> {
  const token = (await tokensItem.getValue())[origin];
  if (!token) throw new UserError(t('errNotConnected'), undefined, 'not_connected');
  return makeApi(origin, token);
}

function makeApi(origin: string, token: string): KendoApi {
  return createKendoApi({
    baseUrl: origin,
    token,
    fetch: fetchImpl,
    onServerDate: (serverMs, localMs) => void noteServerDate(serverMs, localMs),
  });
}

/** The active connection and its client, or a clear error when there is none. */
export async function activeApi(): Promise<{ conn: Connection; api: KendoApi }> {
  const conn = await activeConnection();
  if (!conn) throw new UserError(t('errNotConnected'), undefined, 'not_connected');
  return { conn, api: await apiFor(conn.origin) };
}

/**
 * Check an address and token against Kendo (GET /api/auth/user) and keep them only if Kendo
 * accepts them; a failed check leaves the last working connection as it was.
 */
export async function saveConnection(address: string, token: string): Promise<Connection> {
  const parsed = parseKendoAddress(address);
  if (!parsed.ok) throw fieldError('address', parsed.message);
  const trimmed = token.trim();
  if (!trimmed) throw fieldError('token', t('errTokenEmpty'));
  if (/\s/.test(trimmed)) throw fieldError('token', t('errTokenSpaces'));

  const api = makeApi(parsed.origin, trimmed);
  let user;
  try {
    user = await api.getUser();
  } catch (e) {
    throw explainCheckFailure(e, parsed.origin);
  }
  const conn: Connection = {
    origin: parsed.origin,
    tenant: parsed.tenant,
    user: { id: user.id, name: user.name, ...(user.email && { email: user.email }) },
    canLog: await probeCanLog(api),
    checkedAt: now(),
    status: 'ok',
  };
  const [conns, tokens] = [await connectionsItem.getValue(), await tokensItem.getValue()];
  await Promise.all([
    connectionsItem.setValue({
      active: conn.origin,
      list: [...conns.list.filter((c) => c.origin !== conn.origin), conn],
    }),
    tokensItem.setValue({ ...tokens, [conn.origin]: trimmed }),
  ]);
  return conn;
}

/** Viewers are refused every time-entry endpoint: one cheap search tells. */
async function probeCanLog(api: KendoApi): Promise<boolean> {
  const today = localDayKey(now());
  try {
    await api.searchEntries({ startDate: today, endDate: today });
    return true;
  } catch (e) {
    return !(isKendoError(e) && e.kind === 'forbidden');
  }
}

function explainCheckFailure(e: unknown, origin: string): UserError {
  if (!isKendoError(e)) return fieldError('address', t('errCheckFailed', String(e)));
  switch (e.kind) {
    case 'unauthorized':
      return fieldError('token', t('errTokenRefused'), e.kind);
    case 'network':
    case 'timeout':
      return fieldError('address', t('errNoKendoAt', origin), e.kind);
    case 'bad_response':
    case 'not_found':
      return fieldError('address', t('errNotLikeKendo', origin), e.kind);
    default:
      return fieldError('address', t('errCheckToken', e.message), e.kind);
  }
}

/** Kendo refused the stored token: mark the connection so every view asks for a new one. */
export async function markRejected(origin: string): Promise<void> {
  const conns = await connectionsItem.getValue();
  await connectionsItem.setValue({
    ...conns,
    list: conns.list.map((c) => (c.origin === origin ? { ...c, status: 'rejected' } : c)),
  });
}

/** Server time for a device timestamp, from the last known clock difference. */
export async function toServerTime(deviceMs: number): Promise<number> {
  const skew = (lastSkew ?? (await clockSkewItem.getValue()))?.ms ?? 0;
  // The Date header has whole seconds and the answer takes time: under 2 s is noise, not skew.
  return Math.abs(skew) < 2000 ? deviceMs : deviceMs + skew;
}
