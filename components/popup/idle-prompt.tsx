import { t } from '../../lib/i18n';
import { send } from '../../lib/messages';
import { formatTime } from '../../lib/format';
import type { IdleNotice } from '../../lib/types';

/** The user came back after time away while the timer ran: the choice of what it means is theirs. */
export function IdlePrompt({ idle }: { idle: IdleNotice & { back: number } }) {
  const away = Math.max(1, Math.round((idle.back - idle.since) / 60_000));
  const choose = (choice: 'keep' | 'discard' | 'stop') => void send('resolveIdle', { choice });
  return (
    <section class="card idle" aria-label={t('popupIdleRegion')}>
      <p>{t('popupIdleAway', away)}</p>
      <div class="row wrap">
        <button type="button" onClick={() => choose('keep')}>
          {t('popupIdleKeep')}
        </button>
        <button type="button" onClick={() => choose('discard')}>
          {t('popupIdleDiscard')}
        </button>
        <button type="button" onClick={() => choose('stop')}>
          {t('popupIdleStop', formatTime(idle.since))}
        </button>
      </div>
    </section>
  );
}
