/**
 * The keyboard shortcut (start on the active tab's issue, or stop the running timer) and the
 * context-menu item on links to Kendo issues.
 */
import { browser } from 'wxt/browser';
import { detectIssue } from '../issue/detect';
import { startTimer, stopTimer } from '../timer/service';
import { timerItem } from '../storage';
import { t } from '../i18n';

export const TOGGLE_COMMAND = 'toggle-timer';
const MENU_ID = 'start-on-link';
const ISSUE_LINKS = ['https://*.kendo.dev/projects/*/issues/*'];

/** Start on the issue of a URL (a tab's or a link's); false when it is not an issue page. */
async function startOn(url: string | undefined, title?: string): Promise<boolean> {
  const issue = url ? detectIssue(new URL(url)) : null;
  if (!issue) return false;
  await startTimer({ ...issue, ...(title && { title }) });
  return true;
}

/** A tab's title is "KD-0042 Add pagination · Kendo" on Kendo; without the key it is no issue title. */
function titleFromTab(title: string | undefined, key: string): string | undefined {
  if (!title) return undefined;
  const rest = title
    .replace(key, '')
    .replace(/[·|–-]\s*Kendo\s*$/i, '')
    .trim();
  return rest || undefined;
}

export function registerCommands(): void {
  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== TOGGLE_COMMAND) return;
    try {
      if (await timerItem.getValue()) {
        await stopTimer();
        return;
      }
      const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      const issue = tab?.url ? detectIssue(new URL(tab.url)) : null;
      if (issue) await startOn(tab?.url, titleFromTab(tab?.title, issue.key));
    } catch {
      // A shortcut has nowhere to show an error; the popup shows the state.
    }
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: MENU_ID,
        title: t('menuStartOnLink'),
        contexts: ['link'],
        targetUrlPatterns: ISSUE_LINKS,
      }),
    );
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === MENU_ID) void startOn(info.linkUrl).catch(() => undefined);
  });
}
