// The fault matrix, part two: Kendo refuses the token or the entry. Nothing is lost: the entry
// waits, the user is told what to do in words, and once they did it the entry goes out once.
import { test, expect } from './fixtures';
import { TOKENS } from '../kendo-server/seed';
import {
  entryPosts,
  expectEntriesSettle,
  newEntries,
  startInPopup,
  stopButton,
  waitingRegion,
} from './pages/faults';

test('401 (token revoked): the popup asks for a new token and the entry waits', async ({ ext }) => {
  const popup = await startInPopup(ext);
  ext.server.revokeToken(TOKENS.member);
  await stopButton(popup).click();

  await expect(
    popup.getByRole('alert').filter({ hasText: 'no longer accepts your token' }),
  ).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Enter a new token' })).toBeVisible();
  const waiting = waitingRegion(popup);
  await expect(waiting).toContainText('KD-0042');
  await expect(waiting).toContainText('Enter a new token in the options');

  // Retrying does not hammer Kendo with a token it refused.
  await waiting.getByRole('button', { name: 'Retry' }).click();
  await popup.reload();
  await expect(waitingRegion(popup)).toContainText('KD-0042');
  expect(entryPosts(ext.server)).toHaveLength(1);
  expect(newEntries(ext.server)).toHaveLength(0);
});

test('401, then the token saved again in the options: the waiting entry goes out once', async ({
  ext,
}) => {
  const popup = await startInPopup(ext);
  ext.server.fault({ match: { method: 'POST' }, kind: 'status', status: 401, times: 1 });
  await stopButton(popup).click();
  await expect(popup.getByRole('button', { name: 'Enter a new token' })).toBeVisible();
  await expect(waitingRegion(popup)).toContainText('KD-0042');
  expect(newEntries(ext.server)).toHaveLength(0);

  const options = await ext.openOptions();
  await options.getByRole('textbox', { name: 'Kendo address' }).fill('acme');
  await options.getByRole('textbox', { name: 'API token' }).fill(TOKENS.member);
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByText('Connected as Mia Member')).toBeVisible();

  await expectEntriesSettle(ext, 1);
  expect(entryPosts(ext.server).map((p) => p.status)).toEqual([401, 201]);
  await expect(waitingRegion(popup)).toBeHidden();
  await expect(popup.getByRole('button', { name: 'Enter a new token' })).toBeHidden();
});

test('422: the field message shows next to the field, and the fixed entry goes out', async ({
  ext,
}) => {
  const popup = await startInPopup(ext);
  const message = 'The minutes spent may not be greater than 600.';
  ext.server.fault({
    match: { method: 'POST' },
    kind: 'status',
    status: 422,
    body: { message, errors: { minutes_spent: [message] } },
  });
  await stopButton(popup).click();

  const fix = waitingRegion(popup).getByRole('form', { name: 'Fix entry KD-0042' });
  await expect(fix).toBeVisible();
  const duration = fix.getByRole('textbox', { name: 'Duration' });
  await expect(duration).toHaveAttribute('aria-invalid', 'true');
  await expect(duration).toHaveAccessibleDescription(message);
  // Refused means refused: nothing is resent until the user acts.
  expect(entryPosts(ext.server)).toHaveLength(1);

  await duration.fill('25m');
  await fix.getByRole('button', { name: 'Send again' }).click();
  const [entry] = await expectEntriesSettle(ext, 1);
  expect(entry).toMatchObject({ issue_id: 142, minutes_spent: 25 });
  await expect(waitingRegion(popup)).toBeHidden();
});
