// The options page: connecting to Kendo, and saying clearly what is wrong when it cannot.
import { test, expect } from './fixtures';
import { TOKENS } from '../kendo-server/seed';
import type { Page } from '@playwright/test';

async function save(page: Page, address: string, token: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Kendo address' }).fill(address);
  await page.getByRole('textbox', { name: 'API token' }).fill(token);
  await page.getByRole('button', { name: 'Save' }).click();
}

test('connects with a good token and names the user', async ({ ext }) => {
  const page = await ext.openOptions();
  await save(page, 'https://acme.kendo.dev', TOKENS.member);
  await expect(page.getByText('Connected as Mia Member')).toBeVisible();
  const [check] = ext.server.apiRequests({ path: '/api/auth/user' });
  expect(check?.headers.authorization).toBe(`Bearer ${TOKENS.member}`);
  expect(check?.tenant).toBe('acme');
  // The connection outlives the page: reopened, it still says so.
  await page.reload();
  await expect(page.getByText('Connected as Mia Member')).toBeVisible();
});

test('refuses a wrong token with a clear message and keeps the last working connection', async ({
  ext,
}) => {
  const page = await ext.openOptions();
  await save(page, 'acme', TOKENS.member);
  await expect(page.getByText('Connected as Mia Member')).toBeVisible();
  await save(page, 'acme', `${TOKENS.member.slice(0, -4)}XXXX`);
  const token = page.getByRole('textbox', { name: 'API token' });
  await expect(token).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/did not accept this token/i)).toBeVisible();
  await expect(page.getByText(/Mia Member/)).toBeVisible();
});

test('a viewer connects but is told that a viewer cannot log time', async ({ ext }) => {
  const page = await ext.openOptions();
  await save(page, 'acme.kendo.dev', TOKENS.viewer);
  await expect(page.getByText('Connected as Vic Viewer')).toBeVisible();
  await expect(page.getByText(/viewer cannot log time/i)).toBeVisible();
});

test('a malformed address is refused at its field, and nothing is sent', async ({ ext }) => {
  const page = await ext.openOptions();
  await save(page, 'https://acme.example.com', TOKENS.member);
  await expect(page.getByRole('textbox', { name: 'Kendo address' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(page.getByText(/not a Kendo address/i)).toBeVisible();
  expect(ext.server.apiRequests()).toHaveLength(0);
});

test('an empty token is refused at its field', async ({ ext }) => {
  const page = await ext.openOptions();
  await save(page, 'acme', '   ');
  await expect(page.getByRole('textbox', { name: 'API token' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(page.getByText(/Enter your personal access token/i)).toBeVisible();
  expect(ext.server.apiRequests()).toHaveLength(0);
});

test('a server that answers with a web page is not taken for Kendo', async ({ ext }) => {
  ext.server.fault({ match: { path: '/api/auth/user' }, kind: 'html' });
  const page = await ext.openOptions();
  await save(page, 'acme', TOKENS.member);
  await expect(page.getByText(/did not answer like Kendo/i)).toBeVisible();
  await expect(page.getByText(/Connected as/)).toHaveCount(0);
});
