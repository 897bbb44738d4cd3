/** A notification when a timer has run longer than the user's limit (default 8 hours). */
import { browser } from 'wxt/browser';
import { reminderShownItem, settingsItem, timerItem } from '../storage';
import { serialize } from '../lock';
import { now } from '../clock';
import { t } from '../i18n';
import type { Timer } from '../types';

export const REMINDER_ALARM = 'reminder';

/**
 * Set the alarm for the reminder of `timer`, or show the reminder now if its time has passed
 * (the worker was not running then, or the limit was just lowered).
 */
async function plan(timer: Timer | null): Promise<void> {
  await browser.alarms.clear(REMINDER_ALARM);
  const { reminder } = await settingsItem.getValue();
  if (!timer || !reminder.enabled) return;
  const when = timer.startedAt + reminder.hours * 3600_000;
  if (when > now()) await browser.alarms.create(REMINDER_ALARM, { when });
  else await remind(timer, reminder.hours);
}

/** Show the reminder for `timer` unless it was shown already: once per timer. */
async function remind(timer: Timer, hours: number): Promise<void> {
  const first = await serialize(async () => {
    if ((await reminderShownItem.getValue()) === timer.id) return false;
    await reminderShownItem.setValue(timer.id);
    return true;
  });
  if (!first) return;
  await browser.notifications.create(REMINDER_ALARM, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t('reminderTitle'),
    message: t('reminderMessage', timer.issue.key, hours),
  });
}

let planning: Promise<unknown> = Promise.resolve();

/**
 * Plan the running timer's reminder, or show an overdue one. One plan at a time, each reading
 * the timer when it runs, so a slow earlier plan never sets an alarm for a timer since replaced.
 */
export function planReminder(): Promise<void> {
  const run = planning.then(async () => plan(await timerItem.getValue()));
  planning = run.catch(() => undefined);
  return run;
}

/** Follow the timer and the settings; on a worker's start, catch up on a reminder it missed. */
export function registerReminder(): void {
  timerItem.watch(() => void planReminder());
  settingsItem.watch(() => void planReminder());
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name !== REMINDER_ALARM) return;
    const timer = await timerItem.getValue();
    const { reminder } = await settingsItem.getValue();
    if (timer) await remind(timer, reminder.hours);
  });
  void planReminder();
}
