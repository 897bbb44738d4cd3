// The timer (issue 3): started on a Kendo issue page, stopped in the popup, and delivered to Kendo
// exactly once whatever happens in between (navigation, a stopped worker, a restart, a 503, a 422).
import { test, expect } from './fixtures';
import { TOKENS } from '../kendo-server/seed';
import { IssuePage } from './pages/issue-page';
import { Popup } from './pages/popup';
import type { Extension } from './extension';
import type { RecordedRequest } from '../kendo-server/types';

const KD42_ENTRIES = /^\/api\/projects\/1\/issues\/(142|KD-0042)\/time-entries$/;
const KD43_ENTRIES = /^\/api\/projects\/1\/issues\/(143|KD-0043)\/time-entries$/;

const posts = (ext: Extension, path: RegExp): RecordedRequest[] =>
  ext.server.apiRequests({ method: 'POST', path });

/** The running timer's start as stored (a timestamp, never a counter). */
async function storedStart(ext: Extension): Promise<unknown> {
  const { timer } = await ext.storage();
  return (timer as { startedAt?: unknown } | null)?.startedAt;
}

interface EntryBody {
  minutes_spent: number;
  started_at: string;
  note?: string;
}

test('start on the issue page, stop in the popup: one POST with token, start and minutes', async ({
  ext,
}) => {
  await ext.connect();
  const issue = await IssuePage.open(ext, 'KD-0042');
  const clickedAt = Date.now();
  await issue.startButton.click();
  await expect(issue.stopButton).toBeVisible();

  const popup = await Popup.open(ext);
  await expect(popup.timer).toContainText('KD-0042');
  await expect(popup.timer).toContainText('Add pagination to issues list');
  await popup.stopButton.click();

  await expect.poll(() => posts(ext, KD42_ENTRIES).length).toBe(1);
  const [post] = posts(ext, KD42_ENTRIES);
  expect(post!.headers.authorization).toBe(`Bearer ${TOKENS.member}`);
  expect(post!.status).toBe(201);
  const body = post!.body as EntryBody;
  expect(body.minutes_spent).toBe(1);
  expect(Math.abs(Date.parse(body.started_at) - clickedAt)).toBeLessThan(5_000);
  // The page's button follows: no timer runs any more.
  await expect(issue.startButton).toBeVisible();
  await expect(popup.stopButton).toHaveCount(0);
});

test('with the rule "Round up" to 15 minutes, a short timer logs 15', async ({ ext }) => {
  await ext.connect();
  const options = await ext.openOptions();
  await options.getByRole('combobox', { name: 'Rounding', exact: true }).selectOption({
    label: 'Round up',
  });
  await expect(options.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await options.getByRole('combobox', { name: 'Rounding step' }).selectOption({
    label: '15 minutes',
  });
  await expect(options.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await options.close();

  const issue = await IssuePage.open(ext, 'KD-0042');
  await issue.startButton.click();
  await expect(issue.stopButton).toBeVisible();
  await issue.stopButton.click();
  await expect(issue.startButton).toBeVisible();

  await expect.poll(() => posts(ext, KD42_ENTRIES).length).toBe(1);
  expect((posts(ext, KD42_ENTRIES)[0]!.body as EntryBody).minutes_spent).toBe(15);
});

test('the page button follows pushState navigation and acts on the new issue', async ({ ext }) => {
  await ext.connect();
  const issue = await IssuePage.open(ext, 'KD-0042');
  await issue.startButton.click();
  await expect(issue.stopButton).toBeVisible();

  await issue.goToOtherIssue('KD-0043');
  await expect(issue.heading('Fix login redirect loop')).toBeVisible();
  expect(new URL(issue.page.url()).pathname).toBe('/projects/1/issues/KD-0043');
  // The timer runs on KD-0042, not on the issue now shown: the one button offers to start.
  await expect(issue.startButton).toBeVisible();
  await expect(issue.timerButton).toHaveCount(1);

  await issue.startButton.click();
  await expect(issue.stopButton).toBeVisible();
  await expect(issue.timerButton).toHaveCount(1);
  await issue.stopButton.click();
  await expect(issue.startButton).toBeVisible();

  // Starting on KD-0043 logged KD-0042's time first; stopping logged KD-0043's.
  await expect.poll(() => posts(ext, KD43_ENTRIES).length).toBe(1);
  expect(posts(ext, KD42_ENTRIES)).toHaveLength(1);
});

test('starting on another issue in the popup logs the running timer first', async ({ ext }) => {
  await ext.connect();
  const first = await IssuePage.open(ext, 'KD-0042');
  await first.startButton.click();
  await expect(first.stopButton).toBeVisible();
  await IssuePage.open(ext, 'KD-0043');

  const popup = await Popup.open(ext);
  await popup.timer.getByRole('button', { name: /^Start timer on KD-0043/ }).click();
  await expect(popup.timer).toContainText('Fix login redirect loop');
  await expect.poll(() => posts(ext, KD42_ENTRIES).length).toBe(1);
  expect((posts(ext, KD42_ENTRIES)[0]!.body as EntryBody).minutes_spent).toBe(1);
  expect(posts(ext, KD43_ENTRIES)).toHaveLength(0);
  // The first issue's page now offers a new start, in the same second as the popup.
  await expect(first.startButton).toBeVisible();
  await expect(popup.stopButton).toBeVisible();
});

test('a timer survives a stopped service worker and a browser restart, start unchanged', async ({
  ext,
}) => {
  // A whole second browser start: slow on a loaded 2-core machine, not a reason to fail.
  test.slow();
  await ext.connect();
  const issue = await IssuePage.open(ext, 'KD-0042');
  await issue.startButton.click();
  await expect(issue.stopButton).toBeVisible();
  let popup = await Popup.open(ext);
  const tenMinutesAgo = Date.now() - 10 * 60_000;
  await popup.changeStart(tenMinutesAgo);
  await expect.poll(() => popup.elapsedSeconds()).toBeGreaterThanOrEqual(600);
  await popup.page.close();
  const startedAt = await storedStart(ext);

  await ext.stopServiceWorker();
  popup = await Popup.open(ext);
  await expect(popup.timer).toContainText('KD-0042');
  expect(await popup.elapsedSeconds()).toBeGreaterThanOrEqual(600);

  await ext.restart();
  await IssuePage.open(ext, 'KD-0042');
  popup = await Popup.open(ext);
  await expect(popup.timer).toContainText('KD-0042');
  const shown = await popup.elapsedSeconds();
  expect(shown).toBeGreaterThanOrEqual(600);
  expect(shown).toBeLessThan(12 * 60);
  expect(await storedStart(ext)).toBe(startedAt);

  await popup.stopButton.click();
  await expect.poll(() => posts(ext, KD42_ENTRIES).length).toBe(1);
  const body = posts(ext, KD42_ENTRIES)[0]!.body as EntryBody;
  // The corrected start, to the minute the form holds.
  expect(Math.abs(Date.parse(body.started_at) - tenMinutesAgo)).toBeLessThan(61_000);
  expect([10, 11]).toContain(body.minutes_spent);
});

/** Entries Kendo holds that this test created (the seed's ids end below 1007). */
const newEntries = (ext: Extension) => ext.server.entries().filter((e) => e.id >= 1007);

test('a 503 at stop waits under "Waiting to sync" with its reason; Retry delivers it once', async ({
  ext,
}) => {
  await ext.connect();
  ext.server.fault({
    match: { method: 'POST', path: KD42_ENTRIES },
    kind: 'status',
    status: 503,
    times: 1000,
  });
  const issue = await IssuePage.open(ext, 'KD-0042');
  await issue.startButton.click();
  await expect(issue.stopButton).toBeVisible();
  const popup = await Popup.open(ext);
  await popup.stopButton.click();

  const waiting = popup.waiting.getByRole('listitem').filter({ hasText: 'KD-0042' });
  await expect(waiting).toContainText(/Kendo had a problem/i);
  expect(newEntries(ext)).toHaveLength(0);

  ext.server.clearFaults();
  await waiting.getByRole('button', { name: 'Retry' }).click();
  await expect(popup.waiting).toBeHidden();
  await expect.poll(() => newEntries(ext).length).toBe(1);
  expect(newEntries(ext)[0]).toMatchObject({ user_id: 2, issue_id: 142, minutes_spent: 1 });
  // The entry is in Today, and nothing sends it a second time (no background resend either).
  await expect(popup.todayEntry('KD-0042')).toHaveCount(1);
  await popup.page.reload();
  await expect(popup.todayEntry('KD-0042')).toHaveCount(1);
  expect(newEntries(ext)).toHaveLength(1);
  expect(posts(ext, KD42_ENTRIES).filter((r) => r.status === 201)).toHaveLength(1);
});

test('a 422 is shown at its field and fixed in "Waiting to sync"; Send again delivers once', async ({
  ext,
}) => {
  await ext.connect();
  const noteError = 'The note field must not be greater than 10000 characters.';
  ext.server.fault({
    match: { method: 'POST', path: KD42_ENTRIES },
    kind: 'status',
    status: 422,
    body: { message: noteError, errors: { note: [noteError] } },
  });
  const issue = await IssuePage.open(ext, 'KD-0042');
  await issue.startButton.click();
  await expect(issue.stopButton).toBeVisible();
  const popup = await Popup.open(ext);
  await popup.timer.getByRole('textbox', { name: 'Note' }).fill('Too long, says Kendo');
  await popup.timer.getByRole('textbox', { name: 'Note' }).blur();
  await expect
    .poll(async () => ((await ext.storage()).timer as { note?: string } | null)?.note)
    .toBe('Too long, says Kendo');
  await popup.stopButton.click();

  const form = popup.waiting.getByRole('form', { name: /^Fix entry KD-0042/ });
  const note = form.getByRole('textbox', { name: 'Note' });
  await expect(note).toHaveAttribute('aria-invalid', 'true');
  await expect(note).toHaveAccessibleDescription(noteError);
  expect(newEntries(ext)).toHaveLength(0);

  await note.fill('Shorter');
  await form.getByRole('button', { name: 'Send again' }).click();
  await expect(popup.waiting).toBeHidden();
  await expect.poll(() => newEntries(ext).length).toBe(1);
  expect(newEntries(ext)[0]).toMatchObject({ issue_id: 142, note: 'Shorter' });
  // Only the note changed: the start goes out exactly as in the refused POST, seconds and all.
  const [refused, accepted] = posts(ext, KD42_ENTRIES).map((r) => r.body as EntryBody);
  expect(accepted?.started_at).toBe(refused?.started_at);
  await expect(popup.todayEntry('KD-0042')).toContainText('Shorter');
  expect(newEntries(ext)).toHaveLength(1);
});

test('two tabs and the popup agree within a second', async ({ ext }) => {
  await ext.connect();
  const a = await IssuePage.open(ext, 'KD-0042');
  const b = await IssuePage.open(ext, 'KD-0042');
  await expect(b.startButton).toBeVisible();
  const popup = await Popup.open(ext);
  await expect(popup.startButton).toBeVisible();

  await a.startButton.click();
  await expect(b.stopButton).toBeVisible({ timeout: 1_000 });
  await expect(popup.stopButton).toBeVisible({ timeout: 1_000 });

  await popup.stopButton.click();
  await expect(a.startButton).toBeVisible({ timeout: 1_000 });
  await expect(b.startButton).toBeVisible({ timeout: 1_000 });
  await expect.poll(() => posts(ext, KD42_ENTRIES).length).toBe(1);
});
