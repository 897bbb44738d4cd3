// @vitest-environment node
// The timer service against WXT's fake browser and the real test server.
import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { discardTimer, startTimer, stopTimer, updateTimer } from '../../lib/timer/service';
import { kickDelivery } from '../../lib/outbox/deliver';
import { saveConnection } from '../../lib/connection';
import { settingsItem, timerItem, DEFAULT_SETTINGS } from '../../lib/storage';
import { UserError } from '../../lib/errors';
import type { OutboxItem, Timer } from '../../lib/types';
import { TOKENS, USERS } from '../kendo-server/seed';
import {
  ENTRIES_POST,
  KD42,
  KD43,
  entriesOf,
  manualClock,
  onlyItem,
  outbox,
  useBackground,
} from './support/background';

const ctx = useBackground();

type Change = Record<string, { newValue?: unknown } | undefined>;
/** Every write to local storage from now on, one record per write. */
function recordWrites(): Change[] {
  const list: Change[] = [];
  browser.storage.local.onChanged.addListener((c) => void list.push(c as Change));
  return list;
}
const MIN = 60_000;

async function thrown(p: Promise<unknown>): Promise<UserError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(UserError);
  return e as UserError;
}

describe('start and stop', () => {
  it('start stores one timer with an id and the start time', async () => {
    const clock = manualClock(Date.now() - 30 * MIN);
    const timer = await startTimer(KD42);
    expect(timer).toMatchObject({ issue: { key: 'KD-0042', projectId: 1 }, startedAt: clock.now });
    expect(timer.id).toMatch(/\S{8,}/);
    expect(await timerItem.getValue()).toMatchObject({ id: timer.id, startedAt: clock.now });
    expect(await outbox()).toEqual([]);
  });

  it('starting the same issue again keeps the running timer', async () => {
    const clock = manualClock(Date.now() - 30 * MIN);
    const first = await startTimer(KD42);
    clock.advance(5 * MIN);
    const again = await startTimer({ ...KD42, key: 'kd-0042' });
    expect(again.id).toBe(first.id);
    expect(await outbox()).toEqual([]);
  });

  it('start on another issue queues the first in the same write', async () => {
    const clock = manualClock(Date.now() - 60 * MIN);
    const t0 = clock.now;
    const first = await startTimer(KD42);
    const changes = recordWrites();
    clock.advance(25 * MIN + 29_000);
    const second = await startTimer(KD43);
    expect(second.id).not.toBe(first.id);
    // One storage write holds both the new timer and the first one's entry.
    const write = changes.find((c) => 'timer' in c && 'outbox' in c);
    expect(write).toBeDefined();
    const queued = write!.outbox!.newValue as OutboxItem[];
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({
      issue: { key: 'KD-0042', projectId: 1 },
      body: { minutes_spent: 25, started_at: new Date(t0).toISOString() },
      deviceStartedAt: t0,
      state: 'queued',
      source: 'timer',
    });
    expect((write!.timer!.newValue as Timer).issue.key).toBe('KD-0043');
    await kickDelivery();
    const made = entriesOf(ctx.server, USERS.member.id);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ issue_id: 142, minutes_spent: 25 });
  });

  it('stop queues minutes rounded to the nearest minute and the true start in UTC', async () => {
    const clock = manualClock(Date.now() - 3 * 3600_000);
    const t0 = clock.now;
    const timer = await startTimer(KD42);
    clock.advance(89 * MIN + 30_000);
    const changes = recordWrites();
    const res = await stopTimer(timer.id);
    expect(res?.localId).toBeTruthy();
    expect(await timerItem.getValue()).toBeNull();
    const queued = changes.flatMap((c) => (c.outbox?.newValue as OutboxItem[] | undefined) ?? []);
    expect(queued.find((x) => x.localId === res?.localId)?.body).toEqual({
      minutes_spent: 90,
      started_at: new Date(t0).toISOString(),
    });
    await kickDelivery();
    expect(await outbox()).toEqual([]);
    const [entry] = entriesOf(ctx.server, USERS.member.id);
    expect(entry).toMatchObject({ minutes_spent: 90, issue_id: 142, note: null });
    expect(Math.floor(Date.parse(entry!.started_at!) / 1000)).toBe(Math.floor(t0 / 1000));
  });

  it('a timer of 20 seconds logs 1 minute; rounding settings apply', async () => {
    const clock = manualClock(Date.now() - 3600_000);
    let timer = await startTimer(KD42);
    clock.advance(20_000);
    await stopTimer(timer.id);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, rounding: { mode: 'up', step: 15 } });
    timer = await startTimer(KD43);
    clock.advance(16 * MIN);
    await stopTimer(timer.id);
    await kickDelivery();
    const minutes = entriesOf(ctx.server, USERS.member.id).map((e) => e.minutes_spent);
    expect(minutes.sort((a, b) => a - b)).toEqual([1, 30]);
  });

  it('a second stop of the same timer is a no-op', async () => {
    const clock = manualClock(Date.now() - 3600_000);
    const timer = await startTimer(KD42);
    clock.advance(10 * MIN);
    const [a, b] = await Promise.all([stopTimer(timer.id), stopTimer(timer.id)]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    await expect(stopTimer(timer.id)).resolves.toBeNull();
    await kickDelivery();
    expect(entriesOf(ctx.server, USERS.member.id)).toHaveLength(1);
    expect(ctx.server.apiRequests(ENTRIES_POST)).toHaveLength(1);
  });

  it('a stop naming an older timer does not stop the one running now', async () => {
    manualClock(Date.now() - 3600_000);
    const first = await startTimer(KD42);
    await stopTimer(first.id);
    const second = await startTimer(KD43);
    await expect(stopTimer(first.id)).resolves.toBeNull();
    expect((await timerItem.getValue())?.id).toBe(second.id);
  });

  it('discard removes the timer without an entry', async () => {
    manualClock(Date.now() - 3600_000);
    const timer = await startTimer(KD42);
    await discardTimer('someone-else');
    expect(await timerItem.getValue()).not.toBeNull();
    await discardTimer(timer.id);
    expect(await timerItem.getValue()).toBeNull();
    expect(await outbox()).toEqual([]);
  });
});

describe('updateTimer', () => {
  it('changes the note and the start; the entry carries both', async () => {
    const clock = manualClock(Date.now() - 3600_000);
    const timer = await startTimer(KD42);
    const earlier = clock.now - 15 * MIN;
    const next = await updateTimer(timer.id, {
      note: '  Paired on <b>paging</b>  ',
      startedAt: earlier,
    });
    expect(next).toMatchObject({ startedAt: earlier, note: '  Paired on <b>paging</b>  ' });
    clock.advance(15 * MIN);
    await stopTimer(timer.id);
    await kickDelivery();
    expect(entriesOf(ctx.server, USERS.member.id)[0]).toMatchObject({
      minutes_spent: 30,
      note: 'Paired on <b>paging</b>',
    });
  });

  it('refuses a start in the future at the startedAt field', async () => {
    const clock = manualClock(Date.now() - 3600_000);
    const timer = await startTimer(KD42);
    const e = await thrown(updateTimer(timer.id, { startedAt: clock.now + 60_000 }));
    expect(e.fields?.startedAt?.[0]).toMatch(/future/);
    expect((await timerItem.getValue())?.startedAt).toBe(timer.startedAt);
  });

  it('refuses a change to a timer that no longer runs', async () => {
    manualClock(Date.now() - 3600_000);
    const timer = await startTimer(KD42);
    await stopTimer(timer.id);
    await thrown(updateTimer(timer.id, { note: 'late' }));
  });
});

describe('who may start', () => {
  it('a viewer cannot start a timer', async () => {
    await saveConnection('acme', TOKENS.viewer);
    const e = await thrown(startTimer(KD42));
    expect(e.kind).toBe('forbidden');
    expect(await timerItem.getValue()).toBeNull();
  });

  it('an issue of another tenant is refused', async () => {
    const e = await thrown(startTimer({ ...KD42, origin: 'https://globex.kendo.dev' }));
    expect(e.kind).toBe('not_connected');
  });
});

describe('clocks', () => {
  it('a timer across local midnight is one entry started before midnight', async () => {
    const midnight = new Date();
    midnight.setHours(0, 0, 0, 0);
    midnight.setDate(midnight.getDate() - 1);
    const clock = manualClock(midnight.getTime() - 10 * MIN);
    const t0 = clock.now;
    const timer = await startTimer(KD42);
    clock.advance(40 * MIN);
    await stopTimer(timer.id);
    await kickDelivery();
    const made = entriesOf(ctx.server, USERS.member.id);
    expect(made).toHaveLength(1);
    expect(made[0]!.minutes_spent).toBe(40);
    expect(Date.parse(made[0]!.started_at!)).toBe(Math.floor(t0 / 1000) * 1000);
  });

  it('a device clock 5 minutes ahead: accepted once after one clamped retry', async () => {
    // The connection check saw no skew; then the server's clock turns out 5 minutes behind.
    ctx.server.setClockOffset(-5 * MIN);
    const clock = manualClock(Date.now() - 2 * MIN);
    const timer = await startTimer(KD42);
    clock.now = Date.now();
    await stopTimer(timer.id);
    await kickDelivery();
    const posts = ctx.server.apiRequests(ENTRIES_POST);
    expect(posts.map((p) => p.status)).toEqual([422, 201]);
    const made = entriesOf(ctx.server, USERS.member.id);
    expect(made).toHaveLength(1);
    expect(made[0]!.minutes_spent).toBe(2);
    expect(await outbox()).toEqual([]);
  });

  it('a clamped entry refused again goes to the user, not round again', async () => {
    ctx.server.setClockOffset(-5 * MIN);
    const clock = manualClock(Date.now() - 2 * MIN);
    const timer = await startTimer(KD42);
    clock.now = Date.now();
    ctx.server.fault({
      match: ENTRIES_POST,
      kind: 'status',
      status: 422,
      times: 5,
      body: { message: 'bad', errors: { started_at: ['The started at field is wrong.'] } },
    });
    await stopTimer(timer.id);
    await kickDelivery();
    expect(ctx.server.apiRequests(ENTRIES_POST)).toHaveLength(2);
    expect((await onlyItem()).state).toBe('needs-user');
  });
});
