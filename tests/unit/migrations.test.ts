// @vitest-environment node
// Stored shapes of version 1 (the first design sketch) read back through the v2 items.
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { outboxItem, timerItem } from '../../lib/storage';
import { migrateOutboxV1, migrateTimerV1 } from '../../lib/migrations';
import type { OutboxItem, Timer } from '../../lib/types';

beforeEach(() => fakeBrowser.reset());

const ISSUE = { origin: 'https://acme.kendo.dev', projectId: 1, key: 'KD-0042', title: 'Paging' };
const STARTED = '2026-03-13T09:00:00.000Z';

/** What WXT stores: the value under its key, and `{ v }` under the key plus '$'. */
async function writeRaw(key: string, value: unknown, version?: number): Promise<void> {
  await browser.storage.local.set({
    [key]: value,
    ...(version !== undefined && { [`${key}$`]: { v: version } }),
  });
}

async function metaOf(key: string): Promise<unknown> {
  return (await browser.storage.local.get(`${key}$`))[`${key}$`];
}

describe('timer v1 → v2', () => {
  it('a stored v1 timer gets an id and keeps its issue, start and note', async () => {
    const v1 = { issue: ISSUE, startedAt: 1_773_392_400_000, note: 'pairing' };
    await writeRaw('timer', v1, 1);
    await timerItem.migrate();
    const timer = await timerItem.getValue();
    expect(timer).toEqual({ ...v1, id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(await metaOf('timer')).toEqual({ v: 2 });
  });

  it('a value without version meta counts as v1', async () => {
    await writeRaw('timer', { issue: ISSUE, startedAt: 5 });
    await timerItem.migrate();
    expect((await timerItem.getValue())?.id).toBeTruthy();
    expect(await metaOf('timer')).toEqual({ v: 2 });
  });

  it('a v2 timer stored without its version (storage.setItems) keeps its id', async () => {
    const v2: Timer = { id: 'kept', issue: ISSUE, startedAt: 5, note: '' };
    await writeRaw('timer', v2);
    await timerItem.migrate();
    expect(await timerItem.getValue()).toEqual(v2);
  });

  it('the pure step: a missing note becomes empty; garbage becomes no timer', () => {
    expect(migrateTimerV1({ issue: ISSUE, startedAt: 1 }, () => 'id-1')).toEqual({
      id: 'id-1',
      issue: ISSUE,
      startedAt: 1,
      note: '',
    });
    expect(migrateTimerV1({ startedAt: 'yesterday' })).toBeNull();
    expect(migrateTimerV1('timer')).toBeNull();
  });
});

describe('outbox v1 → v2', () => {
  const v1 = {
    localId: 'L1',
    origin: 'https://acme.kendo.dev',
    projectId: 1,
    issue: 'kd-0042',
    body: { minutes_spent: 30, started_at: STARTED, note: 'x' },
    state: 'queued',
    attempts: 2,
    lastError: 'Kendo had a problem',
    nextAttemptAt: 1_773_400_000_000,
  };

  it('a stored v1 list reads as v2 items', async () => {
    await writeRaw(
      'outbox',
      [
        v1,
        {
          ...v1,
          localId: 'L2',
          issue: { key: 'HW-0052', id: 352 },
          projectId: 3,
          lastError: null,
          state: 'sent?',
        },
      ],
      1,
    );
    await outboxItem.migrate();
    const [a, b] = await outboxItem.getValue();
    expect(a).toEqual({
      localId: 'L1',
      issue: { origin: 'https://acme.kendo.dev', projectId: 1, key: 'KD-0042' },
      body: v1.body,
      deviceStartedAt: Date.parse(STARTED),
      state: 'queued',
      attempts: 2,
      nextAttemptAt: v1.nextAttemptAt,
      createdAt: expect.any(Number),
      source: 'timer',
      lastError: { kind: 'internal', message: 'Kendo had a problem' },
    });
    expect(b).toMatchObject({
      localId: 'L2',
      issue: { origin: 'https://acme.kendo.dev', projectId: 3, key: 'HW-0052', id: 352 },
      // A state this version does not know may have been sent: it is looked up first.
      state: 'unknown',
    });
    expect(b).not.toHaveProperty('lastError');
    expect(b).not.toHaveProperty('origin');
    expect(await metaOf('outbox')).toEqual({ v: 2 });
  });

  it('v2 items stored without their version pass unchanged', () => {
    const v2: OutboxItem = {
      localId: 'L9',
      issue: { ...ISSUE, id: 142 },
      body: { minutes_spent: 5, started_at: STARTED },
      deviceStartedAt: 123,
      state: 'paused',
      attempts: 1,
      nextAttemptAt: 456,
      createdAt: 789,
      source: 'quick-log',
      clamped: true,
      lastError: { kind: 'unauthorized', message: 'token', status: 401 },
    };
    expect(migrateOutboxV1([v2], 999)).toEqual([v2]);
  });

  it('a start Kendo could not read falls back to when the item was made', () => {
    const [item] = migrateOutboxV1([{ ...v1, body: { ...v1.body, started_at: 'soon' } }], 42);
    expect(item).toMatchObject({ deviceStartedAt: 42, createdAt: 42 });
    expect(migrateOutboxV1('nothing')).toEqual([]);
  });
});
