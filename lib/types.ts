import type { RoundingRule } from './timer/rounding';

/** An issue as the extension knows it: where it lives, and what Kendo told us about it. */
export interface IssueRef {
  origin: string;
  projectId: number;
  key: string;
  /** Kendo's numeric id, once resolved; API paths accept the key until then. */
  id?: number;
  title?: string;
}

/** The one running timer. Elapsed time is always `now - startedAt`. */
export interface Timer {
  id: string;
  issue: IssueRef;
  startedAt: number;
  note: string;
}

/** A plain, JSON-safe error for messages and storage. */
export interface ErrorData {
  kind: string;
  message: string;
  status?: number;
  fields?: Record<string, string[]>;
  retryAfterMs?: number;
}

/** Body of a time entry as Kendo takes it. */
export interface EntryBody {
  minutes_spent: number;
  started_at: string;
  note?: string;
}

/**
 * Where an outbox item is on its way to Kendo.
 * - queued: will be sent at nextAttemptAt
 * - sending: a request is in flight (a worker that dies here leaves it to be looked up)
 * - unknown: the last POST may have been stored; look before resending
 * - paused: Kendo refused the token; waits for a new one
 * - needs-user: Kendo refused the entry itself (404, 422, 403); the user fixes, moves or discards it
 */
export type OutboxState = 'queued' | 'sending' | 'unknown' | 'paused' | 'needs-user';

/** An entry on its way to Kendo. It exists here, or in Kendo, never in both and never in neither. */
export interface OutboxItem {
  localId: string;
  issue: IssueRef;
  body: EntryBody;
  /** The start by the device's clock; started_at is this moved by the known clock difference. */
  deviceStartedAt: number;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number;
  createdAt: number;
  source: 'timer' | 'quick-log' | 'undo-delete';
  lastError?: ErrorData;
  /** started_at was moved back once to fit the server's clock; never again. */
  clamped?: boolean;
}

/** The user Kendo says a token belongs to. */
export interface KendoUser {
  id: number;
  name: string;
  email?: string;
}

/** A checked connection to one Kendo tenant. The token is stored apart (see storage.ts). */
export interface Connection {
  origin: string;
  tenant: string;
  user: KendoUser;
  /** false for a viewer: Kendo refuses them every time-entry endpoint. */
  canLog: boolean;
  checkedAt: number;
  /** 'rejected' once Kendo answered 401 to the stored token. */
  status: 'ok' | 'rejected';
}

/** A time entry as Kendo returns it (the fields the extension uses). */
export interface Entry {
  id: number;
  user_id: number;
  issue_id: number;
  project_id: number;
  minutes_spent: number;
  started_at: string | null;
  note: string | null;
  created_at: string;
  issue_title?: string | null;
  issue_key?: string | null;
}

/** The user's entries of the current local week, as last fetched. */
export interface EntriesCache {
  origin: string;
  userId: number;
  weekStart: number;
  fetchedAt: number;
  entries: Entry[];
  error?: ErrorData;
}

/** A delete the user asked for: held for the undo window, then sent. */
export interface PendingDelete {
  entry: Entry;
  origin: string;
  state: 'waiting' | 'sending' | 'deleted' | 'failed';
  /** When the DELETE is sent (waiting) or when the undo offer ends (deleted). */
  until: number;
  error?: ErrorData;
}

export interface Settings {
  rounding: RoundingRule;
  idle: { enabled: boolean; minutes: number };
  reminder: { enabled: boolean; hours: number };
}

/** The user was away while a timer ran; what to do with that time is theirs to say. */
export interface IdleNotice {
  timerId: string;
  since: number;
  /** When they came back (null while still away). */
  back: number | null;
}
