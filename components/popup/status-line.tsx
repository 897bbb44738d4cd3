import { t } from '../../lib/i18n';
import { send } from '../../lib/messages';
import type { Connection } from '../../lib/types';

const openOptions = () => void send('openOptions', {});

/** Who the popup talks to, and what the user must do when that is not working. */
export function StatusLine({ connection }: { connection: Connection | null }) {
  if (!connection) {
    return (
      <div class="status warn">
        <p>{t('popupNotConnected')}</p>
        <button type="button" class="primary" onClick={openOptions}>
          {t('popupConnect')}
        </button>
      </div>
    );
  }
  if (connection.status === 'rejected') {
    return (
      <div class="status warn" role="alert">
        <p>{t('popupTokenRejected')}</p>
        <button type="button" class="primary" onClick={openOptions}>
          {t('popupNewToken')}
        </button>
      </div>
    );
  }
  if (!connection.canLog) {
    return (
      <div class="status">
        <p>{t('popupViewer')}</p>
      </div>
    );
  }
  return (
    <p class="status subtle">{t('popupConnectedAs', connection.user.name, connection.tenant)}</p>
  );
}
