// Wire and state types of the Kendo-compatible test server. The wire shapes follow
// /work/shared/kendo-api.md; anything else here is the server's own bookkeeping.

export type Role = 'admin' | 'member' | 'viewer';
export type Scope = 'read' | 'write';

export interface User {
  id: number;
  name: string;
  email: string;
  role: Role;
}

export interface Team {
  id: number;
  name: string;
  userIds: number[];
  projectIds: number[];
}

export interface Project {
  id: number;
  name: string;
  code: string;
}

export interface Issue {
  id: number;
  key: string;
  title: string;
  project_id: number;
  lane_id: number;
  assignee_id: number | null;
  status: 'open' | 'closed';
  created_at: string;
}

/** A time entry exactly as Kendo sends it. */
export interface TimeEntry {
  id: number;
  user_id: number;
  issue_id: number;
  project_id: number;
  minutes_spent: number;
  started_at: string | null;
  note: string | null;
  created_at: string;
  issue_title: string;
  issue_key: string;
}

/** Stored form: title and key are derived from the issue when sent, so renames show. */
export type StoredEntry = Omit<TimeEntry, 'issue_title' | 'issue_key'>;

export interface TokenGrant {
  tenant: string;
  userId: number;
  scopes: Scope[];
}

export interface RecordedRequest {
  method: string;
  /** The pathname, without the query. */
  path: string;
  query: Record<string, string>;
  /** The tenant from the Host header; for a host outside kendo.dev, the host itself. */
  tenant: string;
  /** Lower-case names; repeated headers joined with ', '. */
  headers: Record<string, string>;
  /** Parsed JSON, else the raw text, else undefined when there was no body. */
  body: unknown;
  /** The status sent; 0 while unanswered or when the connection was dropped. */
  status: number;
  /** Arrival time from the `now` option (the real clock, without the clock offset). */
  at: number;
}

export type Fault = {
  match: { method?: string; path?: string | RegExp /* tested against pathname */ };
  times?: number /* default 1 */;
} & (
  | { kind: 'status'; status: number; retryAfter?: number; body?: unknown }
  | { kind: 'html' }
  | { kind: 'bad-shape' }
  | { kind: 'drop' }
  | { kind: 'store-then-drop' }
  | { kind: 'delay'; ms: number }
);

export interface StartOptions {
  port?: number /* 0 = random */;
  now?: () => number /* server clock, ms; default Date.now */;
}

export interface KendoServer {
  port: number;
  origin(tenant?: string): string;
  requests: RecordedRequest[];
  apiRequests(filter?: { method?: string; path?: string | RegExp }): RecordedRequest[];
  fault(f: Fault): void;
  clearFaults(): void;
  setClockOffset(ms: number): void;
  entries(tenant?: string): TimeEntry[];
  addEntry(
    tenant: string,
    e: Partial<TimeEntry> & { user_id: number; issue_id: number; minutes_spent: number },
  ): TimeEntry;
  setIssueTitle(tenant: string, key: string, title: string): void;
  revokeToken(token: string): void;
  reset(): void;
  close(): Promise<void>;
}
