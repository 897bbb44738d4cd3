// A connected extension holding what a user has mid-day: a running timer and today's entries in
// its cache. State is made through the message protocol, as the popup would make it.
import type { Page } from '@playwright/test';
import type { Extension } from '../../tests/e2e/extension';
import type { chromeApi } from '../../tests/e2e/extension';
import type { MessageType, Req, Result } from '../../lib/messages';

const ORIGIN = 'https://acme.kendo.dev';
export const ISSUE_A = { origin: ORIGIN, projectId: 1, key: 'KD-0042' };

/** A request to the background from an extension page, answered as the views see it. */
export async function message<K extends MessageType>(
  page: Page,
  type: K,
  data: Req<K>,
): Promise<Result<unknown>> {
  const res = await page.evaluate(
    (msg) =>
      (globalThis as unknown as { chrome: typeof chromeApi }).chrome.runtime.sendMessage(msg),
    { type, data },
  );
  return res as Result<unknown>;
}

/** Like `message`, but a refusal stops the run: the bench cannot measure a broken setup. */
export async function must<K extends MessageType>(page: Page, type: K, data: Req<K>) {
  const res = await message(page, type, data);
  if (!res.ok) throw new Error(`bench: ${type} failed: ${JSON.stringify(res.error)}`);
  return res.value;
}

interface Stored {
  timer?: { id: string } | null;
  outbox?: unknown[];
  entries?: { entries: { started_at: string | null; created_at: string; user_id: number }[] };
}

/** Polls extension storage until `ok` holds (bounded), returning what it saw. */
export async function storageUntil(
  ext: Extension,
  ok: (s: Stored) => boolean,
  what: string,
  maxMs = 8000,
): Promise<Stored> {
  const end = Date.now() + maxMs;
  for (;;) {
    const s = (await ext.storage()) as Stored;
    if (ok(s)) return s;
    if (Date.now() > end) throw new Error(`bench: storage never showed ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function startedToday(e: { started_at: string | null; created_at: string }): boolean {
  return new Date(e.started_at ?? e.created_at).toDateString() === new Date().toDateString();
}

/** Today's own entries in the cache, a running timer on KD-0042, nothing waiting to sync. */
export async function midDayState(ext: Extension, control: Page): Promise<{ timerId: string }> {
  await must(control, 'logTime', {
    issue: 'KD-0043',
    minutes: 25,
    startedAt: Date.now() - 3 * 3600_000,
    note: 'bench: code review',
  });
  await must(control, 'logTime', {
    issue: 'KD-0044',
    minutes: 40,
    startedAt: Date.now() - 2 * 3600_000,
    note: 'bench: pairing',
  });
  const timer = (await must(control, 'startTimer', { issue: ISSUE_A })) as { id: string };
  // Ten minutes in, so the stop logs a real duration whatever the rounding.
  await must(control, 'updateTimer', { timerId: timer.id, startedAt: Date.now() - 600_000 });
  await must(control, 'refreshEntries', {});
  await storageUntil(
    ext,
    (s) =>
      !!s.timer &&
      (s.outbox ?? []).length === 0 &&
      (s.entries?.entries ?? []).filter((e) => e.user_id === 2 && startedToday(e)).length >= 2,
    "a running timer, an empty outbox and today's entries",
  );
  return { timerId: timer.id };
}
