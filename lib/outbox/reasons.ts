/** Why an entry is waiting, in the user's words rather than an HTTP status. */
import { isKendoError } from '../kendo/errors';
import { toErrorData } from '../errors';
import type { ErrorData, OutboxItem } from '../types';

export function explainFailure(e: unknown, item: OutboxItem): ErrorData {
  const data = toErrorData(e);
  if (!isKendoError(e)) return data;
  const key = item.issue.key;
  const message = (() => {
    switch (e.kind) {
      case 'network':
        return 'Kendo could not be reached. It will be sent when the connection is back.';
      case 'timeout':
        return 'Kendo did not answer in time. Kendo Timer will check whether it arrived before sending it again.';
      case 'server':
        return 'Kendo had a problem on its side. It will be sent again shortly.';
      case 'rate_limited':
        return 'Kendo asked to slow down. It will be sent again in a moment.';
      case 'unauthorized':
        return 'Kendo no longer accepts your token. Enter a new one in the options; the entry waits for it.';
      case 'forbidden':
        return `Your Kendo role does not allow logging time on ${key}. Move it to another issue or discard it.`;
      case 'not_found':
        return `Kendo has no issue ${key} that you can see. Move the entry to another issue or discard it.`;
      case 'validation':
        return `Kendo did not accept this entry: ${e.message}`;
      case 'bad_response':
        return 'Kendo sent an answer Kendo Timer did not understand. It will check again shortly.';
      default:
        return e.message;
    }
  })();
  return { ...data, message };
}
