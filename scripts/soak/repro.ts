// `npx tsx scripts/soak/repro.ts`: the two sequences the soak found, replayed step by step with
// no randomness, so the owners of lib/outbox and lib/entries can watch them fail (or pass once
// fixed). Exits non-zero while either bug is there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKendoServer } from '../../tests/kendo-server/index';
import { TOKENS } from '../../tests/kendo-server/seed';
import type { KendoServer } from '../../tests/kendo-server/types';
import { Driver, type Stored } from './driver';

const ENTRY = /\/issues\/[^/]+\/time-entries(\/\d+)?$/;

async function until(d: Driver, what: string, ok: (s: Stored) => boolean, ms = 20_000) {
  const end = Date.now() + ms;
  for (;;) {
    const s = await d.stored();
    if (ok(s)) return s;
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Edit an entry in Today while the outbox still wonders whether its POST was stored. */
async function editWhileUnknown(d: Driver, server: KendoServer): Promise<string> {
  const note = 'repro: edit while unknown';
  server.fault({ match: { method: 'POST', path: ENTRY }, kind: 'store-then-drop' });
  await d.must('logTime', { issue: 'KD-0042', minutes: 30, note });
  await until(d, 'the item to be unknown', (s) => s.outbox.some((x) => x.state === 'unknown'));
  // The look-up that the refresh triggers fails, as in the soak run (a 503, or a 429 before it).
  server.fault({ match: { method: 'GET', path: ENTRY }, kind: 'status', status: 503 });
  await d.must('refreshEntries', {});
  await until(d, 'the look-up to fail', (s) =>
    s.outbox.some((x) => x.lastError?.kind === 'server'),
  );
  const s = await d.stored();
  const shown = s.entries?.entries.find((e) => e.note === note);
  if (!shown) return 'not reproduced: the entry was not in Today';
  await d.must('updateEntry', {
    entryId: shown.id,
    minutes: 45,
    startedAt: Date.parse(shown.started_at ?? shown.created_at),
    note,
  });
  await d.must('retryOutbox', {});
  await until(d, 'an empty outbox', (x) => x.outbox.length === 0);
  const n = server.entries().filter((e) => e.note === note).length;
  return `Kendo holds ${n} entr${n === 1 ? 'y' : 'ies'} with the note (expected 1)`;
}

/** Stop the worker while its DELETE is on the wire. */
async function workerStopMidDelete(d: Driver, server: KendoServer): Promise<string> {
  const note = 'repro: worker stop mid-delete';
  await d.must('logTime', { issue: 'KD-0043', minutes: 20, note });
  const s = await until(d, 'delivery', (x) => !!x.entries?.entries.some((e) => e.note === note));
  const entry = s.entries?.entries.find((e) => e.note === note);
  if (!entry) throw new Error('unreachable');
  server.fault({ match: { method: 'DELETE', path: ENTRY }, kind: 'delay', ms: 3000 });
  await d.must('deleteEntry', { entryId: entry.id });
  await until(d, 'the DELETE to be sending', (x) =>
    x.pendingDeletes.some((p) => p.state === 'sending'),
  );
  await d.stopWorker();
  await d.must('popupOpened', {});
  // The next worker has every chance: the 30 s alarm plus a margin.
  const left = await until(
    d,
    'the delete to finish',
    (x) => !x.pendingDeletes.some((p) => p.state === 'sending'),
    40_000,
  ).catch(() => null);
  const inKendo = server.entries().some((e) => e.id === entry.id);
  return left
    ? `delete finished; entry in Kendo: ${inKendo}`
    : `pending delete still 'sending' after 40 s; entry in Kendo: ${inKendo}`;
}

async function main(): Promise<number> {
  const server = await startKendoServer();
  const profile = mkdtempSync(join(tmpdir(), 'kendo-timer-repro-'));
  const d = await Driver.launch(server, profile);
  try {
    await d.connect(TOKENS.member);
    await d.must('refreshEntries', {});
    const a = await editWhileUnknown(d, server);
    console.log(`edit while unknown: ${a}`);
    const b = await workerStopMidDelete(d, server);
    console.log(`worker stop mid-delete: ${b}`);
    return a.includes('holds 1 entry') && b.startsWith('delete finished') ? 0 : 1;
  } finally {
    await d.close().catch(() => undefined);
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
