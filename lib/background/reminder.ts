/** A notification when a timer has run longer than the user's limit (default 8 hours). */
import { browser } from 'wxt/browser';
import { settingsItem, timerItem } from '../storage';
import { now } from '../clock';
import { t } from '../i18n';
import type { Timer } from '../types';

export const REMINDER_ALARM = 'reminder';

async function plan(timer: Timer | null): Promise<void> {
  await browser.alarms.clear(REMINDER_ALARM);
  const { reminder } = await settingsItem.getValue();
  if (!timer || !reminder.enabled) return;
  const when = timer.startedAt + reminder.hours * 3600_000;
  if (when > now()) await browser.alarms.create(REMINDER_ALARM, { when });
}

export function registerReminder(): void {
  timerItem.watch((t) => void plan(t));
  settingsItem.watch(() => void timerItem.getValue().then(plan));
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name !== REMINDER_ALARM) return;
    const timer = await timerItem.getValue();
    const { reminder } = await settingsItem.getValue();
    if (!timer) return;
    await browser.notifications.create(REMINDER_ALARM, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('reminderTitle'),
      message: t('reminderMessage', timer.issue.key, reminder.hours),
    });
  });
}
