// `npm run demo`: build the extension, start the bundled Kendo-compatible server with the demo
// tenant, open Chromium with the extension loaded and connected, and walk through its main job:
// start a timer on an issue page, stop it in the popup, see the entry land in Kendo.
// `npm run demo -- --headless` runs the same tour without a display and saves screenshots under
// demo-output/ (also used for the README).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { startKendoServer } from '../tests/kendo-server/index';
import { TOKENS, USERS } from '../tests/kendo-server/seed';
import { CHROMIUM, Extension } from '../tests/e2e/extension';
import { formatDateTimeLocalInput } from '../lib/format';

const args = process.argv.slice(2);
const headless = args.includes('--headless') || !process.env.DISPLAY;
const OUT = 'demo-output';

function step(text: string): void {
  console.log(`• ${text}`);
}

async function shot(page: Page, name: string, scheme: 'light' | 'dark' = 'light'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await page.screenshot({ path: join(OUT, `${name}${scheme === 'dark' ? '-dark' : ''}.png`) });
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.error(
      `Chromium is not installed at ${CHROMIUM}. On Debian: sudo apt-get install -y chromium`,
    );
    process.exit(1);
  }
  if (headless && !args.includes('--headless')) {
    step('No display found: running headless, screenshots go to demo-output/.');
  }
  step('Building the extension (production build for Chrome)…');
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);

  const server = await startKendoServer();
  step(`Kendo-compatible server: https://acme.kendo.dev → 127.0.0.1:${server.port}`);
  mkdirSync(OUT, { recursive: true });
  const ext = await Extension.launch({
    server,
    userDataDir: mkdtempSync(join(tmpdir(), 'kendo-timer-demo-')),
    headless,
  });

  step(`Connecting as ${USERS.member.name} through the options page…`);
  const options = await ext.openOptions();
  await options.setViewportSize({ width: 760, height: 720 });
  await options.getByRole('textbox', { name: 'Kendo address' }).fill('acme');
  await options.getByRole('textbox', { name: 'API token' }).fill(TOKENS.member);
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByText(/Connected as/)).toBeVisible();
  await shot(options, 'options');
  await shot(options, 'options', 'dark');

  step('Opening issue KD-0042 and starting the timer from the page…');
  const issue = await ext.openIssue('KD-0042');
  await issue.setViewportSize({ width: 1100, height: 640 });
  await issue.getByRole('button', { name: /^Start timer/ }).click();
  await expect(issue.getByRole('button', { name: /^Stop timer/ })).toBeVisible();
  await shot(issue, 'issue-page');

  step('Opening the popup: the timer runs there too.');
  const popup = await ext.openPopup();
  await popup.setViewportSize({ width: 380, height: 760 });
  await expect(popup.getByRole('button', { name: /^Stop timer/ })).toBeVisible();
  // Forgot to press Start 25 minutes ago: correct it, as a user would.
  await popup.getByRole('button', { name: 'Change start time' }).click();
  const form = popup.getByRole('form', { name: 'Change start time' });
  await form.getByLabel('Started at').fill(formatDateTimeLocalInput(Date.now() - 25 * 60_000));
  await form.getByRole('button', { name: 'Save start' }).click();
  await expect(popup.getByText(/0:2[5-9]:\d\d/)).toBeVisible();
  const timer = popup.getByRole('region', { name: 'Timer' });
  await timer.getByRole('textbox', { name: 'Note' }).fill('Demo: pagination review');
  await timer.getByRole('textbox', { name: 'Note' }).blur();
  await shot(popup, 'popup-running');
  await shot(popup, 'popup-running', 'dark');

  step('Stopping the timer in the popup; the entry goes to Kendo…');
  await popup
    .getByRole('button', { name: /^Stop timer/ })
    .first()
    .click();
  await expect
    .poll(() => server.entries().filter((e) => e.user_id === USERS.member.id).length, {
      timeout: 15_000,
    })
    .toBeGreaterThan(0);
  const today = popup.getByRole('region', { name: 'Today' });
  await expect(today.getByText('KD-0042').first()).toBeVisible();
  await shot(popup, 'popup-today');
  await shot(popup, 'popup-today', 'dark');
  const posted = server.apiRequests({ method: 'POST' }).at(-1);
  step(`Kendo received: POST ${posted?.path} ${JSON.stringify(posted?.body)}`);

  if (headless) {
    await ext.close();
    await server.close();
    step(`Done. Screenshots are in ${OUT}/.`);
    return;
  }
  step('Chromium stays open with the extension connected to the demo Kendo. Ctrl+C quits.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    ext.context.once('close', () => resolve());
  });
  await ext.close().catch(() => undefined);
  await server.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
