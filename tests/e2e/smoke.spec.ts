// The harness itself: the build loads, its worker can be stopped and the browser restarted on the
// same profile with storage kept (what the timer and outbox tests rely on).
import { test, expect } from './fixtures';

test('the built extension loads, and storage survives a stopped worker and a restart', async ({
  ext,
}) => {
  expect(ext.id).toMatch(/^[a-p]{32}$/);
  const page = await ext.openIssue('KD-0042');
  await expect(page.getByRole('heading', { name: 'Add pagination to issues list' })).toBeVisible();
  const worker = await ext.worker();
  await worker.evaluate(() => {
    const api = (globalThis as unknown as { chrome: typeof import('./extension').chromeApi })
      .chrome;
    return api.storage.local.set({ harnessMarker: 42 });
  });
  await ext.stopServiceWorker();
  expect((await ext.storage()).harnessMarker).toBe(42);
  await ext.restart();
  expect((await ext.storage()).harnessMarker).toBe(42);
});
