// Shared by the accessibility and appearance specs: axe scans, keyboard walking, colours, and the
// one deterministic "busy day" state of the popup (running timer, today's entries, an entry
// waiting to sync) that both scan and photograph.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import type { Extension } from '../extension';
import { ISSUES, USERS } from '../../kendo-server/seed';

/** The issue-page button's host element (lib/content/button-dom.ts); its shadow root is open. */
export const BUTTON_HOST = 'kendo-timer-root';

/**
 * axe's violations on `page` (only inside `include` when given), reduced to what a reader needs
 * to fix them, so a failing `toEqual([])` prints the rule, the element and why.
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}: ${n.failureSummary ?? v.help}`),
  );
}

/** Whether `locator` holds the focus, looking through shadow roots (the page button's). */
export async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active === el;
  });
}

/**
 * Presses `key` (Tab or Shift+Tab) until `target` has the focus, as a keyboard user does; fails
 * when it never gets there, which is itself a finding (unreachable by keyboard).
 */
export async function tabTo(page: Page, target: Locator, key = 'Tab', max = 40): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(key);
  }
  expect(await isFocused(target), `${String(target)} is reachable with ${key}`).toBe(true);
}

/** The focused element's focus indicator: an outline or a box shadow. */
export async function focusRing(page: Page): Promise<{ what: string; visible: boolean }> {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return { what: 'nothing', visible: false };
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    const shadow = s.boxShadow !== 'none' && s.boxShadow !== '';
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
    return { what: `${el.tagName.toLowerCase()} "${name}"`, visible: outline || shadow };
  });
}

/** Relative luminance (0 black … 1 white) of a computed `rgb()`/`rgba()` colour. */
export function luminance(rgb: string): number {
  const m = rgb.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/);
  if (!m) throw new Error(`not an rgb() colour: ${rgb}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Computed background and text colour of the first element matching `selector`. */
export async function colours(
  page: Page,
  selector: string,
): Promise<{ background: number; text: number }> {
  const s = await page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const c = getComputedStyle(el);
      return { background: c.backgroundColor, text: c.color };
    });
  return { background: luminance(s.background), text: luminance(s.text) };
}

/**
 * Two of Mia's entries today, 25 and 50 minutes, placed so neither lies in the future nor on
 * yesterday (run the tests in UTC, the server's day). Their clock times vary; callers mask them.
 */
export function seedTodayEntries(ext: Extension): void {
  const now = Date.now();
  const startOfDay = Math.floor(now / 86_400_000) * 86_400_000;
  const first = Math.max(startOfDay, now - 3 * 3_600_000);
  const second = first + Math.min(3_600_000, (now - first) / 2);
  const at = (ms: number) => new Date(ms).toISOString();
  ext.server.addEntry('acme', {
    user_id: USERS.member.id,
    issue_id: ISSUES['KD-0043'].id,
    minutes_spent: 25,
    started_at: at(first),
    note: 'Reproduced the redirect loop',
  });
  ext.server.addEntry('acme', {
    user_id: USERS.member.id,
    issue_id: ISSUES['HW-0052'].id,
    minutes_spent: 50,
    started_at: at(second),
    note: null,
  });
}

/** The quick log's Issue field: a textbox, as UI.md names it. */
export function issueField(popup: Page): Locator {
  return popup
    .getByRole('form', { name: 'Log time' })
    .getByRole('textbox', { name: 'Issue', exact: true });
}

/**
 * The popup on a busy day: connected as Mia, a timer running on KD-0042 (started from its page),
 * two entries today, and a quick log of KD-0044 that Kendo keeps refusing with 503, so it waits
 * to sync. Returns the popup (380×700) with every part shown.
 */
export async function busyPopup(ext: Extension): Promise<Page> {
  seedTodayEntries(ext);
  await ext.connect();
  const issue = await ext.openIssue('KD-0042');
  await issue.getByRole('button', { name: /^Start timer/ }).click();
  await expect(issue.getByRole('button', { name: /^Stop timer/ })).toBeVisible();
  ext.server.fault({ match: { method: 'POST' }, kind: 'status', status: 503, times: 1000 });
  const popup = await ext.openPopup();
  await popup.setViewportSize({ width: 380, height: 700 });
  const form = popup.getByRole('form', { name: 'Log time' });
  await issueField(popup).fill('KD-0044');
  await form.getByRole('textbox', { name: 'Duration' }).fill('15m');
  await form.getByRole('button', { name: 'Log time' }).click();
  const waiting = popup.getByRole('region', { name: 'Waiting to sync' });
  await expect(waiting.getByText('KD-0044')).toBeVisible();
  await expect(waiting.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(popup.getByRole('button', { name: /^Stop timer/ })).toBeVisible();
  const today = popup.getByRole('region', { name: 'Today' });
  await expect(today.getByRole('listitem')).toHaveCount(2);
  return popup;
}
