// @vitest-environment node
// Around the timer: the badge, the idle step, the reminder alarm, and what idle choices do.
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeText, registerBadge, BADGE_ALARM } from '../../lib/background/badge';
import { nextIdleNotice } from '../../lib/background/idle';
import { registerReminder, REMINDER_ALARM } from '../../lib/background/reminder';
import { resolveIdle, startTimer } from '../../lib/timer/service';
import { DEFAULT_SETTINGS, idleItem, settingsItem, timerItem } from '../../lib/storage';
import type { Timer } from '../../lib/types';
import { KD42, KD43, manualClock, outbox, useBackground } from './support/background';

useBackground();
const MIN = 60_000;
const T0 = 1_773_392_400_000;
const timer = (startedAt = T0): Timer => ({
  id: 't1',
  issue: { ...KD42 },
  startedAt,
  note: '',
});

describe('badgeText', () => {
  it.each([
    [null, T0, ''],
    [timer(), T0, '0m'],
    [timer(), T0 + 59_999, '0m'],
    [timer(), T0 + 12 * MIN + 30_000, '12m'],
    [timer(), T0 + 59 * MIN, '59m'],
    [timer(), T0 + 65 * MIN, '1:05'],
    [timer(), T0 + (10 * 60 + 1) * MIN, '10:01'],
    [timer(), T0 - 5 * MIN, '0m'],
  ])('%j at %d shows %j', (t, at, text) => {
    expect(badgeText(t, at)).toBe(text);
  });

  it('the badge follows the timer item, with a minute alarm only while one runs', async () => {
    manualClock(T0 + 65 * MIN);
    // The change comes while the worker's first draw is still reading: the last value wins.
    registerBadge();
    await timerItem.setValue(timer());
    await vi.waitFor(async () => expect(await browser.action.getBadgeText({})).toBe('1:05'));
    expect(await browser.alarms.get(BADGE_ALARM)).toMatchObject({ periodInMinutes: 1 });
    await timerItem.setValue(null);
    await vi.waitFor(async () => expect(await browser.action.getBadgeText({})).toBe(''));
    expect(await browser.alarms.get(BADGE_ALARM)).toBeUndefined();
  });
});

describe('nextIdleNotice', () => {
  const t = { id: 't1', startedAt: T0 };
  const TH = 10 * MIN;

  it('no timer, no notice', () => {
    expect(nextIdleNotice('idle', null, null, TH, T0 + 60 * MIN)).toBeNull();
  });

  it('idle: the user left a threshold ago, never before the timer started', () => {
    expect(nextIdleNotice('idle', null, t, TH, T0 + 60 * MIN)).toEqual({
      timerId: 't1',
      since: T0 + 50 * MIN,
      back: null,
    });
    expect(nextIdleNotice('idle', null, t, TH, T0 + 4 * MIN)).toMatchObject({ since: T0 });
  });

  it('locked: the user left now; a later state keeps the first moment', () => {
    const first = nextIdleNotice('locked', null, t, TH, T0 + 30 * MIN);
    expect(first).toEqual({ timerId: 't1', since: T0 + 30 * MIN, back: null });
    expect(nextIdleNotice('idle', first, t, TH, T0 + 50 * MIN)).toBe(first);
  });

  it('active again: notes when the user came back, once', () => {
    const away = { timerId: 't1', since: T0 + 30 * MIN, back: null };
    const back = nextIdleNotice('active', away, t, TH, T0 + 70 * MIN);
    expect(back).toEqual({ ...away, back: T0 + 70 * MIN });
    expect(nextIdleNotice('active', back, t, TH, T0 + 80 * MIN)).toBe(back);
  });

  it('a notice of another timer is replaced, not carried over', () => {
    const old = { timerId: 'old', since: T0, back: null };
    expect(nextIdleNotice('idle', old, t, TH, T0 + 60 * MIN)).toMatchObject({ timerId: 't1' });
    expect(nextIdleNotice('active', old, t, TH, T0 + 60 * MIN)).toBe(old);
  });
});

describe('resolveIdle', () => {
  async function awayFor(choice: 'keep' | 'discard' | 'stop') {
    const clock = manualClock(Date.now() - 3 * 3600_000);
    const start = clock.now;
    const running = await startTimer(KD43);
    await idleItem.setValue({
      timerId: running.id,
      since: start + 40 * MIN,
      back: start + 100 * MIN,
    });
    clock.advance(100 * MIN);
    await resolveIdle(choice);
    return { start, clock, running };
  }

  it('keep: the timer runs on, the notice goes', async () => {
    const { running } = await awayFor('keep');
    expect((await timerItem.getValue())?.id).toBe(running.id);
    expect(await idleItem.getValue()).toBeNull();
    expect(await outbox()).toEqual([]);
  });

  it('stop: logs up to when the user left', async () => {
    const { start } = await awayFor('stop');
    expect(await timerItem.getValue()).toBeNull();
    const queued = await outbox();
    expect(queued.map((x) => [x.body.minutes_spent, x.deviceStartedAt])).toEqual([[40, start]]);
  });

  it('discard: logs up to when the user left and goes on from now', async () => {
    const { clock, running } = await awayFor('discard');
    const next = await timerItem.getValue();
    expect(next).toMatchObject({ issue: { key: 'KD-0043' }, startedAt: clock.now });
    expect(next?.id).not.toBe(running.id);
    expect((await outbox()).map((x) => x.body.minutes_spent)).toEqual([40]);
  });
});

describe('reminder', () => {
  it('plans an alarm at start + the limit, and clears it when the timer stops', async () => {
    manualClock(T0 + 60 * MIN);
    registerReminder();
    await timerItem.setValue(timer());
    await vi.waitFor(async () =>
      expect(await browser.alarms.get(REMINDER_ALARM)).toMatchObject({
        scheduledTime: T0 + 8 * 3600_000,
      }),
    );
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, reminder: { enabled: true, hours: 2 } });
    await vi.waitFor(async () =>
      expect((await browser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(T0 + 2 * 3600_000),
    );
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, reminder: { enabled: false, hours: 2 } });
    await vi.waitFor(async () => expect(await browser.alarms.get(REMINDER_ALARM)).toBeUndefined());
    await settingsItem.setValue(DEFAULT_SETTINGS);
    await vi.waitFor(async () => expect(await browser.alarms.get(REMINDER_ALARM)).toBeDefined());
    await timerItem.setValue(null);
    await vi.waitFor(async () => expect(await browser.alarms.get(REMINDER_ALARM)).toBeUndefined());
  });

  it('the alarm shows a notification naming the issue', async () => {
    manualClock(T0 + 9 * 3600_000);
    registerReminder();
    // The fake browser has no locale files: echo the key and its substitutions.
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation(
      (key: string, subs?: string | string[]) => `${key}(${[subs ?? []].flat().join(',')})`,
    );
    await timerItem.setValue(timer());
    await fakeBrowser.alarms.onAlarm.trigger({
      name: REMINDER_ALARM,
      scheduledTime: T0,
      periodInMinutes: undefined,
    } as never);
    expect(fakeNotifications()[REMINDER_ALARM]).toMatchObject({
      type: 'basic',
      title: 'reminderTitle()',
      message: 'reminderMessage(KD-0042,8)',
    });
  });
});

function fakeNotifications(): Record<string, { type: string; title?: string; message?: string }> {
  return (
    browser.notifications as unknown as {
      getAllCreateOptions(): Record<string, { type: string; title?: string; message?: string }>;
    }
  ).getAllCreateOptions();
}
