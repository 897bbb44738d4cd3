// @vitest-environment node
// The storage registry behind lib/storage.ts, against WXT's fake browser. Items are made inside
// each test, after the reset, because an item with migrations migrates as soon as it is made.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defineItem, setItems } from '../../lib/storage-kit';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

const local = async (...keys: string[]) => browser.storage.local.get(keys);

describe('defineItem', () => {
  it('reads the fallback until a value is set, and the value under its bare key after', async () => {
    const item = defineItem<{ n: number }>('local:counter', { fallback: { n: 0 } });
    expect(item.key).toBe('local:counter');
    expect(await item.getValue()).toEqual({ n: 0 });
    await item.setValue({ n: 3 });
    expect(await item.getValue()).toEqual({ n: 3 });
    expect(await local('counter', 'counter$')).toEqual({ counter: { n: 3 } });
    await item.removeValue();
    expect(await item.getValue()).toEqual({ n: 0 });
    expect(await local('counter')).toEqual({});
  });

  it('setting null removes the value', async () => {
    const item = defineItem<string | null>('local:word', { fallback: null });
    await item.setValue('hi');
    await item.setValue(null);
    expect(await local('word')).toEqual({});
    expect(await item.getValue()).toBeNull();
  });

  it('migrates a stored v1 value step by step, once, and stores the version as { v }', async () => {
    await browser.storage.local.set({ shape: { a: 1 }, shape$: { v: 1 } });
    const to2 = vi.fn((v: unknown) => ({ ...(v as object), b: 2 }));
    const to3 = vi.fn((v: unknown) => ({ ...(v as object), c: 3 }));
    const item = defineItem<{ a: number; b: number; c: number }>('local:shape', {
      fallback: { a: 0, b: 0, c: 0 },
      version: 3,
      migrations: { 2: to2, 3: to3 },
    });
    expect(await item.getValue()).toEqual({ a: 1, b: 2, c: 3 });
    expect(await item.getValue()).toEqual({ a: 1, b: 2, c: 3 });
    expect(to2).toHaveBeenCalledOnce();
    expect(to3).toHaveBeenCalledWith({ a: 1, b: 2 });
    expect(await local('shape$')).toEqual({ shape$: { v: 3 } });
  });

  it('a value without version meta counts as v1; one at the current version is left as is', async () => {
    await browser.storage.local.set({ old: 'x', now: 'y', now$: { v: 2 } });
    const up = vi.fn((v: unknown) => String(v).toUpperCase());
    const opts = { fallback: '', version: 2, migrations: { 2: up } };
    const old = defineItem<string>('local:old', opts);
    const current = defineItem<string>('local:now', opts);
    expect(await old.getValue()).toBe('X');
    expect(await current.getValue()).toBe('y');
    expect(up).toHaveBeenCalledOnce();
    expect(await local('old$', 'now$')).toEqual({ old$: { v: 2 }, now$: { v: 2 } });
  });

  it('a newer stored version is not migrated down', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await browser.storage.local.set({ future: 'z', future$: { v: 5 } });
    const down = vi.fn((v: unknown) => v);
    const item = defineItem<string>('local:future', {
      fallback: '',
      version: 2,
      migrations: { 2: down },
    });
    expect(await item.getValue()).toBe('z');
    expect(down).not.toHaveBeenCalled();
    expect(console.error).toHaveBeenCalledOnce();
  });

  it('an empty migrating item gets its version with its first value', async () => {
    const item = defineItem<number>('local:fresh', {
      fallback: 0,
      version: 2,
      migrations: { 2: (v) => v },
    });
    await item.setValue(7);
    expect(await local('fresh', 'fresh$')).toEqual({ fresh: 7, fresh$: { v: 2 } });
  });

  it('watch sees changes with the fallback for absent values, not equal rewrites', async () => {
    const item = defineItem<{ n: number } | null>('local:watched', { fallback: null });
    const seen: unknown[] = [];
    const unwatch = item.watch((value, old) => seen.push([value, old]));
    await item.setValue({ n: 1 });
    await item.setValue({ n: 1 });
    await browser.storage.local.set({ other: 1 });
    await item.removeValue();
    unwatch();
    await item.setValue({ n: 2 });
    expect(seen).toEqual([
      [{ n: 1 }, null],
      [null, { n: 1 }],
    ]);
  });

  it('session items live in browser.storage.session', async () => {
    const item = defineItem<{ holder: string } | null>('session:lease', { fallback: null });
    await item.setValue({ holder: 'a' });
    expect(await browser.storage.session.get('lease')).toEqual({ lease: { holder: 'a' } });
    expect(await local('lease')).toEqual({});
    const seen: unknown[] = [];
    item.watch((v) => seen.push(v));
    await item.removeValue();
    expect(seen).toEqual([null]);
    expect(await item.getValue()).toBeNull();
  });
});

describe('setItems', () => {
  it('writes each area in one set call, values as given', async () => {
    const a = defineItem<number[]>('local:a', { fallback: [] });
    const b = defineItem<string | null>('local:b', { fallback: null });
    const c = defineItem<number>('session:c', { fallback: 0 });
    await b.setValue('before');
    const localSet = vi.spyOn(fakeBrowser.storage.local, 'set');
    const sessionSet = vi.spyOn(fakeBrowser.storage.session, 'set');
    await setItems([
      { item: a, value: [1, 2] },
      { item: b, value: null },
      { item: c, value: 5 },
    ]);
    expect(localSet).toHaveBeenCalledOnce();
    expect(localSet).toHaveBeenCalledWith({ a: [1, 2], b: null });
    expect(sessionSet).toHaveBeenCalledOnce();
    expect(sessionSet).toHaveBeenCalledWith({ c: 5 });
    expect(await a.getValue()).toEqual([1, 2]);
    expect(await b.getValue()).toBeNull();
    expect(await c.getValue()).toBe(5);
  });

  it('waits for migrations, so a migration never overwrites what it writes', async () => {
    await browser.storage.local.set({ slow: 'v1', slow$: { v: 1 } });
    let finish = () => {};
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const item = defineItem<string>('local:slow', {
      fallback: '',
      version: 2,
      migrations: { 2: async (v) => (await gate, `${String(v)}→v2`) },
    });
    const written = setItems([{ item, value: 'new' }]);
    finish();
    await written;
    expect(await item.getValue()).toBe('new');
  });
});
