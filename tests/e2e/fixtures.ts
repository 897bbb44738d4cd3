// The end-to-end harness: the production build of the extension in Debian's Chromium, talking to
// the Kendo-compatible HTTPS server as if it were https://{tenant}.kendo.dev.
import { test as base, expect } from '@playwright/test';
import { startKendoServer, type KendoServer } from '../kendo-server/index';
import { Extension } from './extension';

export interface Fixtures {
  /** A time zone for the browser (pages and the service worker), e.g. 'Pacific/Auckland'. */
  timezone: string | undefined;
  /** The browser's UI language, e.g. 'nl'; English when not set. */
  language: string | undefined;
  /** The extension in a fresh browser profile, against a freshly seeded server. */
  ext: Extension;
}

export const test = base.extend<Fixtures, { server: KendoServer }>({
  timezone: [undefined, { option: true }],
  language: [undefined, { option: true }],
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startKendoServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  ext: async ({ server, timezone, language }, use, testInfo) => {
    server.reset();
    const ext = await Extension.launch({
      server,
      userDataDir: testInfo.outputPath('profile'),
      timezone,
      language,
    });
    await use(ext);
    await ext.close();
  },
});

export { expect };
