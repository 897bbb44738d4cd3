// The fault matrix, part four: what Kendo or the device hands us is hostile or wrong. Page text
// with HTML and script stays text in every view, and a device clock ahead of Kendo's does not
// put an entry in Kendo's future.
import { test, expect } from './fixtures';
import { ISSUES } from '../kendo-server/seed';
import {
  entryPosts,
  expectEntriesSettle,
  pwned,
  startOnPage,
  stopButton,
  waitingRegion,
} from './pages/faults';

const TITLE = ISSUES['KD-0007'].title; // 'Export <b>CSV</b> <script>window.__pwned=1</script>'
const NOTE = '<img src=x onerror=window.__pwned=2>';

test('HTML and script in an issue title and a note are shown as text, never run', async ({
  ext,
}) => {
  await ext.connect();
  const page = await startOnPage(ext, 'KD-0007');
  const popup = await ext.openPopup();
  const timer = popup.getByRole('region', { name: 'Timer' });
  await expect(timer.getByText(TITLE, { exact: true })).toBeVisible();

  await timer.getByRole('textbox', { name: 'Note' }).fill(NOTE);
  await expect
    .poll(async () => ((await ext.storage()).timer as { note?: string } | null)?.note)
    .toBe(NOTE);
  // One lost answer first, so the entry is also shown while it waits to sync.
  ext.server.fault({ match: { method: 'POST' }, kind: 'drop' });
  await stopButton(popup).click();
  await expect(waitingRegion(popup).getByText(TITLE, { exact: true })).toBeVisible();

  const [entry] = await expectEntriesSettle(ext, 1);
  expect(entry).toMatchObject({ issue_id: 107, note: NOTE });
  const row = popup
    .getByRole('region', { name: 'Today' })
    .getByRole('listitem')
    .filter({ hasText: 'KD-0007' });
  await expect(row.getByText(TITLE, { exact: true })).toBeVisible();
  await expect(row.getByText(NOTE, { exact: true })).toBeVisible();

  // Had any of it become markup, these elements would exist and the handlers would have run.
  const options = await ext.openOptions();
  for (const p of [popup, page, options]) {
    await expect(p.locator('img[src="x"]')).toHaveCount(0);
    expect(await pwned(p)).toBeUndefined();
  }
  await expect(popup.locator('main b, main script')).toHaveCount(0);
});

test('device clock 5 minutes ahead of Kendo: one entry, never started in Kendo’s future', async ({
  ext,
}) => {
  const skew = 5 * 60_000;
  // Kendo's clock is 5 minutes behind the device's; the extension learns it from Date headers.
  ext.server.setClockOffset(-skew);
  await ext.connect();
  const page = await startOnPage(ext);
  await stopButton(page).click();

  const [entry] = await expectEntriesSettle(ext, 1);
  // Corrected before it was sent: Kendo never had to refuse a start in its future.
  expect(entryPosts(ext.server).map((p) => p.status)).toEqual([201]);
  const stored = entryPosts(ext.server)[0]!;
  const kendoNowAtArrival = stored.at - skew;
  const startedAt = Date.parse(entry!.started_at!);
  expect(startedAt).toBeLessThanOrEqual(kendoNowAtArrival);
  // And not pushed back absurdly far: the timer ran for seconds, not minutes.
  expect(startedAt).toBeGreaterThan(kendoNowAtArrival - 60_000);

  const popup = await ext.openPopup();
  await expect(popup.getByRole('region', { name: 'Today' })).toContainText('KD-0042');
  await expect(waitingRegion(popup)).toBeHidden();
});
