/** When the outbox and pending deletes are worked on: alarms, connectivity, worker start. */
import { browser } from 'wxt/browser';
import { clearStaleLease, kickDelivery, OUTBOX_ALARM, retryNow } from '../outbox/deliver';
import { DELETES_ALARM, processDeletes } from '../entries/deletes';

export function registerSync(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void kickDelivery();
    if (alarm.name === DELETES_ALARM) void processDeletes();
  });
  // Connectivity is back: whatever waited for it goes now, without waiting for its backoff.
  globalThis.addEventListener?.('online', () => void retryNow());
  // Listening makes Chrome start the worker when the browser starts, so entries left waiting
  // before a restart go out without the user opening anything first.
  browser.runtime.onStartup.addListener(() => void kickDelivery());
  // A new worker (after a stop or a browser restart) picks up what the last one left.
  void clearStaleLease().then(() => kickDelivery());
  void processDeletes();
}
