// What the fault and security tests do to the extension as a user would (the issue-page button and
// the popup, found by role and name), and what they read from Kendo's side to judge the outcome.
import type { Locator, Page } from '@playwright/test';
import { expect } from '../fixtures';
import type { Extension } from '../extension';
import type { KendoServer, RecordedRequest, TimeEntry } from '../../kendo-server/index';
import { USERS } from '../../kendo-server/seed';

/** The first entry id the seed leaves free on acme: every entry at or above it is the test's. */
const FIRST_NEW_ENTRY_ID = 1007;

/** The issue-page button, whatever it currently offers. */
export function pageButton(page: Page): Locator {
  return page.getByRole('button', { name: /^(Start timer|Stop timer|Connect Kendo Timer)/ });
}

export const startButton = (within: Page | Locator): Locator =>
  within.getByRole('button', { name: /^Start timer/ });
export const stopButton = (within: Page | Locator): Locator =>
  within.getByRole('button', { name: /^Stop timer/ });
export const waitingRegion = (popup: Page): Locator =>
  popup.getByRole('region', { name: 'Waiting to sync' });

/** Open an issue page and start its timer with the page's own button. */
export async function startOnPage(ext: Extension, key = 'KD-0042', projectId = 1): Promise<Page> {
  const page = await ext.openIssue(key, projectId);
  await startButton(page).click();
  await expect(stopButton(page)).toBeVisible();
  return page;
}

/** Connect, open KD-0042 and a popup on it, and start the timer from the popup. */
export async function startInPopup(ext: Extension, key = 'KD-0042'): Promise<Page> {
  await ext.connect();
  await ext.openIssue(key);
  const popup = await ext.openPopup();
  await popup.getByRole('button', { name: 'Start timer', exact: true }).click();
  await expect(stopButton(popup)).toBeVisible();
  return popup;
}

/** Entries this test made on acme (the seed's own are left out). */
export function newEntries(server: KendoServer): TimeEntry[] {
  return server.entries().filter((e) => e.id >= FIRST_NEW_ENTRY_ID);
}

/** Entries of the member (the connected user) made by this test, on one issue id. */
export function newEntriesOn(server: KendoServer, issueId: number): TimeEntry[] {
  return newEntries(server).filter((e) => e.issue_id === issueId && e.user_id === USERS.member.id);
}

/** Every POST that tried to create a time entry, in arrival order. */
export function entryPosts(server: KendoServer): RecordedRequest[] {
  return server.apiRequests({ method: 'POST', path: /\/time-entries$/ });
}

/** What waits in the extension's outbox (storage, as the background keeps it). */
export async function outbox(ext: Extension): Promise<Array<{ state: string }>> {
  const stored = await ext.storage();
  return (stored.outbox as Array<{ state: string }> | undefined) ?? [];
}

/** Wait until exactly `n` new entries are in Kendo, then confirm no late twin follows them. */
export async function expectEntriesSettle(
  ext: Extension,
  n: number,
  timeout = 20_000,
): Promise<TimeEntry[]> {
  await expect.poll(() => newEntries(ext.server).length, { timeout }).toBe(n);
  // The outbox empty means nothing is left that could still be sent.
  await expect.poll(async () => (await outbox(ext)).length, { timeout }).toBe(0);
  expect(newEntries(ext.server)).toHaveLength(n);
  return newEntries(ext.server);
}

/** `window.__pwned` of a page: set only if page text from Kendo ran as script. */
export function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

interface ExecutionContext {
  id: number;
  origin: string;
  name: string;
  auxData?: { type?: string; isDefault?: boolean };
}

/**
 * Run `expression` in our content script's isolated world on `page` (where `chrome.runtime` is
 * the extension's), as a compromised or confused content script would, and return its value.
 * Playwright only reaches the main world; the DevTools protocol lists the isolated ones.
 */
export async function inContentScript(
  ext: Extension,
  page: Page,
  expression: string,
): Promise<unknown> {
  const cdp = await ext.context.newCDPSession(page);
  try {
    const contexts: ExecutionContext[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    await expect
      .poll(() => contexts.some((c) => c.origin === `chrome-extension://${ext.id}`))
      .toBe(true);
    const ours = contexts.find((c) => c.origin === `chrome-extension://${ext.id}`)!;
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: ours.id,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? 'threw');
    return result.value as unknown;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Everything a page's DOM holds as markup, open shadow roots (the issue button's) included. */
export function allMarkup(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.documentElement.outerHTML];
    for (const el of document.querySelectorAll('*')) {
      if (el.shadowRoot) parts.push(el.shadowRoot.innerHTML);
    }
    for (const el of document.querySelectorAll('input, textarea')) {
      parts.push((el as HTMLInputElement).value);
    }
    return parts.join('\n');
  });
}
