/** Time worked without a timer: resolved to an issue, then sent through the same outbox. */
import { setItems } from '../storage-kit';
import { activeConnection } from '../connection';
import { outboxItem, recentIssuesItem } from '../storage';
import { serialize } from '../lock';
import { now } from '../clock';
import { isKendoError } from '../kendo/errors';
import { fieldError, UserError } from '../errors';
import { t } from '../i18n';
import { parseIssueInput } from '../issue/parse-input';
import { projectForCode, resolveIssue } from '../issue/resolve';
import { outboxEntry, withRecent } from '../timer/service';
import { kickDelivery } from '../outbox/deliver';
import type { IssueRef } from '../types';

/**
 * Turn what the user typed (a key or an issue URL) into an issue of the connected Kendo. An
 * unknown key is refused at the Issue field; an unreachable Kendo is not a reason to refuse.
 */
export async function issueFromInput(text: string, field = 'issue'): Promise<IssueRef> {
  const conn = await activeConnection();
  if (!conn) throw new UserError(t('errNotConnected'), undefined, 'not_connected');
  if (!conn.canLog) throw new UserError(t('errViewer'), undefined, 'forbidden');
  const parsed = parseIssueInput(text);
  if (!parsed.ok) throw fieldError(field, parsed.message);
  if (parsed.origin && parsed.origin !== conn.origin) {
    throw fieldError(field, t('errIssueElsewhere', parsed.origin, conn.origin));
  }
  let projectId = parsed.projectId ?? null;
  try {
    projectId ??= await projectForCode(conn.origin, parsed.code);
  } catch (e) {
    const why = isKendoError(e) ? e.message : String(e);
    throw fieldError(field, t('errProjectLookup', parsed.code, why));
  }
  if (projectId === null) throw fieldError(field, t('errNoProject', parsed.code));
  const issue: IssueRef = { origin: conn.origin, projectId, key: parsed.paddedKey };
  try {
    const found = await resolveIssue(issue);
    return { ...issue, id: found.id, title: found.title };
  } catch (e) {
    if (isKendoError(e) && (e.kind === 'not_found' || e.kind === 'forbidden')) {
      throw fieldError(field, t('errNoIssue', parsed.paddedKey));
    }
    // Kendo is unreachable: queue it by key; the outbox shows it if the key turns out wrong.
    return issue;
  }
}

/** Log `minutes` on an issue, ending now unless a start is given. */
export async function logTime(req: {
  issue: string;
  minutes: number;
  startedAt?: number;
  note: string;
}): Promise<{ localId: string }> {
  const startedAt = req.startedAt ?? now() - req.minutes * 60_000;
  if (startedAt > now()) throw fieldError('startedAt', t('errStartFuture'));
  const issue = await issueFromInput(req.issue);
  const item = await outboxEntry(issue, startedAt, req.minutes, req.note, 'quick-log');
  await serialize(async () => {
    const [outbox, recent] = await Promise.all([
      outboxItem.getValue(),
      recentIssuesItem.getValue(),
    ]);
    await setItems([
      { item: outboxItem, value: [...outbox, item] },
      { item: recentIssuesItem, value: withRecent(recent, issue) },
    ]);
  });
  void kickDelivery();
  return { localId: item.localId };
}
