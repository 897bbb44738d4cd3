/**
 * The one running timer. Only the background writes it; every view follows `timerItem`.
 * Stopping (or switching) removes the timer and appends its entry to the outbox in one write.
 */
import { setItems, type ItemWrite } from '../storage-kit';
import { activeConnection, toServerTime } from '../connection';
import { idleItem, outboxItem, recentIssuesItem, settingsItem, timerItem } from '../storage';
import { serialize } from '../lock';
import { now } from '../clock';
import { fieldError, UserError } from '../errors';
import { t } from '../i18n';
import { roundMinutes } from './rounding';
import { newLocalId } from '../outbox/queue';
import { kickDelivery } from '../outbox/deliver';
import { cachedIssue, resolveIssue } from '../issue/resolve';
import type { IssueInput } from '../messages';
import type { IssueRef, OutboxItem, Timer } from '../types';

function sameIssue(
  a: { origin: string; key: string },
  b: { origin: string; key: string },
): boolean {
  return a.origin === b.origin && a.key.toUpperCase() === b.key.toUpperCase();
}

/** The outbox entry for time worked on an issue from `startedAt` (device clock) for `minutes`. */
export async function outboxEntry(
  issue: IssueRef,
  startedAt: number,
  minutes: number,
  note: string,
  source: OutboxItem['source'],
): Promise<OutboxItem> {
  // The true start by Kendo's clock, and never after Kendo's now.
  const serverStart = Math.min(await toServerTime(startedAt), await toServerTime(now()));
  const text = note.trim();
  return {
    localId: newLocalId(),
    issue,
    body: {
      minutes_spent: minutes,
      started_at: new Date(serverStart).toISOString(),
      ...(text && { note: text }),
    },
    deviceStartedAt: startedAt,
    state: 'queued',
    attempts: 0,
    nextAttemptAt: now(),
    createdAt: now(),
    source,
  };
}

async function entryFromTimer(timer: Timer, stopAt: number): Promise<OutboxItem> {
  const { rounding } = await settingsItem.getValue();
  const minutes = roundMinutes(Math.max(0, stopAt - timer.startedAt), rounding);
  return outboxEntry(timer.issue, timer.startedAt, minutes, timer.note, 'timer');
}

/** Issues used lately, newest first, for suggestions. */
export function withRecent(list: IssueRef[], issue: IssueRef): IssueRef[] {
  return [issue, ...list.filter((x) => !sameIssue(x, issue))].slice(0, 10);
}

async function requireLoggable(origin: string): Promise<void> {
  const conn = await activeConnection();
  if (!conn) throw new UserError(t('errNotConnected'), undefined, 'not_connected');
  if (conn.origin !== origin) {
    throw new UserError(
      t('errConnectedElsewhere', conn.origin, origin),
      undefined,
      'not_connected',
    );
  }
  if (!conn.canLog) {
    throw new UserError(t('errViewer'), undefined, 'forbidden');
  }
}

/** Start a timer. One on another issue is stopped and logged in the same write. */
export async function startTimer(input: IssueInput): Promise<Timer> {
  await requireLoggable(input.origin);
  const result = await serialize(async () => {
    const [current, outbox, recent] = await Promise.all([
      timerItem.getValue(),
      outboxItem.getValue(),
      recentIssuesItem.getValue(),
    ]);
    if (current && sameIssue(current.issue, input)) return { timer: current, switched: false };
    const known = await cachedIssue(input.origin, input.key);
    const issue: IssueRef = {
      origin: input.origin,
      projectId: input.projectId,
      key: input.key.toUpperCase(),
      ...(known && { id: known.id }),
      ...((input.title ?? known?.title) && { title: input.title ?? known?.title }),
    };
    const timer: Timer = { id: newLocalId(), issue, startedAt: now(), note: '' };
    const writes: ItemWrite[] = [
      { item: timerItem, value: timer },
      { item: recentIssuesItem, value: withRecent(recent, issue) },
    ];
    if (current) {
      writes.push({ item: outboxItem, value: [...outbox, await entryFromTimer(current, now())] });
    }
    await setItems(writes);
    return { timer, switched: !!current };
  });
  if (result.switched) void kickDelivery();
  if (result.timer.issue.id === undefined) void fillIssue(result.timer);
  return result.timer;
}

/** Look the issue up in Kendo once the timer runs, and keep its id and title on the timer. */
async function fillIssue(timer: Timer): Promise<void> {
  try {
    const { id, title } = await resolveIssue(timer.issue);
    await serialize(async () => {
      const current = await timerItem.getValue();
      if (current?.id !== timer.id) return;
      await timerItem.setValue({ ...current, issue: { ...current.issue, id, title } });
    });
  } catch {
    // Not fatal: the entry is posted by key, and a wrong key shows up in the outbox.
  }
}

/**
 * Stop the running timer at `stopAt` and queue its entry. With `timerId`, only that timer: a
 * second stop of the same timer (popup and page at once) does nothing.
 */
export async function stopTimer(
  timerId?: string,
  stopAt?: number,
): Promise<{ localId: string } | null> {
  const item = await serialize(async () => {
    const [current, outbox] = await Promise.all([timerItem.getValue(), outboxItem.getValue()]);
    if (!current || (timerId !== undefined && current.id !== timerId)) return null;
    const entry = await entryFromTimer(current, stopAt ?? now());
    await setItems([
      { item: timerItem, value: null },
      { item: outboxItem, value: [...outbox, entry] },
      { item: idleItem, value: null },
    ]);
    return entry;
  });
  if (!item) return null;
  void kickDelivery();
  return { localId: item.localId };
}

/** Throw the running timer away (the views ask the user first). */
export async function discardTimer(timerId: string): Promise<void> {
  await serialize(async () => {
    const current = await timerItem.getValue();
    if (current?.id !== timerId) return;
    await setItems([
      { item: timerItem, value: null },
      { item: idleItem, value: null },
    ]);
  });
}

/** Change the running timer's note or correct when it started. */
export async function updateTimer(
  timerId: string,
  change: { note?: string; startedAt?: number },
): Promise<Timer> {
  return serialize(async () => {
    const current = await timerItem.getValue();
    if (current?.id !== timerId) throw new UserError(t('errTimerGone'));
    if (change.startedAt !== undefined && change.startedAt > now()) {
      throw fieldError('startedAt', t('errStartFuture'));
    }
    const next = { ...current, ...change };
    await timerItem.setValue(next);
    return next;
  });
}

/** The user came back after being away: keep that time, drop it, or stop when they left. */
export async function resolveIdle(choice: 'keep' | 'discard' | 'stop'): Promise<void> {
  const idle = await idleItem.getValue();
  const timer = await timerItem.getValue();
  await idleItem.setValue(null);
  if (!idle || !timer || timer.id !== idle.timerId || choice === 'keep') return;
  await stopTimer(timer.id, idle.since);
  if (choice === 'discard') {
    // Dropping the time away means: log up to the moment they left, and go on from now.
    await startTimer({
      origin: timer.issue.origin,
      projectId: timer.issue.projectId,
      key: timer.issue.key,
      ...(timer.issue.title && { title: timer.issue.title }),
    });
  }
}
