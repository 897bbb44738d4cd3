// Shared set-up for the background's unit tests: WXT's fake browser for storage and alarms,
// the real Kendo-compatible server over HTTPS, and the background's own modules unmocked.
import { afterAll, beforeAll, beforeEach, afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setClock } from '../../../lib/clock';
import { saveConnection, setFetch } from '../../../lib/connection';
import { kickDelivery } from '../../../lib/outbox/deliver';
import { outboxItem } from '../../../lib/storage';
import { startKendoServer, type KendoServer } from '../../kendo-server/index';
import { nodeFetchFor } from '../../kendo-server/node-fetch';
import { TOKENS } from '../../kendo-server/seed';
import type { OutboxItem } from '../../../lib/types';

export const ENTRIES_POST = { method: 'POST', path: /\/time-entries$/ } as const;

/**
 * Starts one server for the file and gives every test a fresh browser and a fresh seed.
 * `connectAs` (default the member) saves a connection before each test; null leaves none.
 */
export function useBackground(connectAs: string | null = TOKENS.member): { server: KendoServer } {
  const ctx = {} as { server: KendoServer };
  beforeAll(async () => {
    ctx.server = await startKendoServer();
    setFetch(nodeFetchFor(ctx.server));
  });
  afterAll(async () => {
    setFetch(undefined);
    await ctx.server.close();
  });
  beforeEach(async () => {
    // A delivery still running from the last test must not write into this one's storage.
    await kickDelivery();
    setClock();
    fakeBrowser.reset();
    ctx.server.reset();
    if (connectAs) await saveConnection('acme', connectAs);
    ctx.server.requests.length = 0;
  });
  afterEach(async () => {
    ctx.server.clearFaults();
    await kickDelivery();
    setClock();
  });
  return ctx;
}

/** A clock the test moves by hand. */
export function manualClock(start: number): { now: number; advance(ms: number): void } {
  const c = {
    now: start,
    advance(ms: number) {
      c.now += ms;
    },
  };
  setClock(() => c.now);
  return c;
}

export async function outbox(): Promise<OutboxItem[]> {
  return outboxItem.getValue();
}

export async function onlyItem(): Promise<OutboxItem> {
  const list = await outbox();
  if (list.length !== 1) throw new Error(`expected one outbox item, found ${list.length}`);
  return list[0]!;
}

/** The server's entries made by a user (the seed has others'). */
export function entriesOf(server: KendoServer, userId: number, since = 1006) {
  return server.entries().filter((e) => e.user_id === userId && e.id > since);
}

export const KD42 = { origin: 'https://acme.kendo.dev', projectId: 1, key: 'KD-0042' };
export const KD43 = { origin: 'https://acme.kendo.dev', projectId: 1, key: 'KD-0043' };
