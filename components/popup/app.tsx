import { useEffect } from 'preact/hooks';
import { activeConnectionOf, useView } from '../../lib/ui/store';
import { send } from '../../lib/messages';
import { t } from '../../lib/i18n';
import { StatusLine } from './status-line';
import { IdlePrompt } from './idle-prompt';
import { TimerSection } from './timer-section';
import { WaitingToSync } from './waiting-to-sync';
import { QuickLog } from './quick-log';
import { Today } from './today';
import { useActiveIssue } from './use-active-issue';

/**
 * The popup. Everything shown comes from the storage view, so it paints at once from what is
 * cached; opening it asks the background to deliver and refresh, and the view follows.
 */
export function App() {
  const view = useView();
  const connection = activeConnectionOf(view);
  const canLog = !!connection && connection.canLog;
  const tab = useActiveIssue(canLog);

  useEffect(() => {
    void send('popupOpened', {});
  }, []);
  // The first render already shows the cached state (main.tsx renders after hydrateView), and
  // effects run after the browser paints it: `npm run bench` times popup opens by this mark.
  useEffect(() => {
    performance.mark('kendo-timer:painted');
  }, []);

  const { idle, timer } = view;
  const idleBack =
    idle && idle.back !== null && timer && idle.timerId === timer.id
      ? { ...idle, back: idle.back }
      : null;
  // The tab's issue only counts on the connected tenant; another tenant's key would not resolve.
  const tabIssue = tab.issue && tab.issue.origin === connection?.origin ? tab.issue : null;

  return (
    <main class="popup">
      {/* Names the page for heading navigation; sighted users see the toolbar icon. */}
      <h1 class="sr-only">{t('extName')}</h1>
      <StatusLine connection={connection} />
      {idleBack && <IdlePrompt idle={idleBack} />}
      {(canLog || timer) && (
        <TimerSection timer={timer} tabIssue={canLog ? tabIssue : null} tabReady={tab.ready} />
      )}
      <WaitingToSync outbox={view.outbox} />
      {canLog && <QuickLog tabKey={tabIssue?.key ?? null} />}
      {canLog && <Today entries={view.entries} pendingDeletes={view.pendingDeletes} />}
    </main>
  );
}
