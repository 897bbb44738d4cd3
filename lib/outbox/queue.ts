/**
 * The outbox as storage: every change is one write of the whole list, under the background's
 * lock, so an entry is never in two states at once.
 */
import { outboxItem } from '../storage';
import { serialize } from '../lock';
import type { OutboxItem } from '../types';

/** Change one item by id (no-op when it is gone); returns the item as written. */
export function updateItem(
  localId: string,
  change: (item: OutboxItem) => OutboxItem | null,
): Promise<OutboxItem | null> {
  return serialize(async () => {
    const list = await outboxItem.getValue();
    const i = list.findIndex((x) => x.localId === localId);
    if (i < 0) return null;
    const next = change(list[i]!);
    const copy = [...list];
    if (next) copy[i] = next;
    else copy.splice(i, 1);
    await outboxItem.setValue(copy);
    return next;
  });
}

/** A fresh local id for an entry that has not reached Kendo yet. */
export function newLocalId(): string {
  return crypto.randomUUID();
}
