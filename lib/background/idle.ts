/**
 * Idle detection: when the device goes idle or locks while a timer runs, the moment is noted;
 * when the user is back, they choose (popup or notification) what happens to that time.
 */
import { browser } from 'wxt/browser';
import { idleItem, settingsItem, timerItem } from '../storage';
import { now } from '../clock';
import { t } from '../i18n';
import { resolveIdle } from '../timer/service';

export const IDLE_NOTIFICATION = 'idle';

/** The pure step: the notice after a state change, given the timer and the threshold. */
export function nextIdleNotice(
  state: 'active' | 'idle' | 'locked',
  notice: { timerId: string; since: number; back: number | null } | null,
  timer: { id: string; startedAt: number } | null,
  thresholdMs: number,
  at: number,
): { timerId: string; since: number; back: number | null } | null {
  if (!timer) return null;
  if (state !== 'active') {
    if (notice && notice.timerId === timer.id) return notice;
    // 'idle' fires after the threshold of no input: the user left that long ago.
    const since = Math.max(timer.startedAt, state === 'idle' ? at - thresholdMs : at);
    return { timerId: timer.id, since, back: null };
  }
  if (notice && notice.back === null && notice.timerId === timer.id) return { ...notice, back: at };
  return notice;
}

async function apply(): Promise<void> {
  const { idle } = await settingsItem.getValue();
  browser.idle.setDetectionInterval(Math.max(15, idle.minutes * 60));
}

export function registerIdle(): void {
  void apply();
  settingsItem.watch(() => void apply());
  browser.idle.onStateChanged.addListener(async (state) => {
    const { idle } = await settingsItem.getValue();
    if (!idle.enabled) return;
    const before = await idleItem.getValue();
    const next = nextIdleNotice(
      state,
      before,
      await timerItem.getValue(),
      idle.minutes * 60_000,
      now(),
    );
    if (JSON.stringify(next) === JSON.stringify(before)) return;
    await idleItem.setValue(next);
    if (next?.back) {
      const away = Math.round((next.back - next.since) / 60_000);
      await browser.notifications.create(IDLE_NOTIFICATION, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: t('idleTitle'),
        message: t('idleMessage', away),
        buttons: [{ title: t('idleKeep') }, { title: t('idleDiscard') }],
        requireInteraction: true,
      });
    }
  });
  browser.notifications.onButtonClicked?.addListener(async (id, index) => {
    if (id !== IDLE_NOTIFICATION) return;
    await resolveIdle(index === 0 ? 'keep' : 'discard');
    await browser.notifications.clear(IDLE_NOTIFICATION);
  });
}
