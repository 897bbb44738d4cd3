// @vitest-environment node
// This week's entries, edits, deletes with undo, and quick log, against the test server.
import { describe, expect, it } from 'vitest';
import { refreshEntries, updateEntry } from '../../lib/entries/service';
import { deleteEntry, processDeletes, undoDelete, UNDO_MS } from '../../lib/entries/deletes';
import { logTime } from '../../lib/entries/quick-log';
import { entryStartMs, localWeek } from '../../lib/entries/days';
import { kickDelivery } from '../../lib/outbox/deliver';
import { entriesItem, pendingDeletesItem } from '../../lib/storage';
import { UserError } from '../../lib/errors';
import type { Entry } from '../../lib/types';
import { USERS } from '../kendo-server/seed';
import { entriesOf, manualClock, onlyItem, outbox, useBackground } from './support/background';

const ctx = useBackground();
const MIN = 60_000;
const ME = USERS.member.id;

async function thrown(p: Promise<unknown>): Promise<UserError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(UserError);
  return e as UserError;
}

async function cached(): Promise<Entry[]> {
  return (await entriesItem.getValue())?.entries ?? [];
}

describe('refreshEntries', () => {
  it("keeps only the user's own entries of the local week", async () => {
    const week = localWeek(Date.now());
    // Just outside and just inside the local week, by the local clock.
    const before = ctx.server.addEntry('acme', {
      user_id: ME,
      issue_id: 142,
      minutes_spent: 11,
      started_at: new Date(week.start - MIN).toISOString(),
    });
    const first = ctx.server.addEntry('acme', {
      user_id: ME,
      issue_id: 142,
      minutes_spent: 12,
      started_at: new Date(week.start).toISOString(),
    });
    await refreshEntries();
    const ids = (await cached()).map((e) => e.id);
    const expected = ctx.server
      .entries()
      .filter((e) => e.user_id === ME)
      .filter((e) => entryStartMs(e) >= week.start && entryStartMs(e) < week.end)
      .map((e) => e.id);
    expect(ids.sort()).toEqual(expected.sort());
    expect(ids).toContain(first.id);
    expect(ids).not.toContain(before.id);
    expect(ids).not.toContain(1001); // Otto's, today
    expect(ids).not.toContain(1005); // eight days ago
    const cache = await entriesItem.getValue();
    expect(cache).toMatchObject({
      origin: 'https://acme.kendo.dev',
      userId: ME,
      weekStart: week.start,
    });
  });

  it('a failure keeps the old list and records why', async () => {
    await refreshEntries();
    const before = await cached();
    ctx.server.fault({
      match: { method: 'GET', path: '/api/time-entries' },
      kind: 'status',
      status: 500,
    });
    await expect(refreshEntries()).rejects.toThrow();
    const cache = await entriesItem.getValue();
    expect(cache?.entries).toEqual(before);
    expect(cache?.error?.kind).toBe('server');
  });
});

describe('updateEntry', () => {
  const mineOnKd42 = (): Entry => ({
    id: 1003,
    user_id: ME,
    issue_id: 142,
    project_id: 1,
    minutes_spent: 120,
    started_at: null,
    note: null,
    created_at: new Date().toISOString(),
  });

  async function withCache(entries: Entry[]): Promise<void> {
    await entriesItem.setValue({
      origin: 'https://acme.kendo.dev',
      userId: ME,
      weekStart: 0,
      fetchedAt: Date.now(),
      entries,
    });
  }

  it('PUTs the change and updates the cache', async () => {
    await withCache([mineOnKd42()]);
    const start = Date.now() - 3 * 3600_000;
    const updated = await updateEntry({
      entryId: 1003,
      minutes: 95,
      startedAt: start,
      note: 'Fixed',
    });
    expect(updated).toMatchObject({ id: 1003, minutes_spent: 95, note: 'Fixed' });
    expect(ctx.server.entries().find((e) => e.id === 1003)).toMatchObject({
      minutes_spent: 95,
      note: 'Fixed',
      started_at: new Date(Math.floor(start / 1000) * 1000).toISOString().replace('Z', '000Z'),
    });
    expect((await cached())[0]).toMatchObject({ minutes_spent: 95, issue_key: 'KD-0042' });
  });

  it("says so when the entry is someone else's (403)", async () => {
    await withCache([{ ...mineOnKd42(), id: 1001, user_id: 4 }]);
    const e = await thrown(
      updateEntry({ entryId: 1001, minutes: 5, startedAt: Date.now() - 3600_000, note: '' }),
    );
    expect(e.kind).toBe('forbidden');
    expect(e.message).toMatch(/not yours/);
  });

  it('says so when the entry is gone (404)', async () => {
    await withCache([{ ...mineOnKd42(), id: 99_999 }]);
    const e = await thrown(
      updateEntry({ entryId: 99_999, minutes: 5, startedAt: Date.now() - 3600_000, note: '' }),
    );
    expect(e.kind).toBe('not_found');
    expect(e.message).toMatch(/no longer exists/);
  });

  it('refuses a start in the future at its field, before asking Kendo', async () => {
    await withCache([mineOnKd42()]);
    const e = await thrown(
      updateEntry({ entryId: 1003, minutes: 5, startedAt: Date.now() + 3600_000, note: '' }),
    );
    expect(e.fields?.startedAt).toBeDefined();
    expect(ctx.server.apiRequests({ method: 'PUT' })).toHaveLength(0);
  });
});

describe('delete with undo', () => {
  const deletes = () => ctx.server.apiRequests({ method: 'DELETE' });

  it('sends the DELETE only after the undo window', async () => {
    const clock = manualClock(Date.now());
    await refreshEntries();
    const target = (await cached())[0]!;
    await deleteEntry(target.id);
    expect(await pendingDeletesItem.getValue()).toMatchObject([{ state: 'waiting' }]);
    clock.advance(UNDO_MS - 1);
    await processDeletes();
    expect(deletes()).toHaveLength(0);
    clock.advance(1);
    await processDeletes();
    expect(deletes()).toHaveLength(1);
    expect(ctx.server.entries().some((e) => e.id === target.id)).toBe(false);
    expect((await cached()).some((e) => e.id === target.id)).toBe(false);
    expect(await pendingDeletesItem.getValue()).toMatchObject([{ state: 'deleted' }]);
  });

  it('a delete left "sending" by a worker that died is sent again', async () => {
    // Found by the soak (seeds 12345, 777): the worker stopped mid-DELETE, and the delete stayed
    // 'sending' for ever, the entry still in Kendo and Undo refused.
    await refreshEntries();
    const target = (await cached())[0]!;
    await pendingDeletesItem.setValue([
      { entry: target, origin: 'https://acme.kendo.dev', state: 'sending', until: Date.now() },
    ]);
    await processDeletes();
    expect(deletes()).toHaveLength(1);
    expect(ctx.server.entries().some((e) => e.id === target.id)).toBe(false);
    expect(await pendingDeletesItem.getValue()).toMatchObject([{ state: 'deleted' }]);
  });

  it('undo before the DELETE went out cancels it', async () => {
    const clock = manualClock(Date.now());
    await refreshEntries();
    const target = (await cached())[0]!;
    await deleteEntry(target.id);
    await undoDelete(target.id);
    clock.advance(UNDO_MS + 1000);
    await processDeletes();
    expect(deletes()).toHaveLength(0);
    expect(await pendingDeletesItem.getValue()).toEqual([]);
    expect(ctx.server.entries().some((e) => e.id === target.id)).toBe(true);
  });

  it('undo after the DELETE re-creates the entry through the outbox', async () => {
    const clock = manualClock(Date.now());
    await refreshEntries();
    const target = (await cached()).find((e) => e.started_at !== null)!;
    await deleteEntry(target.id);
    clock.advance(UNDO_MS);
    await processDeletes();
    await undoDelete(target.id);
    const item = (await outbox())[0];
    if (item) expect(item).toMatchObject({ source: 'undo-delete' });
    await kickDelivery();
    const again = entriesOf(ctx.server, ME);
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({
      issue_id: target.issue_id,
      minutes_spent: target.minutes_spent,
      started_at: target.started_at,
      note: target.note,
    });
    expect(await pendingDeletesItem.getValue()).toEqual([]);
  });
});

describe('quick log', () => {
  it('90 minutes on KD-42 resolves project 1 / KD-0042 and queues minutes_spent 90', async () => {
    const clock = manualClock(Date.now());
    const { localId } = await logTime({ issue: 'KD-42', minutes: 90, note: 'Review' });
    const queued = (await outbox()).find((x) => x.localId === localId);
    if (queued) {
      expect(queued).toMatchObject({
        issue: { projectId: 1, key: 'KD-0042', id: 142 },
        body: {
          minutes_spent: 90,
          note: 'Review',
          started_at: new Date(clock.now - 90 * MIN).toISOString(),
        },
        source: 'quick-log',
      });
    }
    await kickDelivery();
    expect(entriesOf(ctx.server, ME)).toEqual([
      expect.objectContaining({ issue_id: 142, project_id: 1, minutes_spent: 90, note: 'Review' }),
    ]);
  });

  it.each([
    ['an unknown issue', 'KD-9999', /no issue KD-9999/],
    ['an unknown project code', 'ZZ-1', /no project with the code ZZ/],
    ['another tenant', 'https://globex.kendo.dev/projects/1/issues/GP-0001', /globex/],
    ['text that is no issue', 'pagination', /issue key/],
  ])('refuses %s at the Issue field', async (_name, issue, message) => {
    const e = await thrown(logTime({ issue, minutes: 10, note: '' }));
    expect(e.fields?.issue?.[0]).toMatch(message);
    expect(await outbox()).toEqual([]);
  });

  it('refuses a start in the future', async () => {
    const e = await thrown(
      logTime({ issue: 'KD-42', minutes: 10, startedAt: Date.now() + MIN, note: '' }),
    );
    expect(e.fields?.startedAt).toBeDefined();
  });

  it('a quick log delivered once leaves nothing behind', async () => {
    await logTime({ issue: 'KD-0043', minutes: 15, note: '' });
    await kickDelivery();
    expect(await outbox()).toEqual([]);
    await expect(onlyItem()).rejects.toThrow();
  });
});
