import { t } from '../../lib/i18n';
import { Alert, useFailure } from '../shared/alert';
import { send } from '../../lib/messages';
import { RunningTimer } from './running-timer';
import type { DetectedIssue } from '../../lib/issue/detect';
import type { Timer } from '../../lib/types';

const sameIssue = (a: { origin: string; key: string }, b: { origin: string; key: string }) =>
  a.origin === b.origin && a.key.toUpperCase() === b.key.toUpperCase();

/** The running timer, or the active tab's issue ready to be timed. */
export function TimerSection(props: {
  timer: Timer | null;
  tabIssue: DetectedIssue | null;
  tabReady: boolean;
}) {
  const { timer, tabIssue } = props;
  const [error, run] = useFailure();
  const start = (issue: DetectedIssue) => run(send('startTimer', { issue }));
  // A timer on another issue than the tab's: offer to switch; the background logs the first one.
  const other = tabIssue && (!timer || !sameIssue(timer.issue, tabIssue)) ? tabIssue : null;

  return (
    <section class="card timer" aria-label={t('popupTimerRegion')}>
      {timer && <RunningTimer timer={timer} />}
      {other && (
        <div class={timer ? 'switch' : 'tab-issue'}>
          {!timer && (
            <p class="issue">
              <span class="key">{other.key}</span> <span class="title">{other.title}</span>
            </p>
          )}
          <button type="button" class={timer ? '' : 'primary'} onClick={() => void start(other)}>
            {timer ? t('popupStartTimerOn', other.key) : t('popupStartTimer')}
          </button>
        </div>
      )}
      {!timer && !tabIssue && props.tabReady && <p class="subtle">{t('popupNoIssue')}</p>}
      <Alert text={error} />
    </section>
  );
}
