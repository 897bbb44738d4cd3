/**
 * Deleting with an undo window instead of a dialog: the entry is hidden at once, the DELETE goes
 * out when the window ends, and Undo after that re-creates it through the outbox.
 */
import { browser } from 'wxt/browser';
import { setItems, type ItemWrite } from '../storage-kit';
import { activeApi } from '../connection';
import { entriesItem, outboxItem, pendingDeletesItem } from '../storage';
import { serialize } from '../lock';
import { now } from '../clock';
import { isKendoError } from '../kendo/errors';
import { toErrorData, UserError } from '../errors';
import { t } from '../i18n';
import { cachedEntry } from './service';
import { outboxEntry } from '../timer/service';
import { kickDelivery } from '../outbox/deliver';
import { entryStartMs } from './days';
import type { PendingDelete } from '../types';

export const DELETES_ALARM = 'deletes';
/** How long a delete can be taken back before it is sent. */
export const UNDO_MS = 5_000;
/** How long Undo stays on offer after the DELETE went out. */
const UNDO_AFTER_MS = 30_000;

function change(fn: (list: PendingDelete[]) => PendingDelete[]): Promise<void> {
  return serialize(async () =>
    pendingDeletesItem.setValue(fn(await pendingDeletesItem.getValue())),
  );
}

/** Ask to delete an entry (or again, after a failure); it is sent after the undo window. */
export async function deleteEntry(entryId: number): Promise<void> {
  const entry = await cachedEntry(entryId);
  const { conn } = await activeApi();
  await change((list) => [
    ...list.filter((d) => d.entry.id !== entryId),
    { entry, origin: conn.origin, state: 'waiting', until: now() + UNDO_MS },
  ]);
  await schedule();
}

/** Take a delete back. */
export async function undoDelete(entryId: number): Promise<void> {
  const pending = (await pendingDeletesItem.getValue()).find((d) => d.entry.id === entryId);
  if (!pending) return;
  if (pending.state === 'sending') {
    throw new UserError(t('errDeleteSending'));
  }
  if (pending.state === 'deleted') {
    const e = pending.entry;
    const item = await outboxEntry(
      {
        origin: pending.origin,
        projectId: e.project_id,
        key: e.issue_key ?? String(e.issue_id),
        id: e.issue_id,
        ...(e.issue_title && { title: e.issue_title }),
      },
      entryStartMs(e),
      e.minutes_spent,
      e.note ?? '',
      'undo-delete',
    );
    // Kendo's start is already by Kendo's clock: keep it exactly.
    item.body.started_at = new Date(entryStartMs(e)).toISOString();
    await serialize(async () => {
      const [outbox, list] = await Promise.all([
        outboxItem.getValue(),
        pendingDeletesItem.getValue(),
      ]);
      await setItems([
        { item: outboxItem, value: [...outbox, item] },
        { item: pendingDeletesItem, value: list.filter((d) => d.entry.id !== entryId) },
      ]);
    });
    void kickDelivery();
    return;
  }
  await change((list) => list.filter((d) => d.entry.id !== entryId));
}

/** Send the deletes whose window has passed, and forget undo offers that have ended. */
export async function processDeletes(): Promise<void> {
  await change((list) => list.filter((d) => !(d.state === 'deleted' && d.until <= now())));
  // A delete 'sending' that this worker is not sending was left by a worker that died: send it
  // again (a DELETE may be repeated; Kendo's 404 for one already done counts as done).
  const due = (await pendingDeletesItem.getValue()).filter(
    (d) =>
      (d.state === 'waiting' && d.until <= now()) ||
      (d.state === 'sending' && !inFlight.has(d.entry.id)),
  );
  for (const d of due) await sendDelete(d);
  await schedule();
}

/** Deletes this worker is sending right now. */
const inFlight = new Set<number>();

async function sendDelete(d: PendingDelete): Promise<void> {
  if (inFlight.has(d.entry.id)) return;
  inFlight.add(d.entry.id);
  try {
    await sendDeleteOnce(d);
  } finally {
    inFlight.delete(d.entry.id);
  }
}

async function sendDeleteOnce(d: PendingDelete): Promise<void> {
  const mark = (state: PendingDelete['state'], extra: Partial<PendingDelete> = {}) =>
    change((list) => list.map((x) => (x.entry.id === d.entry.id ? { ...x, state, ...extra } : x)));
  await mark('sending');
  try {
    const { api } = await activeApi();
    await api.deleteEntry(d.entry.project_id, d.entry.issue_id, d.entry.id);
  } catch (e) {
    // Already gone is what the user wanted.
    if (!(isKendoError(e) && e.kind === 'not_found')) {
      await mark('failed', { error: toErrorData(e) });
      return;
    }
  }
  await serialize(async () => {
    const [cache, list] = await Promise.all([
      entriesItem.getValue(),
      pendingDeletesItem.getValue(),
    ]);
    const writes: ItemWrite[] = [
      {
        item: pendingDeletesItem,
        value: list.map((x) =>
          x.entry.id === d.entry.id
            ? { ...x, state: 'deleted' as const, until: now() + UNDO_AFTER_MS }
            : x,
        ),
      },
    ];
    if (cache) {
      writes.push({
        item: entriesItem,
        value: { ...cache, entries: cache.entries.filter((e) => e.id !== d.entry.id) },
      });
    }
    await setItems(writes);
  });
}

let timer: ReturnType<typeof setTimeout> | undefined;

async function schedule(): Promise<void> {
  const list = await pendingDeletesItem.getValue();
  const times = list
    .filter((d) => d.state === 'waiting' || d.state === 'deleted')
    .map((d) => d.until);
  clearTimeout(timer);
  if (times.length === 0) {
    await browser.alarms.clear(DELETES_ALARM);
    return;
  }
  const when = Math.max(Math.min(...times), now() + 50);
  // The timeout serves the usual case of a live worker; the alarm, a worker stopped meanwhile.
  timer = setTimeout(() => void processDeletes(), when - now());
  await browser.alarms.create(DELETES_ALARM, { when: Math.max(when, now() + 30_000) });
}
