import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { detectIssue, type DetectedIssue } from '../../lib/issue/detect';
import { send } from '../../lib/messages';

/** The active tab's Kendo issue, with its title once known; `ready` once the tab was read. */
export interface ActiveIssue {
  ready: boolean;
  issue: DetectedIssue | null;
}

/**
 * The tab the user is looking at. When the popup itself is open as a tab (as in tests, or a
 * pinned popup), that tab is ours; the user means the one they used last in this window.
 */
export async function activeTab(): Promise<Browser.tabs.Tab | undefined> {
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  const self = await browser.tabs.getCurrent?.().catch(() => undefined);
  const ownPrefix = browser.runtime.getURL('/');
  const isOwn = (tab: Browser.tabs.Tab) =>
    (self !== undefined && tab.id === self.id) || !!tab.url?.startsWith(ownPrefix);
  if (!active || !isOwn(active)) return active;
  const others = (await browser.tabs.query({ currentWindow: true })).filter((t) => !isOwn(t));
  return others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}

function issueOf(tab: Browser.tabs.Tab | undefined): DetectedIssue | null {
  if (!tab?.url) return null;
  try {
    return detectIssue(new URL(tab.url));
  } catch {
    return null;
  }
}

/** Reads the active tab's issue once, then asks the background for its title (cached there). */
export function useActiveIssue(enabled: boolean): ActiveIssue {
  const [state, setState] = useState<ActiveIssue>({ ready: false, issue: null });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void (async () => {
      const tab = await activeTab().catch(() => undefined);
      const issue = issueOf(tab);
      if (!live) return;
      // The tab's own title is a stand-in until Kendo's title arrives.
      const fallback = tab?.title?.trim();
      setState({ ready: true, issue: issue && fallback ? { ...issue, title: fallback } : issue });
      if (!issue) return;
      const res = await send('resolveIssue', { issue });
      if (live && res.ok && res.value)
        setState({ ready: true, issue: { ...issue, title: res.value.title } });
    })();
    return () => {
      live = false;
    };
  }, [enabled]);
  return state;
}
