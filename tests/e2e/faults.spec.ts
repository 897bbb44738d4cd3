// The fault matrix, part one: Kendo unreachable or answering badly when a timer stops. Whatever
// happens on the wire, the entry waits in sight with a reason, and reaches Kendo exactly once.
import { test, expect } from './fixtures';
import {
  entryPosts,
  expectEntriesSettle,
  newEntries,
  newEntriesOn,
  startInPopup,
  stopButton,
  waitingRegion,
} from './pages/faults';

test('server down at stop: the entry waits with a reason and arrives once when Kendo is back', async ({
  ext,
}) => {
  const popup = await startInPopup(ext);
  ext.server.fault({ match: { method: 'POST' }, kind: 'drop', times: 50 });
  await stopButton(popup).click();

  const waiting = waitingRegion(popup);
  await expect(waiting).toContainText('KD-0042');
  await expect(waiting).toContainText('Kendo could not be reached');
  expect(newEntries(ext.server)).toHaveLength(0);

  // Kendo comes back; nobody touches anything: the backoff alone brings the entry there.
  ext.server.clearFaults();
  const [entry] = await expectEntriesSettle(ext, 1);
  expect(entry).toMatchObject({ issue_id: 142, user_id: 2, minutes_spent: 1 });
  await expect(waiting).toBeHidden();
  expect(newEntriesOn(ext.server, 142)).toHaveLength(1);
});

for (const status of [500, 503]) {
  test(`${status} at stop: retried after a back-off, looked up first, stored once`, async ({
    ext,
  }) => {
    const popup = await startInPopup(ext);
    ext.server.fault({ match: { method: 'POST' }, kind: 'status', status, times: 1 });
    await stopButton(popup).click();

    await expect(waitingRegion(popup)).toContainText('Kendo had a problem on its side');
    await expectEntriesSettle(ext, 1);
    await expect(waitingRegion(popup)).toBeHidden();

    const posts = entryPosts(ext.server);
    expect(posts.map((p) => p.status)).toEqual([status, 201]);
    // A 5xx may come after the entry was stored: the issue's entries are read before resending.
    const lookups = ext.server
      .apiRequests({ method: 'GET', path: '/api/projects/1/issues/142/time-entries' })
      .filter((r) => r.at > posts[0]!.at && r.at <= posts[1]!.at);
    expect(lookups.length).toBeGreaterThanOrEqual(1);
  });
}

test('429 with Retry-After: the next attempt waits as long as Kendo asked, even when the popup opens', async ({
  ext,
}) => {
  const popup = await startInPopup(ext);
  ext.server.fault({ match: { method: 'POST' }, kind: 'status', status: 429, retryAfter: 4 });
  await stopButton(popup).click();
  await expect(waitingRegion(popup)).toContainText('Kendo asked to slow down');

  // Opening the popup asks for delivery; a rate-limited entry must still wait its turn.
  const second = await ext.openPopup();
  await expect(waitingRegion(second)).toContainText('KD-0042');

  await expectEntriesSettle(ext, 1);
  const posts = entryPosts(ext.server);
  expect(posts.map((p) => p.status)).toEqual([429, 201]);
  expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(4_000);
});

test('response lost after Kendo stored the entry: exactly one entry, nothing left waiting', async ({
  ext,
}) => {
  const popup = await startInPopup(ext);
  ext.server.fault({ match: { method: 'POST' }, kind: 'store-then-drop' });
  await stopButton(popup).click();

  await expectEntriesSettle(ext, 1);
  // Only one POST ever went out: the look-up found the stored entry and claimed it.
  expect(entryPosts(ext.server)).toHaveLength(1);
  await expect(waitingRegion(popup)).toBeHidden();
  const today = popup.getByRole('region', { name: 'Today' });
  await expect(today.getByRole('listitem').filter({ hasText: 'KD-0042' })).toHaveCount(1);
});

test('a 201 of the wrong shape: the entry is neither lost nor doubled', async ({ ext }) => {
  const popup = await startInPopup(ext);
  // Answered 201 with `{id:'x', minutes_spent:'lots'}` and not stored: only a look-up can tell.
  ext.server.fault({ match: { method: 'POST' }, kind: 'bad-shape' });
  await stopButton(popup).click();

  await expect(waitingRegion(popup)).toContainText('did not understand');
  await expectEntriesSettle(ext, 1);
  expect(entryPosts(ext.server).map((p) => p.status)).toEqual([201, 201]);
  await expect(waitingRegion(popup)).toBeHidden();
});
