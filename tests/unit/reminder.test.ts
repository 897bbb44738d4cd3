// @vitest-environment node
// The long-run reminder when the worker was not running at its time: shown once, on the next start.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { planReminder, registerReminder, REMINDER_ALARM } from '../../lib/background/reminder';
import { setClock } from '../../lib/clock';
import { DEFAULT_SETTINGS, settingsItem, timerItem } from '../../lib/storage';
import type { Timer } from '../../lib/types';

const HOUR = 3600_000;
const T0 = 1_773_392_400_000;
const timer = (id = 't1', key = 'KD-0042'): Timer => ({
  id,
  issue: { origin: 'https://acme.kendo.dev', projectId: 1, key },
  startedAt: T0,
  note: '',
});

let create: ReturnType<typeof spyOnCreate>;
const spyOnCreate = () => vi.spyOn(browser.notifications, 'create');
/** The reminders created so far, as [title, message]. */
const shown = () =>
  create.mock.calls.map((call) => {
    const options = call[1] as unknown as { title: string; message: string };
    return [options.title, options.message];
  });

/** A new worker: the listeners of the last one are gone, storage is kept. */
async function restartWorker(): Promise<void> {
  const kept = await browser.storage.local.get(null);
  fakeBrowser.reset();
  await browser.storage.local.set(kept);
  create.mockRestore();
  create = spyOnCreate();
  registerReminder();
  // Plans run one after another: when this one is done, the start's own plan is too.
  await planReminder();
}

beforeEach(() => {
  fakeBrowser.reset();
  create = spyOnCreate();
});

afterEach(() => {
  vi.restoreAllMocks();
  setClock();
});

describe('a reminder missed while the worker was stopped', () => {
  it('is shown once when the worker starts, not again on the next start', async () => {
    await timerItem.setValue(timer());
    setClock(() => T0 + 9 * HOUR);
    await restartWorker();
    expect(shown()).toEqual([
      ['Timer still running', 'Your timer on KD-0042 has run for more than 8 hours.'],
    ]);
    expect(await browser.alarms.get(REMINDER_ALARM)).toBeUndefined();

    await restartWorker();
    expect(shown()).toEqual([]);
  });

  it('is not shown again after the alarm showed it', async () => {
    setClock(() => T0 + 7 * HOUR);
    await timerItem.setValue(timer());
    await restartWorker();
    expect((await browser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(T0 + 8 * HOUR);
    expect(shown()).toEqual([]);

    setClock(() => T0 + 8 * HOUR);
    await fakeBrowser.alarms.onAlarm.trigger({
      name: REMINDER_ALARM,
      scheduledTime: T0 + 8 * HOUR,
    } as never);
    await vi.waitFor(() => expect(shown()).toHaveLength(1));

    setClock(() => T0 + 10 * HOUR);
    await restartWorker();
    expect(shown()).toEqual([]);
  });

  it('is shown for a later timer that is overdue too', async () => {
    await timerItem.setValue(timer('t1'));
    setClock(() => T0 + 9 * HOUR);
    await restartWorker();
    await timerItem.setValue(timer('t2', 'KD-0043'));
    await restartWorker();
    expect(shown()).toEqual([
      ['Timer still running', 'Your timer on KD-0043 has run for more than 8 hours.'],
    ]);
  });

  it('is shown at once when the limit is lowered below the time already run', async () => {
    setClock(() => T0 + 3 * HOUR);
    await restartWorker();
    await timerItem.setValue(timer());
    await vi.waitFor(async () => expect(await browser.alarms.get(REMINDER_ALARM)).toBeDefined());
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, reminder: { enabled: true, hours: 2 } });
    await vi.waitFor(() =>
      expect(shown()).toEqual([
        ['Timer still running', 'Your timer on KD-0042 has run for more than 2 hours.'],
      ]),
    );
    expect(await browser.alarms.get(REMINDER_ALARM)).toBeUndefined();
  });

  it('is not shown while reminders are off, and is once they are on', async () => {
    setClock(() => T0 + 9 * HOUR);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, reminder: { enabled: false, hours: 8 } });
    await timerItem.setValue(timer());
    await restartWorker();
    expect(shown()).toEqual([]);
    await settingsItem.setValue(DEFAULT_SETTINGS);
    await vi.waitFor(() => expect(shown()).toHaveLength(1));
  });
});
