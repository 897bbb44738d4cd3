/**
 * Migrations of stored shapes, one pure function per item and version. Each is also safe to
 * run on a value already in the new shape: an item's version is written only through
 * `item.setValue`, not through `setItems` (lib/storage-kit.ts; the timer and outbox use it for
 * their one-write changes), so a current value can be stored without its version and be handed
 * to a migration again on the next start.
 */
import { isRecord } from './kendo/errors';
import type { ErrorData, IssueRef, OutboxItem, OutboxState, Timer } from './types';

/** The timer of the first design sketch: no id, so a second stop could not be told apart. */
export interface TimerV1 {
  issue: IssueRef;
  startedAt: number;
  note?: string;
}

/** An outbox item of the first sketch: origin and project beside the issue, no device start. */
export interface OutboxItemV1 {
  localId: string;
  origin: string;
  projectId: number;
  /** The issue key, or the issue as the timer had it. */
  issue: string | Partial<IssueRef>;
  body: { minutes_spent: number; started_at: string; note?: string };
  state: string;
  attempts?: number;
  lastError?: string | ErrorData | null;
  nextAttemptAt?: number;
}

const STATES: readonly OutboxState[] = ['queued', 'sending', 'unknown', 'paused', 'needs-user'];

/** Timer v1 → v2: give it an id. */
export function migrateTimerV1(
  value: unknown,
  newId: () => string = () => crypto.randomUUID(),
): Timer | null {
  if (!isRecord(value) || !isRecord(value.issue) || typeof value.startedAt !== 'number') {
    return null;
  }
  const v = value as unknown as Partial<Timer> & TimerV1;
  return {
    id: typeof v.id === 'string' && v.id ? v.id : newId(),
    issue: { ...v.issue, key: String(v.issue.key).toUpperCase() },
    startedAt: v.startedAt,
    note: typeof v.note === 'string' ? v.note : '',
  };
}

/** Outbox v1 → v2: the issue as one IssueRef, the device start, when it was made, its source. */
export function migrateOutboxV1(value: unknown, at = Date.now()): OutboxItem[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((raw) => migrateOutboxItemV1(raw, at));
}

function migrateOutboxItemV1(raw: Record<string, unknown>, at: number): OutboxItem {
  const v = raw as unknown as Partial<OutboxItem> & OutboxItemV1;
  const issue: IssueRef =
    typeof v.issue === 'string'
      ? { origin: v.origin, projectId: v.projectId, key: v.issue.toUpperCase() }
      : ({
          ...v.issue,
          origin: v.issue.origin ?? v.origin,
          projectId: v.issue.projectId ?? v.projectId,
          key: String(v.issue.key ?? '').toUpperCase(),
        } as IssueRef);
  const started = Date.parse(v.body.started_at);
  const created = typeof v.createdAt === 'number' ? v.createdAt : at;
  const { origin: _origin, projectId: _projectId, lastError, ...rest } = v;
  const error = toErrorData(lastError);
  return {
    ...(rest as Partial<OutboxItem>),
    localId: v.localId,
    issue,
    body: v.body,
    deviceStartedAt:
      typeof v.deviceStartedAt === 'number'
        ? v.deviceStartedAt
        : Number.isNaN(started)
          ? created
          : started,
    // A state this version does not know may have been mid-send: look before sending again.
    state: STATES.includes(v.state as OutboxState) ? (v.state as OutboxState) : 'unknown',
    attempts: typeof v.attempts === 'number' ? v.attempts : 0,
    nextAttemptAt: typeof v.nextAttemptAt === 'number' ? v.nextAttemptAt : at,
    createdAt: created,
    source: v.source ?? 'timer',
    ...(error && { lastError: error }),
  };
}

function toErrorData(e: unknown): ErrorData | undefined {
  if (typeof e === 'string') return { kind: 'internal', message: e };
  if (isRecord(e) && typeof e.message === 'string') return e as unknown as ErrorData;
  return undefined;
}
