/** The user's entries of this week: fetched from Kendo into the cache the popup paints from. */
import { activeApi, markRejected, toServerTime } from '../connection';
import { setItems } from '../storage-kit';
import { deliveredItem, entriesItem, outboxItem } from '../storage';
import { serialize } from '../lock';
import { now } from '../clock';
import { isKendoError } from '../kendo/errors';
import { fieldError, toErrorData, UserError } from '../errors';
import { t } from '../i18n';
import { entryStartMs, localWeek, queryRangeForWeek } from './days';
import { retryNow } from '../outbox/deliver';
import { settleTwins } from '../outbox/twins';
import type { Entry } from '../types';

/** Kendo's field names, as the popup's form names them. */
const FIELD_NAMES: Record<string, string> = {
  minutes_spent: 'duration',
  started_at: 'startedAt',
  note: 'note',
};

/** A Kendo error with its field messages under the form's field names. */
export function withFormFields(e: unknown): unknown {
  if (!isKendoError(e) || !e.fields) return e;
  const fields: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(e.fields)) fields[FIELD_NAMES[k] ?? k] = v;
  return new UserError(e.message, fields, e.kind);
}

/** Fetch this week's own entries. A failure keeps the old list and records why. */
export async function refreshEntries(): Promise<void> {
  const { conn, api } = await activeApi();
  const week = localWeek(now());
  let entries: Entry[];
  try {
    // The query is widened by a day each side (time zones); what lies outside the local week
    // goes, as do other users' entries, which Kendo also returns.
    entries = (await api.searchEntries(queryRangeForWeek(week))).filter((e) => {
      const at = entryStartMs(e);
      return e.user_id === conn.user.id && at >= week.start && at < week.end;
    });
  } catch (e) {
    if (isKendoError(e) && e.kind === 'unauthorized') await markRejected(conn.origin);
    await serialize(async () => {
      const cache = await entriesItem.getValue();
      if (cache?.origin === conn.origin)
        await entriesItem.setValue({ ...cache, error: toErrorData(e) });
    });
    throw e;
  }
  await serialize(async () => {
    const [outbox, delivered] = await Promise.all([
      outboxItem.getValue(),
      deliveredItem.getValue(),
    ]);
    // An entry whose answer was lost is in Kendo's list now: it leaves the outbox in the same
    // write that shows it, so that editing it cannot make a later look-up miss it and resend.
    const settled = settleTwins(outbox, delivered, entries, conn, now());
    const cache = {
      origin: conn.origin,
      userId: conn.user.id,
      weekStart: week.start,
      fetchedAt: now(),
      entries,
    };
    await setItems([
      { item: entriesItem, value: cache },
      ...(settled.settled
        ? [
            { item: outboxItem, value: settled.outbox },
            { item: deliveredItem, value: settled.delivered },
          ]
        : []),
    ]);
  });
  // Kendo answers again: whatever waited for it need not wait for its backoff.
  if ((await outboxItem.getValue()).some((x) => x.state === 'queued' || x.state === 'unknown')) {
    void retryNow();
  }
}

/** An entry of the cache by id, or a clear error. */
export async function cachedEntry(entryId: number): Promise<Entry> {
  const entry = (await entriesItem.getValue())?.entries.find((e) => e.id === entryId);
  if (!entry) throw new UserError(t('errEntryNotListed'));
  return entry;
}

/** Change one of the user's entries (PUT with the fields of create). */
export async function updateEntry(req: {
  entryId: number;
  minutes: number;
  startedAt: number;
  note: string;
}): Promise<Entry> {
  const entry = await cachedEntry(req.entryId);
  if (req.startedAt > now() + 60_000) {
    throw fieldError('startedAt', t('errStartFuture'));
  }
  const { api } = await activeApi();
  const startedAt = Math.min(await toServerTime(req.startedAt), await toServerTime(now()));
  let updated: Entry;
  try {
    updated = await api.updateEntry(entry.project_id, entry.issue_id, entry.id, {
      minutes_spent: req.minutes,
      started_at: new Date(startedAt).toISOString(),
      note: req.note,
    });
  } catch (e) {
    if (isKendoError(e) && (e.kind === 'forbidden' || e.kind === 'not_found')) {
      void refreshEntries().catch(() => undefined);
      throw new UserError(
        e.kind === 'forbidden' ? t('errNotYours') : t('errEntryGone'),
        undefined,
        e.kind,
      );
    }
    throw withFormFields(e);
  }
  const merged = {
    ...updated,
    issue_key: updated.issue_key ?? entry.issue_key ?? null,
    issue_title: updated.issue_title ?? entry.issue_title ?? null,
  };
  await serialize(async () => {
    const cache = await entriesItem.getValue();
    if (!cache) return;
    await entriesItem.setValue({
      ...cache,
      entries: cache.entries.map((e) => (e.id === merged.id ? merged : e)),
    });
  });
  return merged;
}
