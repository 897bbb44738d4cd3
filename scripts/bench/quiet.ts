// Waiting for the extension to stop talking to Kendo, so a request count is complete.
import type { KendoServer } from '../../tests/kendo-server/index';

/**
 * Resolves once no API request has arrived for `quietMs`, or after `maxMs` at most. Requests a
 * trigger causes follow it within milliseconds here (local server); the quiet window is many
 * times that, and the bound keeps a chatty extension from hanging the run.
 */
export async function apiQuiet(server: KendoServer, quietMs = 600, maxMs = 6000): Promise<void> {
  const start = Date.now();
  let count = server.apiRequests().length;
  let since = Date.now();
  while (Date.now() - start < maxMs) {
    await new Promise((r) => setTimeout(r, 50));
    const now = server.apiRequests().length;
    if (now !== count) {
      count = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return;
    }
  }
}

/** The API requests (`METHOD /path`) made while `action` ran and until Kendo went quiet. */
export async function apiRequestsDuring(
  server: KendoServer,
  action: () => Promise<void>,
): Promise<string[]> {
  await apiQuiet(server);
  const before = server.apiRequests().length;
  await action();
  await apiQuiet(server);
  return server
    .apiRequests()
    .slice(before)
    .map((r) => `${r.method} ${r.path}`);
}
