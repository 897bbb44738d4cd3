/**
 * Recognising the entry Kendo made of an outbox item whose answer was lost. Kendo has no
 * idempotency key, so an item is matched by what it sent: the user, the issue, minutes_spent,
 * started_at to the second (Kendo keeps whole seconds) and the note.
 */
import type { Connection, Entry, OutboxItem } from '../types';

/** A record that one of our deliveries made Kendo's entry `entryId`, so no other item claims it. */
export interface Delivered {
  localId: string;
  entryId: number;
  at: number;
}

/** Whether `e` is the entry Kendo made of `item`. */
export function isTwin(e: Entry, item: OutboxItem, userId: number): boolean {
  const issue = item.issue;
  const sameIssue =
    e.project_id === issue.projectId &&
    (issue.id !== undefined
      ? e.issue_id === issue.id
      : (e.issue_key ?? '').toUpperCase() === issue.key.toUpperCase());
  return (
    sameIssue &&
    e.user_id === userId &&
    e.minutes_spent === item.body.minutes_spent &&
    e.started_at !== null &&
    Math.floor(Date.parse(e.started_at) / 1000) ===
      Math.floor(Date.parse(item.body.started_at) / 1000) &&
    (e.note ?? '') === (item.body.note ?? '')
  );
}

/** Items whose last attempt may have been stored: the only ones a list of Kendo's can settle. */
function uncertain(item: OutboxItem): boolean {
  return item.state === 'unknown' || item.state === 'sending';
}

/**
 * Settle, from a list of Kendo's entries, every uncertain item whose entry is in it. Needed
 * beyond delivery's own look-up: once an entry is in the list, the user can edit or delete it,
 * after which it no longer matches its item, and a later look-up would resend it.
 * Returns the outbox without the settled items and the delivered records with them.
 */
export function settleTwins(
  outbox: OutboxItem[],
  delivered: Delivered[],
  entries: Entry[],
  conn: Pick<Connection, 'origin' | 'user'>,
  at: number,
): { outbox: OutboxItem[]; delivered: Delivered[]; settled: number } {
  const claimed = new Set(delivered.map((d) => d.entryId));
  const added: Delivered[] = [];
  const left = outbox.filter((item) => {
    if (item.issue.origin !== conn.origin || !uncertain(item)) return true;
    const twin = entries.find((e) => !claimed.has(e.id) && isTwin(e, item, conn.user.id));
    if (!twin) return true;
    claimed.add(twin.id);
    added.push({ localId: item.localId, entryId: twin.id, at });
    return false;
  });
  return {
    outbox: added.length ? left : outbox,
    delivered: added.length ? [...added, ...delivered].slice(0, 200) : delivered,
    settled: added.length,
  };
}
