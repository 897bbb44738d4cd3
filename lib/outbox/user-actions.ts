/** What the user can do with an entry Kendo refused: fix it and resend, move it, or drop it. */
import { now } from '../clock';
import { fieldError } from '../errors';
import { t } from '../i18n';
import { issueFromInput } from '../entries/quick-log';
import { toServerTime } from '../connection';
import { updateItem } from './queue';
import { kickDelivery, retryNow } from './deliver';

export async function fixOutbox(req: {
  localId: string;
  minutes?: number;
  startedAt?: number;
  note?: string;
  issue?: string;
}): Promise<void> {
  if (req.startedAt !== undefined && req.startedAt > now()) {
    throw fieldError('startedAt', t('errStartFuture'));
  }
  const issue = req.issue ? await issueFromInput(req.issue) : undefined;
  const startedAt = req.startedAt === undefined ? undefined : await toServerTime(req.startedAt);
  await updateItem(req.localId, (x) => ({
    ...x,
    ...(issue && { issue }),
    ...(req.startedAt !== undefined && { deviceStartedAt: req.startedAt }),
    body: {
      ...x.body,
      ...(req.minutes !== undefined && { minutes_spent: req.minutes }),
      ...(startedAt !== undefined && { started_at: new Date(startedAt).toISOString() }),
      ...(req.note !== undefined && { note: req.note }),
    },
    // A refused entry was not stored: it goes out as new, with a fresh chance to fit the clock.
    state: x.state === 'needs-user' ? 'queued' : x.state,
    clamped: false,
    nextAttemptAt: now(),
  }));
  await kickDelivery();
}

export async function discardOutbox(localId: string): Promise<void> {
  // Only what surely is not in Kendo can be discarded: an entry Kendo refused, or one waiting
  // for a token. Anything else may still arrive, or already has.
  await updateItem(localId, (x) => (x.state === 'needs-user' || x.state === 'paused' ? null : x));
}

export { retryNow };
