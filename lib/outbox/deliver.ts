/**
 * Delivery of the outbox to Kendo, exactly once. Kendo has no idempotency key, so an attempt
 * whose outcome is unknown (no answer, a timeout, a 5xx, a worker that died mid-request) is
 * followed by a look-up of the issue's entries before anything is resent.
 */
import { browser } from 'wxt/browser';
import type { KendoApi } from '../kendo/api';
import { isKendoError } from '../kendo/errors';
import { activeConnection, apiFor, markRejected, toServerTime } from '../connection';
import { deliveredItem, deliveryLeaseItem, entriesItem, outboxItem } from '../storage';
import { setItems, type ItemWrite } from '../storage-kit';
import { serialize } from '../lock';
import { now } from '../clock';
import { toErrorData } from '../errors';
import { nextDelayMs } from './backoff';
import { updateItem } from './queue';
import { explainFailure } from './reasons';
import { isTwin } from './twins';
import type { Connection, Entry, OutboxItem } from '../types';

export const OUTBOX_ALARM = 'outbox';
/** Longer than a request may take (the client's timeout is 15 s), so a live holder keeps it. */
const LEASE_MS = 25_000;
const instanceId = crypto.randomUUID();

/**
 * A worker that starts finds any lease left in session storage by the one before it, which is
 * gone (a browser runs one background per extension): that lease is void.
 */
export async function clearStaleLease(): Promise<void> {
  await serialize(async () => {
    const lease = await deliveryLeaseItem.getValue();
    if (lease && lease.holder !== instanceId) await deliveryLeaseItem.removeValue();
  });
}

function takeLease(): Promise<boolean> {
  return serialize(async () => {
    const lease = await deliveryLeaseItem.getValue();
    if (lease && lease.holder !== instanceId && lease.until > now()) return false;
    await deliveryLeaseItem.setValue({ holder: instanceId, until: now() + LEASE_MS });
    return true;
  });
}

function releaseLease(): Promise<void> {
  return serialize(async () => {
    const lease = await deliveryLeaseItem.getValue();
    if (lease?.holder === instanceId) await deliveryLeaseItem.removeValue();
  });
}

let running: Promise<void> | null = null;
let again = false;

/** Deliver what is due. Calls while a delivery runs coalesce into one more pass after it. */
export function kickDelivery(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await deliverDue();
    } while (again);
  })().finally(() => {
    running = null;
  });
  return running;
}

/**
 * Make waiting entries due now (the user asked, or Kendo just answered), then deliver. Entries
 * Kendo refused wait for the user's fix unless the user names one to retry; entries paused for
 * a token wait for a new token, whoever asks; a rate-limited entry waits out its Retry-After.
 */
export async function retryNow(localId?: string): Promise<void> {
  await serialize(async () => {
    const list = await outboxItem.getValue();
    await outboxItem.setValue(
      list.map((x) => {
        const waiting = x.state === 'queued' || x.state === 'unknown';
        const asked = localId !== undefined && x.localId === localId && x.state === 'needs-user';
        if ((localId !== undefined && x.localId !== localId) || !(waiting || asked)) return x;
        // Kendo said when to come back; neither a click nor an opened popup changes that.
        if (x.lastError?.kind === 'rate_limited' && x.nextAttemptAt > now()) return x;
        return { ...x, state: x.state === 'unknown' ? 'unknown' : 'queued', nextAttemptAt: now() };
      }),
    );
  });
  await kickDelivery();
}

function isDue(x: OutboxItem, origin: string): boolean {
  const live = x.state === 'queued' || x.state === 'unknown' || x.state === 'sending';
  return live && x.issue.origin === origin && x.nextAttemptAt <= now();
}

async function deliverDue(): Promise<void> {
  if (!(await takeLease())) return;
  try {
    const conn = await activeConnection();
    if (!conn || conn.status !== 'ok') return;
    const api = await apiFor(conn.origin);
    for (;;) {
      // Items are sent one at a time, so a 'sending' item seen here was left by a dead worker.
      const item = (await outboxItem.getValue()).find((x) => isDue(x, conn.origin));
      if (!item) break;
      await deliveryLeaseItem.setValue({ holder: instanceId, until: now() + LEASE_MS });
      if ((await attempt(api, conn, item)) === 'stop') break;
    }
  } finally {
    await releaseLease();
    await scheduleNext();
  }
}

type Outcome = 'next' | 'stop';

async function attempt(api: KendoApi, conn: Connection, item: OutboxItem): Promise<Outcome> {
  const issueId = item.issue.id ?? item.issue.key;
  if (item.state !== 'queued') {
    try {
      const twin = await findTwin(api, conn, item);
      if (twin) {
        await markDelivered(item, twin);
        return 'next';
      }
    } catch (e) {
      return fail(item, e, false);
    }
  }
  const live = await updateItem(item.localId, (x) => ({
    ...x,
    state: 'sending',
    attempts: x.attempts + 1,
  }));
  // A refresh that listed Kendo's entry may have settled this item since it was read: it is in
  // Kendo already, and sending it now would make a second one.
  if (!live) return 'next';
  try {
    const entry = await api.createEntry(item.issue.projectId, issueId, item.body);
    await markDelivered(item, entry);
    return 'next';
  } catch (e) {
    return fail({ ...item, attempts: item.attempts + 1 }, e, true);
  }
}

/** The entry this item would have made, if an earlier attempt did make it. */
async function findTwin(api: KendoApi, conn: Connection, item: OutboxItem): Promise<Entry | null> {
  const entries = await api.listIssueEntries(item.issue.projectId, item.issue.id ?? item.issue.key);
  const claimed = new Set((await deliveredItem.getValue()).map((d) => d.entryId));
  return entries.find((e) => !claimed.has(e.id) && isTwin(e, item, conn.user.id)) ?? null;
}

/** Kendo has the entry: it leaves the outbox and joins the entries list in the same write. */
function markDelivered(item: OutboxItem, entry: Entry): Promise<void> {
  return serialize(async () => {
    const [list, cache, delivered] = await Promise.all([
      outboxItem.getValue(),
      entriesItem.getValue(),
      deliveredItem.getValue(),
    ]);
    const writes: ItemWrite[] = [
      { item: outboxItem, value: list.filter((x) => x.localId !== item.localId) },
      {
        item: deliveredItem,
        value: [{ localId: item.localId, entryId: entry.id, at: now() }, ...delivered].slice(
          0,
          200,
        ),
      },
    ];
    if (
      cache &&
      cache.origin === item.issue.origin &&
      !cache.entries.some((e) => e.id === entry.id)
    ) {
      const withKey = {
        ...entry,
        issue_key: entry.issue_key ?? item.issue.key,
        issue_title: entry.issue_title ?? item.issue.title ?? null,
      };
      writes.push({ item: entriesItem, value: { ...cache, entries: [withKey, ...cache.entries] } });
    }
    await setItems(writes);
  });
}

async function fail(item: OutboxItem, e: unknown, posted: boolean): Promise<Outcome> {
  const error = explainFailure(e, item);
  const kind = isKendoError(e) ? e.kind : 'internal';
  if (kind === 'unauthorized') {
    // A POST refused with 401 stored nothing, and a look-up came first if one was needed: this
    // entry is surely not in Kendo, so it waits for a token like the rest (and can be discarded).
    if (posted) await updateItem(item.localId, (x) => ({ ...x, state: 'queued' }));
    await pauseAll(item.issue.origin, error);
    await markRejected(item.issue.origin);
    return 'stop';
  }
  if (kind === 'validation' && isKendoError(e) && e.fields?.started_at && !item.clamped) {
    // The device clock is ahead of Kendo's: move the start back by the difference just seen.
    const serverStart = await toServerTime(item.deviceStartedAt);
    const latest = (await toServerTime(now())) - 1000;
    const started = new Date(Math.min(serverStart, latest, Date.parse(item.body.started_at)));
    await updateItem(item.localId, (x) => ({
      ...x,
      state: 'queued',
      clamped: true,
      nextAttemptAt: now(),
      body: { ...x.body, started_at: started.toISOString() },
    }));
    return 'next';
  }
  if (kind === 'validation' || kind === 'not_found' || kind === 'forbidden') {
    await updateItem(item.localId, (x) => ({ ...x, state: 'needs-user', lastError: error }));
    return 'next';
  }
  // No answer, a timeout, a 5xx, a 429, an answer of the wrong shape: try again later. After a
  // POST that may have been stored, the next attempt looks first.
  const mayBeStored = posted
    ? !(isKendoError(e) && e.definitelyNotApplied)
    : item.state !== 'queued';
  const retryAfterMs = isKendoError(e) ? e.retryAfterMs : undefined;
  await updateItem(item.localId, (x) => ({
    ...x,
    state: mayBeStored ? 'unknown' : 'queued',
    lastError: error,
    nextAttemptAt: now() + nextDelayMs(item.attempts, retryAfterMs),
  }));
  return 'stop';
}

async function pauseAll(origin: string, error: ReturnType<typeof toErrorData>): Promise<void> {
  await serialize(async () => {
    const list = await outboxItem.getValue();
    await outboxItem.setValue(
      list.map((x) =>
        // An entry that may already be in Kendo stays 'unknown', so it is looked up, not resent.
        x.issue.origin !== origin || x.state === 'needs-user'
          ? x
          : { ...x, state: x.state === 'queued' ? 'paused' : 'unknown', lastError: error },
      ),
    );
  });
}

/** A new token was accepted: what waited for it goes out. */
export async function resumePaused(origin: string): Promise<void> {
  await serialize(async () => {
    const list = await outboxItem.getValue();
    await outboxItem.setValue(
      list.map((x) =>
        x.issue.origin === origin && (x.state === 'paused' || x.state === 'unknown')
          ? { ...x, state: x.state === 'paused' ? 'queued' : 'unknown', nextAttemptAt: now() }
          : x,
      ),
    );
  });
  await kickDelivery();
}

let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * Wake up for the earliest waiting entry: an alarm (survives the worker; Chrome fires it no
 * sooner than 30 s) and, for short waits, a timeout while this worker lives.
 */
async function scheduleNext(): Promise<void> {
  const list = await outboxItem.getValue();
  const due = list
    .filter((x) => x.state === 'queued' || x.state === 'unknown')
    .map((x) => x.nextAttemptAt);
  clearTimeout(timer);
  if (due.length === 0) {
    await browser.alarms.clear(OUTBOX_ALARM);
    return;
  }
  const when = Math.max(Math.min(...due), now() + 1000);
  await browser.alarms.create(OUTBOX_ALARM, { when });
  if (when - now() < 60_000) timer = setTimeout(() => void kickDelivery(), when - now());
}
