/**
 * The storage registry behind lib/storage.ts: the part of WXT's `wxt/utils/storage` this
 * extension uses, at a fraction of its size in the service worker. It keeps WXT's on-disk format,
 * so nothing stored changes: the value under its bare key, the version under `<key>$` as `{ v }`.
 */
import { browser } from 'wxt/browser';

type Area = 'local' | 'session';
export type StorageKey = `${Area}:${string}`;

export interface ItemOptions<T> {
  fallback: T;
  /** The shape's version, from 1. Written only once a migrating item is first set. */
  version?: number;
  /** Steps by the version they lead to; each gets the value of the version before it. */
  migrations?: Record<number, (value: unknown) => unknown>;
}

export interface StorageItem<T> {
  readonly key: StorageKey;
  readonly fallback: T;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** Called with the new and old value (the fallback when absent); returns the unwatch. */
  watch(cb: (value: T, old: T) => void): () => void;
  /** Bring the stored value to the item's version; runs by itself once when the item is made. */
  migrate(): Promise<void>;
}

type Change = { newValue?: unknown; oldValue?: unknown };

const split = (key: StorageKey) => {
  const at = key.indexOf(':');
  return [key.slice(0, at) as Area, key.slice(at + 1)] as const;
};

// Writes wait for these, so a migration cannot overwrite a value written after it read.
const migrating: Promise<void>[] = [];

/** Deep equality of JSON values: a write of an equal value is no change to watchers. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => k in y && same(x[k], y[k]));
}

export function defineItem<T>(key: StorageKey, opts: ItemOptions<T>): StorageItem<T> {
  const [areaName, name] = split(key);
  const area = () => browser.storage[areaName];
  const metaKey = name + '$';
  const version = opts.version ?? 1;
  const fallback = opts.fallback;
  // Empty store, no version yet: the first setValue writes the version with the value.
  let needsVersion = false;

  const migrate = async () => {
    const stored = await area().get([name, metaKey]);
    const value: unknown = stored[name];
    const meta = stored[metaKey] as { v?: number } | undefined;
    needsVersion = value == null && meta?.v == null;
    if (value == null) return;
    const from = meta?.v ?? 1;
    if (from > version) throw Error(`"${key}" is v${from}, newer than v${version}`);
    if (from === version) return;
    let next = value;
    for (let v = from + 1; v <= version; v++) next = (await opts.migrations?.[v]?.(next)) ?? next;
    await area().set({ [name]: next, [metaKey]: { ...meta, v: version } });
  };
  const ready = opts.migrations
    ? migrate().catch((err: unknown) => console.error(`Migration of ${key} failed`, err))
    : Promise.resolve();
  migrating.push(ready);

  return {
    key,
    fallback,
    migrate,
    async getValue() {
      await ready;
      return ((await area().get(name))[name] ?? fallback) as T;
    },
    async setValue(value) {
      await ready;
      const meta = needsVersion ? { [metaKey]: { v: version } } : undefined;
      needsVersion = false;
      if (value != null) return area().set({ [name]: value, ...meta });
      if (meta) await area().set(meta);
      await area().remove(name);
    },
    async removeValue() {
      await ready;
      await area().remove(name);
    },
    watch(cb) {
      const listener = (changes: Record<string, Change>) => {
        const change = changes[name];
        if (!change || same(change.newValue, change.oldValue)) return;
        cb((change.newValue ?? fallback) as T, (change.oldValue ?? fallback) as T);
      };
      area().onChanged.addListener(listener);
      return () => area().onChanged.removeListener(listener);
    },
  };
}

/** One value for one item, for `setItems`. */
export interface ItemWrite<T = unknown> {
  item: StorageItem<T>;
  value: T;
}

/**
 * Write several items with ONE `set` per storage area, so that a change spanning items (a timer
 * stopped into the outbox) is never half done. Values are stored as given, null included, and
 * no version is written (lib/migrations.ts is safe for that).
 */
export async function setItems(writes: readonly ItemWrite[]): Promise<void> {
  await Promise.all(migrating);
  const byArea: Partial<Record<Area, Record<string, unknown>>> = {};
  for (const { item, value } of writes) {
    const [area, name] = split(item.key);
    (byArea[area] ??= {})[name] = value;
  }
  await Promise.all(
    Object.entries(byArea).map(([area, values]) => browser.storage[area as Area].set(values)),
  );
}
