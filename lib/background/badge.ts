/**
 * The toolbar badge shows the running timer's time. It is redrawn on every timer change and by
 * a once-a-minute alarm (a worker's interval would die with the worker).
 */
import { browser } from 'wxt/browser';
import { timerItem } from '../storage';
import { now } from '../clock';
import type { Timer } from '../types';

export const BADGE_ALARM = 'badge';

/** '12m' under an hour, then '1:05' (h:mm); empty when no timer runs. */
export function badgeText(timer: Timer | null, at: number): string {
  if (!timer) return '';
  const minutes = Math.max(0, Math.floor((at - timer.startedAt) / 60_000));
  if (minutes < 60) return `${minutes}m`;
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

async function draw(timer: Timer | null): Promise<void> {
  const action =
    browser.action ??
    (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  await action.setBadgeText({ text: badgeText(timer, now()) });
  if (timer) await action.setBadgeBackgroundColor({ color: '#1d6b3a' });
  if (timer) await browser.alarms.create(BADGE_ALARM, { periodInMinutes: 1 });
  else await browser.alarms.clear(BADGE_ALARM);
}

let drawing: Promise<void> = Promise.resolve();

/**
 * Draws run one after another, each from the timer as stored when it starts: a draw from an
 * older read (the worker's first one, racing a change) can then never paint over a newer one.
 */
function redraw(): Promise<void> {
  drawing = drawing.then(async () => draw(await timerItem.getValue())).catch(() => undefined);
  return drawing;
}

export function registerBadge(): void {
  timerItem.watch(() => void redraw());
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name === BADGE_ALARM) await redraw();
  });
  void redraw();
}
