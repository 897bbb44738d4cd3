/**
 * The keys of the storage items (lib/storage.ts) that views read without WXT's storage wrapper,
 * and the settings default. Free of imports with side effects, so the popup, the options page
 * and the content script can read storage directly: WXT's `defineItem` reads storage for every
 * item as soon as it is defined, which a view that only needs a few items should not pay for.
 */
import { DEFAULT_ROUNDING } from './timer/rounding';
import type { Settings } from './types';

/** Keys in `browser.storage.local` (lib/storage.ts defines each as `local:<key>`). */
export const LOCAL_KEYS = {
  timer: 'timer',
  outbox: 'outbox',
  connections: 'connections',
  entries: 'entries',
  pendingDeletes: 'pendingDeletes',
  settings: 'settings',
  idle: 'idle',
  recentIssues: 'recentIssues',
} as const;

export const DEFAULT_SETTINGS: Settings = {
  rounding: DEFAULT_ROUNDING,
  idle: { enabled: true, minutes: 10 },
  reminder: { enabled: true, hours: 8 },
};
