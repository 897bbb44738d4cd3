/** Why an entry is waiting, in the user's words rather than an HTTP status. */
import { isKendoError } from '../kendo/errors';
import { toErrorData } from '../errors';
import { t } from '../i18n';
import type { ErrorData, OutboxItem } from '../types';

export function explainFailure(e: unknown, item: OutboxItem): ErrorData {
  const data = toErrorData(e);
  if (!isKendoError(e)) return data;
  const key = item.issue.key;
  const message = (() => {
    switch (e.kind) {
      case 'network':
        return t('reasonNetwork');
      case 'timeout':
        return t('reasonTimeout');
      case 'server':
        return t('reasonServer');
      case 'rate_limited':
        return t('reasonRateLimited');
      case 'unauthorized':
        return t('reasonUnauthorized');
      case 'forbidden':
        return t('reasonForbidden', key);
      case 'not_found':
        return t('reasonNotFound', key);
      case 'validation':
        return t('reasonValidation', e.message);
      case 'bad_response':
        return t('reasonBadResponse');
      default:
        return e.message;
    }
  })();
  return { ...data, message };
}
