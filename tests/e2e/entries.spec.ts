// Today's entries and the quick log (issue 4): what the popup shows of the user's day, and the
// requests its edit, delete, undo and quick-log controls send to Kendo.
import { test, expect } from './fixtures';
import { TOKENS } from '../kendo-server/seed';
import { Popup } from './pages/popup';
import type { Extension } from './extension';
import type { TimeEntry } from '../kendo-server/types';

const CSV_TITLE = 'Export <b>CSV</b> <script>window.__pwned=1</script>';
const ENTRIES_OF = (issue: string) =>
  new RegExp(`^/api/projects/1/issues/(${issue})/time-entries$`);

/** A moment of the local today (of the test runner, which the default browser shares), in the past. */
function earlierToday(minutesAgo: number): number {
  const midnight = new Date();
  midnight.setHours(0, 0, 0, 0);
  return Math.max(midnight.getTime() + 1_000, Date.now() - minutesAgo * 60_000);
}

/** One of Mia's (the member's) entries, straight into Kendo. */
function addOwnEntry(
  ext: Extension,
  issueId: number,
  minutes: number,
  startedMs: number,
  note: string | null = null,
): TimeEntry {
  return ext.server.addEntry('acme', {
    user_id: 2,
    issue_id: issueId,
    minutes_spent: minutes,
    started_at: new Date(startedMs).toISOString(),
    note,
  });
}

test("Today lists the user's own entries of today, not others', with an HTML title as text", async ({
  ext,
}) => {
  addOwnEntry(ext, 107, 25, earlierToday(40), 'CSV export spike');
  await ext.connect();
  const popup = await Popup.open(ext);

  const csv = popup.todayEntry('KD-0007');
  await expect(csv).toContainText(CSV_TITLE);
  await expect(csv).toContainText('25m');
  await expect(csv).toContainText('CSV export spike');
  // Otto's entries of today (KD-0042, HW-0052) and Mia's of other days are not listed.
  await expect(popup.todayItems).toHaveCount(1);
  await expect(popup.today).not.toContainText('Reviewed the pagination PR');
  await expect(popup.today).not.toContainText('HW-0052');
  // The title's markup stayed characters: no element was made of it, no script ran.
  await expect(csv.locator('b, script')).toHaveCount(0);
  expect(
    await popup.page.evaluate(() => (window as { __pwned?: unknown }).__pwned),
  ).toBeUndefined();
});

test('Edit sends the PUT and the list shows the new duration', async ({ ext }) => {
  const entry = addOwnEntry(ext, 107, 25, earlierToday(60), 'Spike');
  await ext.connect();
  const popup = await Popup.open(ext);
  const row = popup.todayEntry('KD-0007');
  await row.getByRole('button', { name: /^Edit/ }).click();
  const form = row.getByRole('form', { name: 'Edit entry' });
  await form.getByRole('textbox', { name: 'Duration' }).fill('1h 5m');
  await form.getByRole('textbox', { name: 'Note' }).fill('Spike, then the fix');
  await form.getByRole('button', { name: 'Save' }).click();

  await expect(form).toBeHidden();
  await expect(row).toContainText('1h 5m');
  await expect(row).toContainText('Spike, then the fix');
  const puts = ext.server.apiRequests({
    method: 'PUT',
    path: new RegExp(`^/api/projects/1/issues/(107|KD-0007)/time-entries/${entry.id}$`),
  });
  expect(puts).toHaveLength(1);
  expect(puts[0]!.body).toMatchObject({ minutes_spent: 65, note: 'Spike, then the fix' });
  expect(Date.parse((puts[0]!.body as { started_at: string }).started_at)).toBe(
    Date.parse(entry.started_at!),
  );
  expect(ext.server.entries().find((e) => e.id === entry.id)?.minutes_spent).toBe(65);
});

const deletesOf = (ext: Extension, entryId: number) =>
  ext.server.apiRequests({
    method: 'DELETE',
    path: new RegExp(`^/api/projects/1/issues/(\\d+|KD-\\d+)/time-entries/${entryId}$`),
  });

test('Delete sends the DELETE after the undo window; Undo within it sends nothing', async ({
  ext,
}) => {
  const kept = addOwnEntry(ext, 107, 25, earlierToday(90), 'Keep me');
  const gone = addOwnEntry(ext, 143, 15, earlierToday(30), 'Remove me');
  await ext.connect();
  const popup = await Popup.open(ext);
  const keptRow = popup.todayEntry('Keep me');
  await expect(keptRow).toBeVisible();

  await keptRow.getByRole('button', { name: /^Delete/ }).click();
  const undoKept = popup.todayEntry('Deleted KD-0007').getByRole('button', { name: 'Undo' });
  await undoKept.click();
  await expect(keptRow.getByRole('button', { name: /^Delete/ })).toBeVisible();

  await popup
    .todayEntry('Remove me')
    .getByRole('button', { name: /^Delete/ })
    .click();
  await expect(popup.todayEntry('Deleted KD-0043')).toBeVisible();
  // Not at once: the DELETE waits for the undo window to end.
  expect(deletesOf(ext, gone.id)).toHaveLength(0);
  await expect.poll(() => deletesOf(ext, gone.id).length, { timeout: 20_000 }).toBe(1);
  expect(deletesOf(ext, gone.id)[0]!.status).toBe(204);
  expect(ext.server.entries().some((e) => e.id === gone.id)).toBe(false);

  // The first delete was taken back before its window ended (earlier than the second's).
  expect(deletesOf(ext, kept.id)).toHaveLength(0);
  expect(ext.server.entries().some((e) => e.id === kept.id)).toBe(true);
  await expect(keptRow).toContainText('25m');
});

test('Undo after the DELETE went out creates the entry again', async ({ ext }) => {
  const entry = addOwnEntry(ext, 107, 25, earlierToday(50), 'Bring me back');
  await ext.connect();
  const popup = await Popup.open(ext);
  await popup
    .todayEntry('Bring me back')
    .getByRole('button', { name: /^Delete/ })
    .click();
  await expect.poll(() => deletesOf(ext, entry.id).length, { timeout: 20_000 }).toBe(1);
  await expect.poll(() => ext.server.entries().some((e) => e.id === entry.id)).toBe(false);

  await popup.todayEntry('Deleted KD-0007').getByRole('button', { name: 'Undo' }).click();
  const recreated = () =>
    ext.server.entries().filter((e) => e.note === 'Bring me back' && e.user_id === 2);
  await expect.poll(() => recreated().length).toBe(1);
  expect(recreated()[0]).toMatchObject({
    issue_id: 107,
    minutes_spent: 25,
    started_at: entry.started_at,
  });
  await expect(popup.todayEntry('Bring me back')).toContainText('25m');
  await expect(
    popup.todayEntry('Bring me back').getByRole('button', { name: /^Edit/ }),
  ).toBeVisible();
});

test('Quick log of "1h 30m" on a typed key posts 90 minutes to that issue', async ({ ext }) => {
  await ext.connect();
  const popup = await Popup.open(ext);
  await popup.logTime('KD-0042', '1h 30m', 'Pairing on pagination');

  await expect(popup.quickLog.getByRole('status')).toHaveText('Logged 1h 30m on KD-0042');
  const post = ext.server.apiRequests({ method: 'POST', path: ENTRIES_OF('142|KD-0042') });
  expect(post).toHaveLength(1);
  expect(post[0]!.body).toMatchObject({ minutes_spent: 90, note: 'Pairing on pagination' });
  expect(post[0]!.headers.authorization).toBe(`Bearer ${TOKENS.member}`);
  await expect(popup.todayEntry('Pairing on pagination')).toContainText('1h 30m');
});

const BAD_DURATIONS: [string, RegExp][] = [
  ['1:75', /minutes go from 00 to 59/i],
  ['abc', /Enter a duration/i],
];
for (const [bad, why] of BAD_DURATIONS) {
  test(`a bad duration (${bad}) posts nothing and says why at the field`, async ({ ext }) => {
    await ext.connect();
    const popup = await Popup.open(ext);
    await popup.logTime('KD-0042', bad);
    const duration = popup.quickLog.getByRole('textbox', { name: 'Duration' });
    await expect(duration).toHaveAttribute('aria-invalid', 'true');
    await expect(duration).toHaveAccessibleDescription(why);
    await expect(popup.quickLog.getByRole('status')).toHaveText('');
    await expect(popup.todayItems).toHaveCount(0);
    expect(ext.server.apiRequests({ method: 'POST' })).toHaveLength(0);
  });
}

test('a viewer sees in the popup that their role cannot log time', async ({ ext }) => {
  await ext.connect(TOKENS.viewer);
  const popup = await Popup.open(ext);
  await expect(popup.page.getByText('Your Kendo role (viewer) cannot log time.')).toBeVisible();
  await expect(popup.quickLog).toHaveCount(0);
  await expect(popup.page.getByRole('button', { name: /^Start timer/ })).toHaveCount(0);
});

test.describe('in Los Angeles', () => {
  test.use({ timezone: 'America/Los_Angeles' });

  test("an entry of yesterday 23:30 local (today's date in UTC) is not in today's list", async ({
    ext,
  }) => {
    await ext.connect();
    const popup = await Popup.open(ext);
    // Local midnight, computed where the zone is the browser's.
    const { lastNight, today } = await popup.page.evaluate(() => {
      const midnight = new Date();
      midnight.setHours(0, 0, 0, 0);
      return {
        lastNight: midnight.getTime() - 30 * 60_000,
        today: Math.max(midnight.getTime() + 60_000, Date.now() - 5 * 60_000),
      };
    });
    expect(new Date(lastNight).toISOString().slice(0, 10)).toBe(
      new Date(lastNight + 30 * 60_000).toISOString().slice(0, 10),
    );
    addOwnEntry(ext, 143, 20, lastNight, 'Late last night');
    addOwnEntry(ext, 142, 35, today, 'This morning');
    await popup.page.reload();

    await expect(popup.todayEntry('This morning')).toContainText('35m');
    await expect(popup.todayEntry('Late last night')).toHaveCount(0);
    await expect(popup.todayItems).toHaveCount(1);
  });
});
