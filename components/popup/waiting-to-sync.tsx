import { t } from '../../lib/i18n';
import { Alert, useFailure } from '../shared/alert';
import { send } from '../../lib/messages';
import { formatMinutes } from '../../lib/duration';
import { formatTime } from '../../lib/format';
import { OutboxFixForm } from './outbox-fix-form';
import type { OutboxItem } from '../../lib/types';

/** Why an item waits, in words. */
export function reasonOf(item: OutboxItem): string {
  if (item.state === 'paused') return t('popupOutboxPaused');
  if (item.state === 'sending') return t('popupOutboxSending');
  if (item.lastError) return item.lastError.message;
  if (item.state === 'unknown') return t('popupOutboxChecking');
  return t('popupOutboxQueued');
}

function OutboxRow({ item }: { item: OutboxItem }) {
  const [error, run] = useFailure();
  const retry = () => run(send('retryOutbox', { localId: item.localId }));
  return (
    <li class="outbox-item">
      <p class="issue">
        <span class="key">{item.issue.key}</span>{' '}
        <span>{formatMinutes(item.body.minutes_spent)}</span>{' '}
        <span class="subtle">{formatTime(item.deviceStartedAt)}</span>
      </p>
      {item.issue.title && <p class="title">{item.issue.title}</p>}
      <p class={item.state === 'needs-user' || item.state === 'paused' ? 'error' : 'subtle'}>
        {reasonOf(item)}
      </p>
      {item.state === 'needs-user' ? (
        <OutboxFixForm item={item} />
      ) : (
        <button type="button" onClick={() => void retry()} disabled={item.state === 'sending'}>
          {t('popupRetry')}
        </button>
      )}
      <Alert text={error} />
    </li>
  );
}

/** Entries that have not reached Kendo yet; shown only while there are any. */
export function WaitingToSync({ outbox }: { outbox: OutboxItem[] }) {
  if (outbox.length === 0) return null;
  return (
    <section class="card outbox" aria-label={t('popupWaitingRegion')}>
      <h2>{t('popupWaitingRegion')}</h2>
      <ul class="plain">
        {outbox.map((item) => (
          <OutboxRow key={item.localId} item={item} />
        ))}
      </ul>
    </section>
  );
}
