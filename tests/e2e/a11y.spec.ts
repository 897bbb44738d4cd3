// Accessibility: axe finds nothing on any view in either colour scheme, and everything the
// extension is for can be done with the keyboard alone, with the focus always visible.
import { test, expect } from './fixtures';
import {
  axeViolations,
  BUTTON_HOST,
  busyPopup,
  focusRing,
  isFocused,
  issueField,
  tabTo,
} from './pages/a11y';

// Today's entries are seeded on the server's (UTC) day.
test.use({ timezone: 'UTC' });

const SCHEMES = ['light', 'dark'] as const;

test('axe: the popup on a busy day (timer, today, waiting to sync), in both schemes', async ({
  ext,
}) => {
  const popup = await busyPopup(ext);
  for (const colorScheme of SCHEMES) {
    await popup.emulateMedia({ colorScheme });
    expect(await axeViolations(popup), colorScheme).toEqual([]);
  }
  // An entry's edit form is part of the popup too.
  const today = popup.getByRole('region', { name: 'Today' });
  await today.getByRole('button', { name: /^Edit/ }).first().click();
  await expect(popup.getByRole('form', { name: 'Edit entry' })).toBeVisible();
  expect(await axeViolations(popup)).toEqual([]);
});

test('axe: the popup before any connection', async ({ ext }) => {
  const popup = await ext.openPopup();
  await popup.setViewportSize({ width: 380, height: 700 });
  await expect(popup.getByRole('button', { name: 'Connect' })).toBeVisible();
  for (const colorScheme of SCHEMES) {
    await popup.emulateMedia({ colorScheme });
    expect(await axeViolations(popup), colorScheme).toEqual([]);
  }
});

test('axe: the options page, connected and with a field error', async ({ ext }) => {
  await ext.connect();
  const page = await ext.openOptions();
  await expect(page.getByText('Connected as Mia Member')).toBeVisible();
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    expect(await axeViolations(page), `connected, ${colorScheme}`).toEqual([]);
  }
  await page.getByRole('textbox', { name: 'Kendo address' }).fill('https://acme.example.com');
  await page.getByRole('textbox', { name: 'API token' }).fill('not-a-token');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('textbox', { name: 'Kendo address' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    expect(await axeViolations(page), `field error, ${colorScheme}`).toEqual([]);
  }
});

test('axe: the issue-page button, idle and running, in both schemes', async ({ ext }) => {
  await ext.connect();
  const page = await ext.openIssue('KD-0042');
  const start = page.getByRole('button', { name: /^Start timer/ });
  await expect(start).toBeVisible();
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    expect(await axeViolations(page, BUTTON_HOST), `idle, ${colorScheme}`).toEqual([]);
  }
  await start.click();
  await expect(page.getByRole('button', { name: /^Stop timer/ })).toBeVisible();
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    expect(await axeViolations(page, BUTTON_HOST), `running, ${colorScheme}`).toEqual([]);
  }
});

test('keyboard only: start on the page, stop in the popup, log time', async ({ ext }) => {
  await ext.connect();
  const issue = await ext.openIssue('KD-0042');
  const { keyboard } = issue;

  // The page: Tab to the button and press Enter.
  const start = issue.getByRole('button', { name: /^Start timer/ });
  await tabTo(issue, start);
  expect((await focusRing(issue)).visible).toBe(true);
  await keyboard.press('Enter');
  const stopOnPage = issue.getByRole('button', { name: /^Stop timer/ });
  await expect(stopOnPage).toBeVisible();
  await expect.poll(async () => (await ext.storage()).timer ?? null).not.toBeNull();

  // The popup: Tab to Stop timer and press Space; exactly one entry goes to Kendo.
  const popup = await ext.openPopup();
  const stop = popup.getByRole('button', { name: /^Stop timer/ });
  await tabTo(popup, stop);
  await popup.keyboard.press('Space');
  await expect.poll(() => ext.server.apiRequests({ method: 'POST' }).length).toBe(1);
  const [stopped] = ext.server.apiRequests({ method: 'POST' });
  expect(stopped?.path).toBe('/api/projects/1/issues/142/time-entries');
  await expect(popup.getByRole('button', { name: /^Start timer/ })).toBeVisible();
  await expect(stopOnPage).toHaveCount(0);
  await expect(issue.getByRole('button', { name: /^Start timer/ })).toBeVisible();

  // Log time: Tab into the form, type, Tab on, Enter submits.
  const form = popup.getByRole('form', { name: 'Log time' });
  const issueBox = issueField(popup);
  await tabTo(popup, issueBox);
  await popup.keyboard.press('ControlOrMeta+a');
  await popup.keyboard.type('KD-0043');
  await popup.keyboard.press('Tab');
  const duration = form.getByRole('textbox', { name: 'Duration' });
  expect(await isFocused(duration)).toBe(true);
  await popup.keyboard.type('1h 30m');
  await tabTo(popup, form.getByRole('textbox', { name: 'Note' }));
  await popup.keyboard.type('Keyboard only');
  await tabTo(popup, form.getByRole('button', { name: 'Log time' }));
  await popup.keyboard.press('Enter');
  await expect.poll(() => ext.server.apiRequests({ method: 'POST' }).length).toBe(2);
  const logged = ext.server.apiRequests({ method: 'POST' })[1];
  expect(logged?.path).toBe('/api/projects/1/issues/143/time-entries');
  expect(logged?.body).toMatchObject({ minutes_spent: 90, note: 'Keyboard only' });
  const today = popup.getByRole('region', { name: 'Today' });
  await expect(today.getByRole('listitem').filter({ hasText: 'KD-0043' })).toBeVisible();
});

test('every button of the popup shows where the keyboard focus is', async ({ ext }) => {
  const popup = await busyPopup(ext);
  await popup.locator('body').focus();
  const buttons = await popup.getByRole('button').count();
  const seen: string[] = [];
  const hidden: string[] = [];
  // One full round of Tab stops: every button the keyboard reaches must show a ring.
  for (let i = 0; i < 60 && seen.length < buttons; i++) {
    await popup.keyboard.press('Tab');
    const isButton = await popup.evaluate(() => document.activeElement?.tagName === 'BUTTON');
    if (!isButton) continue;
    const ring = await focusRing(popup);
    if (seen.includes(ring.what)) break;
    seen.push(ring.what);
    if (!ring.visible) hidden.push(ring.what);
  }
  expect(seen.length, 'buttons reached by Tab').toBe(buttons);
  expect(hidden).toEqual([]);
});

// Suggestions are buttons under the field, not a <datalist>, which would make it a combobox.
test('the quick log names its Issue field as UI.md does: a textbox', async ({ ext }) => {
  await ext.connect();
  const popup = await ext.openPopup();
  const form = popup.getByRole('form', { name: 'Log time' });
  await expect(form.getByRole('textbox', { name: 'Issue', exact: true })).toBeVisible();
});
