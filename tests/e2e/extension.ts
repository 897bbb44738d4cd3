// One browser with the built extension loaded, and what a test does to it from the outside:
// open its pages, stop its service worker, restart the whole browser on the same profile.
import { chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { KendoServer } from '../kendo-server/index';
import { TOKENS } from '../kendo-server/seed';

/** The production build; KENDO_TIMER_BUILD points elsewhere (a private build while others rebuild). */
export const EXTENSION_DIR = resolve(process.env.KENDO_TIMER_BUILD || '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The corners of the `chrome` global that tests use inside the extension's contexts. */
interface ChromeStorage {
  storage: {
    local: {
      get(keys: null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
}
interface ChromeRuntime {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}
/** For `typeof chromeApi` in evaluated functions (a type only; nothing at run time). */
export declare const chromeApi: ChromeStorage & ChromeRuntime;

export interface LaunchOptions {
  server: KendoServer;
  userDataDir: string;
  timezone?: string;
  /** The browser's UI language (default English, which the tests' names are in). */
  language?: string;
  headless?: boolean;
}

/** Chromium's flags for a test profile that reaches the test server as *.kendo.dev. */
export function chromiumArgs(port: number, extensionDir = EXTENSION_DIR): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    // Every tenant, and evil.test (a foreign site for security tests), is the local server.
    `--host-resolver-rules=MAP *.kendo.dev 127.0.0.1:${port}, MAP kendo.dev 127.0.0.1:${port}, MAP evil.test 127.0.0.1:${port}`,
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

export class Extension {
  /** Set when a test stopped the worker: Playwright keeps its handle, which hangs until woken. */
  private workerStopped = false;

  private constructor(
    private ctx: BrowserContext,
    readonly id: string,
    private readonly opts: LaunchOptions,
  ) {}

  static async launch(opts: LaunchOptions): Promise<Extension> {
    if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) {
      throw new Error(`No build at ${EXTENSION_DIR}: run \`npm run build\` first.`);
    }
    const ctx = await Extension.open(opts);
    const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
    return new Extension(ctx, new URL(worker.url()).host, opts);
  }

  private static open(opts: LaunchOptions): Promise<BrowserContext> {
    const language = opts.language ?? 'en-US';
    return chromium.launchPersistentContext(opts.userDataDir, {
      executablePath: CHROMIUM,
      headless: opts.headless ?? true,
      locale: language,
      args: [...chromiumArgs(opts.server.port), `--lang=${language}`],
      // The extension's strings follow Chromium's UI language, which Linux takes from the
      // environment; the service worker takes its time zone from there too.
      env: {
        ...process.env,
        LANGUAGE: language.replace('-', '_'),
        ...(opts.timezone && { TZ: opts.timezone }),
      },
      ...(opts.timezone && { timezoneId: opts.timezone }),
    });
  }

  get context(): BrowserContext {
    return this.ctx;
  }

  get server(): KendoServer {
    return this.opts.server;
  }

  /** The extension's service worker, started again first if a test stopped it. */
  async worker(): Promise<Worker> {
    if (this.workerStopped) {
      // A message wakes it, as the popup's first message does; Playwright's Worker handle then
      // reaches the new worker. The message is refused (no such request): waking is enough.
      const page = await this.ctx.newPage();
      await page.goto(this.url('options.html'));
      await page.evaluate(() => {
        const api = (globalThis as unknown as { chrome: ChromeRuntime }).chrome;
        return api.runtime.sendMessage({ type: 'wake' }).catch(() => undefined);
      });
      await page.close();
      this.workerStopped = false;
    }
    const running = this.ctx.serviceWorkers().find((w) => w.url().includes(this.id));
    return (
      running ?? (await this.ctx.waitForEvent('serviceworker', (w) => w.url().includes(this.id)))
    );
  }

  url(path: string): string {
    return `chrome-extension://${this.id}/${path}`;
  }

  /** The popup, opened as a tab (the way tests can reach it). */
  async openPopup(): Promise<Page> {
    const page = await this.ctx.newPage();
    await page.goto(this.url('popup.html'));
    return page;
  }

  async openOptions(): Promise<Page> {
    const page = await this.ctx.newPage();
    await page.goto(this.url('options.html'));
    return page;
  }

  /** An issue page of the test Kendo, in a new tab. */
  async openIssue(key: string, projectId = 1, tenant = 'acme'): Promise<Page> {
    const page = await this.ctx.newPage();
    await page.goto(`https://${tenant}.kendo.dev/projects/${projectId}/issues/${key}`);
    return page;
  }

  /** Connect through the options page, as a user does. */
  async connect(token: string = TOKENS.member, address = 'acme'): Promise<void> {
    const page = await this.openOptions();
    await page.getByRole('textbox', { name: 'Kendo address' }).fill(address);
    await page.getByRole('textbox', { name: 'API token' }).fill(token);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText(/Connected as/)).toBeVisible();
    await page.close();
  }

  /** What the extension keeps in storage.local (for assertions about persistence). */
  async storage(): Promise<Record<string, unknown>> {
    const worker = await this.worker();
    return worker.evaluate(() => {
      const api = (globalThis as unknown as { chrome: ChromeStorage }).chrome;
      return api.storage.local.get(null);
    });
  }

  /**
   * Stop the service worker as Chrome does when it is idle (MV3 termination): memory is gone,
   * storage stays. The next event or message starts a fresh worker.
   */
  async stopServiceWorker(): Promise<void> {
    const page = this.ctx.pages()[0] ?? (await this.ctx.newPage());
    const cdp = await this.ctx.newCDPSession(page);
    try {
      const stopped = new Promise<void>((done) => {
        cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
          const ours = versions.filter((v) => v.scriptURL.includes(this.id));
          if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) done();
        });
      });
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await stopped;
      this.workerStopped = true;
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  }

  /** Close the browser and open it again on the same profile, as after a restart or crash. */
  async restart(): Promise<void> {
    await this.ctx.close();
    this.ctx = await Extension.open(this.opts);
    // Chrome does not always start the worker at launch; the first message (from the popup, or
    // from worker()) starts it, as it would for a user.
    this.workerStopped = !this.ctx.serviceWorkers().some((w) => w.url().includes(this.id));
  }

  async close(): Promise<void> {
    await this.ctx.close();
  }
}
