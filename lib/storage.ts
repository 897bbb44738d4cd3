/**
 * Every storage item of the extension, defined once. Nobody else spells a storage key.
 * `local:` survives restarts; `session:` lives as long as the browser session.
 * The background is the one writer of every item: views ask it through messages.
 */
import { defineItem } from './storage-kit';
import { DEFAULT_SETTINGS, LOCAL_KEYS } from './storage-keys';
import { migrateOutboxV1, migrateTimerV1 } from './migrations';
import type {
  Connection,
  EntriesCache,
  IdleNotice,
  IssueRef,
  OutboxItem,
  PendingDelete,
  Settings,
  Timer,
} from './types';

/** The running timer, or null. Every view follows this item. v2: the timer has an `id`. */
export const timerItem = defineItem<Timer | null>(`local:${LOCAL_KEYS.timer}`, {
  fallback: null,
  version: 2,
  migrations: { 2: (v: unknown) => migrateTimerV1(v) },
});

/**
 * Entries on their way to Kendo, oldest first. v2: `issue` is one IssueRef, and items carry
 * `deviceStartedAt`, `createdAt` and `source`.
 */
export const outboxItem = defineItem<OutboxItem[]>(`local:${LOCAL_KEYS.outbox}`, {
  fallback: [],
  version: 2,
  migrations: { 2: (v: unknown) => migrateOutboxV1(v) },
});

/**
 * Checked connections, by origin, and which one is in use. A list so that more tenants
 * can be added later; today the options page keeps one.
 */
export const connectionsItem = defineItem<{ active: string | null; list: Connection[] }>(
  `local:${LOCAL_KEYS.connections}`,
  { fallback: { active: null, list: [] }, version: 1 },
);

/**
 * Personal access tokens by origin. Read only by the background (lib/connection.ts), sent only
 * to that origin. Kept apart from `connections` so views never load it.
 */
export const tokensItem = defineItem<Record<string, string>>('local:tokens', {
  fallback: {},
  version: 1,
});

export { DEFAULT_SETTINGS };

/** The user's preferences from the options page. */
export const settingsItem = defineItem<Settings>(`local:${LOCAL_KEYS.settings}`, {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** The user's entries of this week, so the popup paints at once. */
export const entriesItem = defineItem<EntriesCache | null>(`local:${LOCAL_KEYS.entries}`, {
  fallback: null,
  version: 1,
});

/** Deletes in their undo window, and just-done deletes that can still be undone. */
export const pendingDeletesItem = defineItem<PendingDelete[]>(
  `local:${LOCAL_KEYS.pendingDeletes}`,
  {
    fallback: [],
    version: 1,
  },
);

/** Issues resolved through the API, by `${origin} ${KEY}`, so a page needs one lookup. */
export const issueCacheItem = defineItem<
  Record<string, { id: number; title: string; projectId: number; at: number }>
>('local:issueCache', { fallback: {}, version: 1 });

/** Projects by origin, to turn a key's code into a project id. */
export const projectsItem = defineItem<
  Record<string, { at: number; list: { id: number; code: string; name: string }[] }>
>('local:projects', { fallback: {}, version: 1 });

/** Issues the user timed or logged lately, newest first, for suggestions. */
export const recentIssuesItem = defineItem<IssueRef[]>(`local:${LOCAL_KEYS.recentIssues}`, {
  fallback: [],
  version: 1,
});

/** Kendo ids created by our own deliveries, so a look-up never claims one entry twice. */
export const deliveredItem = defineItem<{ localId: string; entryId: number; at: number }[]>(
  'local:delivered',
  { fallback: [], version: 1 },
);

/** Server clock minus device clock (ms), from the Date header of Kendo's answers. */
export const clockSkewItem = defineItem<{ ms: number; at: number } | null>('local:clockSkew', {
  fallback: null,
  version: 1,
});

/** Time away from the device while a timer ran, waiting for the user's choice. */
export const idleItem = defineItem<IdleNotice | null>(`local:${LOCAL_KEYS.idle}`, {
  fallback: null,
  version: 1,
});

/**
 * The id of the last timer whose long-run reminder was shown: a worker that starts after the
 * reminder time shows it once, not on every start.
 */
export const reminderShownItem = defineItem<string | null>('local:reminderShown', {
  fallback: null,
  version: 1,
});

/**
 * Who is delivering the outbox right now. In storage, not memory, so that a worker which dies
 * mid-delivery does not leave a lock behind in a new worker's memory, and no second context
 * ever sends while one is sending.
 */
export const deliveryLeaseItem = defineItem<{ holder: string; until: number } | null>(
  'session:deliveryLease',
  { fallback: null },
);
