/**
 * The popup's and the options page's view of extension storage. It hydrates with one read and
 * follows changes; it never writes (writes go through messages). No copy of shared data is
 * persisted here. It reads storage directly rather than through lib/storage.ts's WXT items, and
 * binds zustand's vanilla store to Preact itself, so the views load neither WXT's storage layer
 * nor React's compatibility layer: the popup must paint within a few tens of milliseconds.
 */
import { createStore } from 'zustand/vanilla';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, LOCAL_KEYS } from '../storage-keys';
import type {
  Connection,
  EntriesCache,
  IdleNotice,
  IssueRef,
  OutboxItem,
  PendingDelete,
  Settings,
  Timer,
} from '../types';

export interface ViewState {
  /** false until the first read from storage has landed. */
  ready: boolean;
  timer: Timer | null;
  outbox: OutboxItem[];
  connections: { active: string | null; list: Connection[] };
  entries: EntriesCache | null;
  pendingDeletes: PendingDelete[];
  settings: Settings;
  idle: IdleNotice | null;
  recentIssues: IssueRef[];
}

type Field = keyof typeof LOCAL_KEYS;

const EMPTY: ViewState = {
  ready: false,
  timer: null,
  outbox: [],
  connections: { active: null, list: [] },
  entries: null,
  pendingDeletes: [],
  settings: DEFAULT_SETTINGS,
  idle: null,
  recentIssues: [],
};

export const viewStore = createStore<ViewState>(() => EMPTY);

const FIELDS = Object.keys(LOCAL_KEYS) as Field[];

/** Read every item once and follow changes. Returns a function that stops following. */
export async function hydrateView(): Promise<() => void> {
  // A change seen while the first read is under way is newer than what that read returns.
  const changed = new Set<Field>();
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== 'local') return;
    const patch: Partial<Record<Field, unknown>> = {};
    for (const field of FIELDS) {
      const change = changes[LOCAL_KEYS[field]];
      if (!change) continue;
      patch[field] = change.newValue ?? EMPTY[field];
      changed.add(field);
    }
    if (Object.keys(patch).length) viewStore.setState(patch as Partial<ViewState>);
  };
  browser.storage.onChanged.addListener(listener);
  const stored = await browser.storage.local.get(FIELDS.map((f) => LOCAL_KEYS[f]));
  const first: Partial<Record<Field, unknown>> = {};
  for (const field of FIELDS) {
    if (!changed.has(field)) first[field] = stored[LOCAL_KEYS[field]] ?? EMPTY[field];
  }
  viewStore.setState({ ...(first as Partial<ViewState>), ready: true });
  return () => browser.storage.onChanged.removeListener(listener);
}

/** The view (or a part of it) in a component, re-rendering when that part changes. */
export function useView(): ViewState;
export function useView<T>(select: (s: ViewState) => T): T;
export function useView<T>(select?: (s: ViewState) => T): T | ViewState {
  const pick = select ?? ((s: ViewState) => s);
  const [, rerender] = useState(0);
  const value = pick(viewStore.getState());
  const latest = useRef({ pick, value });
  latest.current = { pick, value };
  useEffect(() => {
    const check = () => {
      const { pick: p, value: v } = latest.current;
      if (!Object.is(p(viewStore.getState()), v)) rerender((n) => n + 1);
    };
    // A change between this render and the subscription would otherwise be missed.
    check();
    return viewStore.subscribe(check);
  }, []);
  return value;
}

/** The connection in use, if any. */
export function activeConnectionOf(s: ViewState): Connection | null {
  return s.connections.list.find((c) => c.origin === s.connections.active) ?? null;
}
