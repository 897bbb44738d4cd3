// The fault matrix, part three: the extension itself is interrupted (its service worker stopped,
// the browser restarted) or asked twice at once. Timers are timestamps in storage and delivery
// looks before it resends, so each entry still ends up in Kendo exactly once.
import { test, expect } from './fixtures';
import {
  entryPosts,
  expectEntriesSettle,
  newEntries,
  newEntriesOn,
  outbox,
  startButton,
  startOnPage,
  stopButton,
  waitingRegion,
} from './pages/faults';

interface StoredTimer {
  startedAt: number;
  issue: { key: string };
}

test('worker stopped mid-timer: the elapsed time is intact and stop still works', async ({
  ext,
}) => {
  await ext.connect();
  const page = await startOnPage(ext);
  // Some time on the clock first, so a timer that restarted from zero would show.
  await expect(stopButton(page)).toHaveAccessibleName(/0:00:0[2-9]/, { timeout: 10_000 });
  const before = (await ext.storage()).timer as StoredTimer;

  await ext.stopServiceWorker();

  const popup = await ext.openPopup();
  await expect(popup.getByRole('timer', { name: 'Elapsed time' })).toHaveText(
    /^0:00:(0[2-9]|[1-5]\d)$/,
  );
  expect(((await ext.storage()).timer as StoredTimer).startedAt).toBe(before.startedAt);

  await stopButton(page).click();
  await expect(startButton(page)).toBeVisible();
  const [entry] = await expectEntriesSettle(ext, 1);
  // The entry starts when the timer did, to the second Kendo keeps.
  expect(Date.parse(entry!.started_at!)).toBe(Math.floor(before.startedAt / 1000) * 1000);
});

test('worker stopped mid-delivery: the in-flight entry is looked up, not sent twice', async ({
  ext,
}) => {
  await ext.connect();
  const page = await startOnPage(ext);
  // Kendo stores the POST at once and answers only after 10 s: the worker dies before that.
  ext.server.fault({ match: { method: 'POST' }, kind: 'delay', ms: 10_000 });
  await stopButton(page).click();
  await expect.poll(() => entryPosts(ext.server).length).toBe(1);
  expect(newEntries(ext.server)).toHaveLength(1);

  await ext.stopServiceWorker();
  // The next event wakes a fresh worker, which finds the item it left half-sent.
  await ext.openPopup();
  await expectEntriesSettle(ext, 1);
  expect(entryPosts(ext.server)).toHaveLength(1);
});

test('browser restarted with entries waiting: they go out after the restart, once each', async ({
  ext,
}) => {
  await ext.connect();
  ext.server.fault({ match: { method: 'POST' }, kind: 'drop', times: 50 });
  await startOnPage(ext, 'KD-0042');
  // Switching logs KD-0042; stopping then logs KD-0043: two entries, both stuck.
  const second = await startOnPage(ext, 'KD-0043');
  await stopButton(second).click();
  await expect(startButton(second)).toBeVisible();
  const popup = await ext.openPopup();
  await expect(waitingRegion(popup).getByRole('listitem')).toHaveCount(2);
  await expect(waitingRegion(popup)).toContainText('Kendo could not be reached');
  expect(newEntries(ext.server)).toHaveLength(0);

  ext.server.clearFaults();
  await ext.restart();
  // Nobody opens the popup: the new worker delivers on its own.
  const entries = await expectEntriesSettle(ext, 2, 30_000);
  expect(entries.map((e) => e.issue_id).sort()).toEqual([142, 143]);
});

test('stop clicked in the popup and on the page at once: exactly one entry', async ({ ext }) => {
  await ext.connect();
  const page = await startOnPage(ext);
  const popup = await ext.openPopup();
  await expect(stopButton(popup)).toBeVisible();

  // Two tabs of one window are never both in front, and a pointer click hit-tests only the
  // front one; so the click events go straight to each button's own handler. The worker sleeps,
  // so the page's stop is still on its way when the popup's click lands on a button that has not
  // yet heard of it. (The reverse order is no double stop: the page's one button would by then
  // say Start timer again, and a click on it rightly starts a new timer.)
  const inPopup = await stopButton(popup).elementHandle();
  const onPage = await stopButton(page).elementHandle();
  await ext.stopServiceWorker();
  await onPage!.dispatchEvent('click');
  await inPopup!.dispatchEvent('click');

  await expect(startButton(page)).toBeVisible();
  await expectEntriesSettle(ext, 1);
  expect(entryPosts(ext.server)).toHaveLength(1);
  expect((await ext.storage()).timer ?? null).toBeNull();
});

test('switching issue mid-timer: the first is logged, the second runs', async ({ ext }) => {
  await ext.connect();
  const first = await startOnPage(ext, 'KD-0042');
  const second = await ext.openIssue('KD-0043');
  await startButton(second).click();
  await expect(stopButton(second)).toBeVisible();

  await expectEntriesSettle(ext, 1);
  expect(newEntriesOn(ext.server, 142)).toHaveLength(1);
  await expect(startButton(first)).toBeVisible();

  const popup = await ext.openPopup();
  const timer = popup.getByRole('region', { name: 'Timer' });
  await expect(timer).toContainText('KD-0043');
  await expect(stopButton(timer)).toBeVisible();
  expect(((await ext.storage()).timer as StoredTimer).issue.key).toBe('KD-0043');
  expect(await outbox(ext)).toHaveLength(0);
});
