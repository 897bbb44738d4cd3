// Light and dark: the popup, the options page and the issue-page button follow
// prefers-color-scheme. Screenshots are compared with committed references
// (tests/e2e/__screenshots__/; refresh with --update-snapshots and look at them before
// committing); whatever depends on the clock is masked. Computed colours back the pictures up,
// so removing dark mode fails even where a reference was refreshed carelessly.
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { BUTTON_HOST, busyPopup, colours } from './pages/a11y';

// Today's entries are seeded on the server's (UTC) day.
test.use({ timezone: 'UTC', locale: 'en-US' });

const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];
const SCREENSHOT = { maxDiffPixelRatio: 0.01 } as const;

/** Dark means a dark background under light text; light the other way round. */
function expectScheme(scheme: Scheme, c: { background: number; text: number }): void {
  if (scheme === 'dark') {
    expect(c.background, 'dark background').toBeLessThan(0.05);
    expect(c.text, 'light text').toBeGreaterThan(0.6);
  } else {
    expect(c.background, 'light background').toBeGreaterThan(0.8);
    expect(c.text, 'dark text').toBeLessThan(0.05);
  }
}

/** No hover, no focus ring: the picture shows the state, not where the pointer last was. */
async function settle(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/** Everything in the popup that moves with the clock or the calendar. */
function popupClockParts(popup: Page): Locator[] {
  return [
    popup.getByRole('timer'), // elapsed time
    popup.locator('.running > p.subtle'), // "Started at 10:42"
    popup.getByRole('img'), // today's timeline and the week chart
    popup.locator('.entry-main .subtle'), // each entry's start time
    popup.locator('.outbox-item .issue .subtle'), // a waiting entry's start time
    popup.locator('.today-card p.small'), // "Updated 10:43"
  ];
}

test('the popup on a busy day, light and dark', async ({ ext }) => {
  const popup = await busyPopup(ext);
  await settle(popup);
  for (const colorScheme of SCHEMES) {
    await popup.emulateMedia({ colorScheme });
    expectScheme(colorScheme, await colours(popup, 'body'));
    expectScheme(colorScheme, await colours(popup, '.card'));
    // The whole page, so today's entries below the fold are in the picture too.
    await expect(popup).toHaveScreenshot(`popup-${colorScheme}.png`, {
      ...SCREENSHOT,
      fullPage: true,
      mask: popupClockParts(popup),
    });
  }
});

test('the popup before any connection, light and dark', async ({ ext }) => {
  const popup = await ext.openPopup();
  await popup.setViewportSize({ width: 380, height: 700 });
  await expect(popup.getByRole('button', { name: 'Connect' })).toBeVisible();
  for (const colorScheme of SCHEMES) {
    await popup.emulateMedia({ colorScheme });
    expectScheme(colorScheme, await colours(popup, 'body'));
    await expect(popup).toHaveScreenshot(`popup-not-connected-${colorScheme}.png`, SCREENSHOT);
  }
});

test('the options page, connected, light and dark', async ({ ext }) => {
  await ext.connect();
  const page = await ext.openOptions();
  await page.setViewportSize({ width: 760, height: 900 });
  await expect(page.getByText('Connected as Mia Member')).toBeVisible();
  await settle(page);
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    expectScheme(colorScheme, await colours(page, 'body'));
    expectScheme(colorScheme, await colours(page, 'section'));
    await expect(page).toHaveScreenshot(`options-${colorScheme}.png`, {
      ...SCREENSHOT,
      fullPage: true,
    });
  }
});

test('the issue-page button, idle and running, light and dark', async ({ ext }) => {
  await ext.connect();
  const page = await ext.openIssue('KD-0042');
  const host = page.locator(BUTTON_HOST);
  const start = page.getByRole('button', { name: /^Start timer/ });
  await expect(start).toBeVisible();
  await settle(page);
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    expectScheme(colorScheme, await colours(page, `${BUTTON_HOST} button`));
    await expect(host).toHaveScreenshot(`button-${colorScheme}.png`, SCREENSHOT);
  }
  await start.click();
  await expect(page.getByRole('button', { name: /^Stop timer/ })).toBeVisible();
  await settle(page);
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await expect(host).toHaveScreenshot(`button-running-${colorScheme}.png`, {
      ...SCREENSHOT,
      // Light pixels on the pill move with the seconds: the elapsed time is masked.
      mask: [page.locator(`${BUTTON_HOST} .time`)],
    });
  }
});
