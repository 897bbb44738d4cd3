// The extension speaks the browser's language: Dutch here, from the options page through the
// background's error messages to the issue-page button and the popup.
import { test, expect } from './fixtures';
import { TOKENS } from '../kendo-server/seed';

test.use({ language: 'nl' });

test('in Dutch: options, a Kendo error, the page button and the popup', async ({ ext }) => {
  const options = await ext.openOptions();
  await options.getByRole('textbox', { name: 'Kendo-adres' }).fill('acme');
  await options
    .getByRole('textbox', { name: 'API-token' })
    .fill(`${TOKENS.member.slice(0, -4)}XXXX`);
  await options.getByRole('button', { name: 'Opslaan' }).click();
  // Written by the background (lib/connection.ts), not by the page.
  await expect(options.getByText(/Kendo heeft dit token niet geaccepteerd/)).toBeVisible();
  await options.getByRole('textbox', { name: 'API-token' }).fill(TOKENS.member);
  await options.getByRole('button', { name: 'Opslaan' }).click();
  await expect(options.getByText(/Verbonden als Mia Member/)).toBeVisible();

  const issue = await ext.openIssue('KD-0042');
  await issue.getByRole('button', { name: /^Timer starten/ }).click();
  await expect(issue.getByRole('button', { name: /^Timer stoppen/ })).toBeVisible();

  const popup = await ext.openPopup();
  await expect(popup.getByRole('form', { name: 'Tijd registreren' })).toBeVisible();
  await expect(popup.getByRole('button', { name: /^Timer stoppen/ })).toBeVisible();
  await expect(popup.locator('html')).toHaveAttribute('lang', /^nl/);
});
