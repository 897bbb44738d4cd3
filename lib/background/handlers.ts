/** Each protocol request, mapped to the service that carries it out. */
import { browser } from 'wxt/browser';
import { senderKind, type Handlers } from './router';
import { activeConnection, saveConnection } from '../connection';
import { discardTimer, resolveIdle, startTimer, stopTimer, updateTimer } from '../timer/service';
import { resolveIssue } from '../issue/resolve';
import { refreshEntries, updateEntry } from '../entries/service';
import { deleteEntry, undoDelete } from '../entries/deletes';
import { logTime } from '../entries/quick-log';
import { discardOutbox, fixOutbox } from '../outbox/user-actions';
import { resumePaused, retryNow } from '../outbox/deliver';
import { suggestIssues } from '../issue/suggest';
import { settingsItem, timerItem } from '../storage';
import { UserError } from '../errors';
import { t } from '../i18n';

export const handlers: Handlers = {
  async saveConnection({ address, token }) {
    const conn = await saveConnection(address, token);
    void resumePaused(conn.origin);
    return conn;
  },
  startTimer: ({ issue }) => startTimer(issue),
  async stopTimer({ timerId }, sender) {
    // A page's button may stop only a timer of its own tenant, as it may start only one there.
    if (senderKind(sender) === 'content') {
      const timer = await timerItem.getValue();
      if (timer && timer.issue.origin !== new URL(sender.url ?? '').origin) {
        throw new UserError(t('errRefused'), undefined, 'refused');
      }
    }
    return stopTimer(timerId);
  },
  async discardTimer({ timerId }) {
    await discardTimer(timerId);
    return null;
  },
  updateTimer: ({ timerId, ...change }) => updateTimer(timerId, change),
  async resolveIdle({ choice }) {
    await resolveIdle(choice);
    return null;
  },
  resolveIssue: ({ issue }) => resolveIssue(issue),
  logTime: (req) => logTime(req),
  updateEntry: (req) => updateEntry(req),
  async deleteEntry({ entryId }) {
    await deleteEntry(entryId);
    return null;
  },
  async undoDelete({ entryId }) {
    await undoDelete(entryId);
    return null;
  },
  async refreshEntries() {
    await refreshEntries();
    return null;
  },
  async popupOpened() {
    if (!(await activeConnection())) return null;
    void retryNow();
    await refreshEntries().catch(() => undefined);
    return null;
  },
  suggestIssues: () => suggestIssues(),
  async retryOutbox({ localId }) {
    await retryNow(localId);
    return null;
  },
  async fixOutbox(req) {
    await fixOutbox(req);
    return null;
  },
  async discardOutbox({ localId }) {
    await discardOutbox(localId);
    return null;
  },
  async openOptions() {
    await browser.runtime.openOptionsPage();
    return null;
  },
  async saveSettings({ settings }) {
    await settingsItem.setValue(settings);
    return null;
  },
};
