/**
 * The two storage items the button follows, read directly rather than through lib/storage.ts,
 * whose items would weigh on a script that runs on every Kendo page; the keys come from
 * lib/storage-keys.ts, as lib/storage.ts's do. The background runs their migrations
 * (lib/migrations.ts) when it starts and writes the result, so the raw values have the current
 * shape, and a change made by a migration arrives here too.
 */
import { browser } from 'wxt/browser';
import { LOCAL_KEYS } from '../storage-keys';
import type { Timer } from '../types';
import type { Connections } from './button-state';

export const TIMER_KEY = LOCAL_KEYS.timer;
export const CONNECTIONS_KEY = LOCAL_KEYS.connections;

export interface StoredState {
  timer: Timer | null;
  connections: Connections;
}

type Changes = Record<string, { newValue?: unknown }>;

function shape(timer: unknown, connections: unknown): StoredState {
  return {
    timer: (timer as Timer | undefined) ?? null,
    connections: (connections as Connections | undefined) ?? { active: null, list: [] },
  };
}

/** Read both items now. */
export async function readStoredState(): Promise<StoredState> {
  const got = await browser.storage.local.get([TIMER_KEY, CONNECTIONS_KEY]);
  return shape(got[TIMER_KEY], got[CONNECTIONS_KEY]);
}

/** Call `onChange` with the new state whenever either item changes. Returns a function that stops. */
export function watchStoredState(
  current: () => StoredState,
  onChange: (s: StoredState) => void,
): () => void {
  const listener = (changes: Changes, area: string): void => {
    if (area !== 'local' || !(TIMER_KEY in changes || CONNECTIONS_KEY in changes)) return;
    const was = current();
    onChange(
      shape(
        TIMER_KEY in changes ? changes[TIMER_KEY]?.newValue : was.timer,
        CONNECTIONS_KEY in changes ? changes[CONNECTIONS_KEY]?.newValue : was.connections,
      ),
    );
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
