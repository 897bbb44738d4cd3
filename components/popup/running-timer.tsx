import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { Alert, useFailure } from '../shared/alert';
import { send } from '../../lib/messages';
import { formatElapsed } from '../../lib/duration';
import { formatTime } from '../../lib/format';
import { useNow } from '../shared/use-now';
import { Confirm } from '../shared/confirm';
import { TimerNote } from './timer-note';
import { StartTimeEditor } from './start-time-editor';
import type { Timer } from '../../lib/types';

/** The running timer: what it runs on, for how long, and every way to end or correct it. */
export function RunningTimer({ timer }: { timer: Timer }) {
  const now = useNow(1000);
  const [editingStart, setEditingStart] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [error, act] = useFailure();

  return (
    <div class="running">
      <p class="issue">
        <span class="key">{timer.issue.key}</span> <span class="title">{timer.issue.title}</span>
      </p>
      <p class="elapsed" role="timer" aria-label={t('popupElapsed')}>
        {formatElapsed(now - timer.startedAt)}
      </p>
      <p class="subtle">
        {t('popupStartedAtTime', formatTime(timer.startedAt))}
        {!editingStart && (
          <>
            {' · '}
            <button type="button" class="link" onClick={() => setEditingStart(true)}>
              {t('popupChangeStart')}
            </button>
          </>
        )}
      </p>
      {editingStart && <StartTimeEditor timer={timer} onDone={() => setEditingStart(false)} />}
      <TimerNote timer={timer} />
      {confirmDiscard ? (
        <Confirm
          yes={t('popupYesDiscard')}
          no={t('popupKeepTimer')}
          onYes={() => void act(send('discardTimer', { timerId: timer.id }))}
          onNo={() => setConfirmDiscard(false)}
        >
          {t('popupDiscardQuestion')}
        </Confirm>
      ) : (
        <div class="row">
          <button
            type="button"
            class="primary stop"
            onClick={() => void act(send('stopTimer', { timerId: timer.id }))}
          >
            {t('popupStopTimer')}
          </button>
          <button type="button" onClick={() => setConfirmDiscard(true)}>
            {t('popupDiscardTimer')}
          </button>
        </div>
      )}
      <Alert text={error} />
    </div>
  );
}
