/**
 * The one message protocol of the extension. Views (popup, options, the issue-page button)
 * send requests; only the background listens, validates (lib/background/validate.ts) and acts.
 * Every request has one object argument and a typed result; failures come back as data.
 */
import { browser } from 'wxt/browser';
import { t } from './i18n';
import type { Connection, Entry, ErrorData, Settings, Timer } from './types';

export interface IssueInput {
  origin: string;
  projectId: number;
  key: string;
  title?: string;
}

export interface Protocol {
  // Connection (options page)
  /** Check an address and token against Kendo; store them only if Kendo accepts the token. */
  saveConnection(req: { address: string; token: string }): Connection;

  // Timer (popup, issue-page button, shortcut)
  /** Start a timer on an issue. A timer running on another issue is stopped and logged first. */
  startTimer(req: { issue: IssueInput }): Timer;
  /** Stop the running timer and queue its entry. `timerId` makes a second stop of the same timer a no-op. */
  stopTimer(req: { timerId?: string }): { localId: string } | null;
  /** Throw the running timer away without logging it. */
  discardTimer(req: { timerId: string }): null;
  /** Change the running timer's note or start time. */
  updateTimer(req: { timerId: string; note?: string; startedAt?: number }): Timer;
  /** What to do with time away from the device: keep it, drop it, or stop when the user left. */
  resolveIdle(req: { choice: 'keep' | 'discard' | 'stop' }): null;
  /** Kendo's id and title for an issue (cached). */
  resolveIssue(req: { issue: IssueInput }): { id: number; title: string };

  // Entries (popup)
  /** Log time worked without a timer. `issue` is a key or an issue URL. */
  logTime(req: { issue: string; minutes: number; startedAt?: number; note: string }): {
    localId: string;
  };
  /** Change one of the user's entries (PUT). */
  updateEntry(req: { entryId: number; minutes: number; startedAt: number; note: string }): Entry;
  /** Delete an entry after the undo window. */
  deleteEntry(req: { entryId: number }): null;
  /** Take a delete back: cancelled if not sent yet, re-created if it was. */
  undoDelete(req: { entryId: number }): null;
  /** Fetch this week's entries from Kendo into the cache. */
  refreshEntries(req: Record<string, never>): null;
  /** The popup opened: deliver what waits and refresh entries. */
  popupOpened(req: Record<string, never>): null;
  /** Issues for quick-log suggestions: recently used, then Kendo's "my issues". */
  suggestIssues(req: Record<string, never>): { key: string; title: string; projectId: number }[];

  // Outbox (popup)
  /** Send waiting entries now (one, or all). */
  retryOutbox(req: { localId?: string }): null;
  /** Fix an entry Kendo refused, then resend it. `issue` moves it to another issue (key or URL). */
  fixOutbox(req: {
    localId: string;
    minutes?: number;
    startedAt?: number;
    note?: string;
    issue?: string;
  }): null;
  /** Give up on an entry Kendo refused. */
  discardOutbox(req: { localId: string }): null;

  // Misc
  /** Open the options page (from the issue-page button on an unconnected tenant). */
  openOptions(req: Record<string, never>): null;
  /** Save settings (options page). */
  saveSettings(req: { settings: Settings }): null;
}

export type MessageType = keyof Protocol;
export type Req<K extends MessageType> = Parameters<Protocol[K]>[0];
export type Res<K extends MessageType> = ReturnType<Protocol[K]>;
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorData };
export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  data: Req<K>;
}

/** Send a request to the background. Never throws: a dead or absent background is an error result. */
export async function send<K extends MessageType>(type: K, data: Req<K>): Promise<Result<Res<K>>> {
  try {
    const res = (await browser.runtime.sendMessage({ type, data } satisfies Envelope<K>)) as
      Result<Res<K>> | undefined;
    if (res && typeof res === 'object' && 'ok' in res) return res;
    return { ok: false, error: { kind: 'internal', message: t('errNoAnswer') } };
  } catch (e) {
    return {
      ok: false,
      error: {
        kind: 'internal',
        message: t('errUnreachable', e instanceof Error ? e.message : String(e)),
      },
    };
  }
}
