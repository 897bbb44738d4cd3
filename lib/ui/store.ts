/**
 * The popup's and the options page's view of extension storage. It hydrates from the storage
 * items once and follows their changes; it never writes them (writes go through messages).
 * No copy of shared data is persisted here.
 */
import { create } from 'zustand';
import {
  connectionsItem,
  entriesItem,
  idleItem,
  outboxItem,
  pendingDeletesItem,
  recentIssuesItem,
  settingsItem,
  timerItem,
  DEFAULT_SETTINGS,
} from '../storage';
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

export const useView = create<ViewState>(() => ({
  ready: false,
  timer: null,
  outbox: [],
  connections: { active: null, list: [] },
  entries: null,
  pendingDeletes: [],
  settings: DEFAULT_SETTINGS,
  idle: null,
  recentIssues: [],
}));

const items = {
  timer: timerItem,
  outbox: outboxItem,
  connections: connectionsItem,
  entries: entriesItem,
  pendingDeletes: pendingDeletesItem,
  settings: settingsItem,
  idle: idleItem,
  recentIssues: recentIssuesItem,
} as const;

/** Read every item once and follow changes. Returns a function that stops following. */
export async function hydrateView(): Promise<() => void> {
  const keys = Object.keys(items) as (keyof typeof items)[];
  const unwatch = keys.map((k) =>
    (items[k] as { watch(cb: (v: unknown) => void): () => void }).watch((v) =>
      useView.setState({
        [k]: v ?? (useView.getInitialState()[k] as unknown),
      } as Partial<ViewState>),
    ),
  );
  const values = await Promise.all(keys.map((k) => items[k].getValue()));
  useView.setState({
    ...(Object.fromEntries(keys.map((k, i) => [k, values[i]])) as Partial<ViewState>),
    ready: true,
  });
  return () => unwatch.forEach((u) => u());
}

/** The connection in use, if any. */
export function activeConnectionOf(s: ViewState): Connection | null {
  return s.connections.list.find((c) => c.origin === s.connections.active) ?? null;
}
