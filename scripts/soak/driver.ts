// The extension as the soak drives it: messages of the real protocol sent from one of its own
// pages (so the background treats them exactly as the popup's), its storage, and the blunt
// instruments (stop the worker, restart the browser).
import { expect, type Page } from '@playwright/test';
import { Extension, type chromeApi } from '../../tests/e2e/extension';
import type { KendoServer } from '../../tests/kendo-server/types';
import type { MessageType, Req, Res, Result } from '../../lib/messages';
import type { EntriesCache, OutboxItem, PendingDelete, Timer } from '../../lib/types';

type Chrome = typeof chromeApi;

/** The storage items the soak looks at (names as lib/storage.ts defines them). */
export interface Stored {
  timer: Timer | null;
  outbox: OutboxItem[];
  entries: EntriesCache | null;
  pendingDeletes: PendingDelete[];
}

export class Driver {
  private page: Page | null = null;

  private constructor(readonly ext: Extension) {}

  static async launch(server: KendoServer, userDataDir: string): Promise<Driver> {
    const d = new Driver(await Extension.launch({ server, userDataDir, headless: true }));
    return d;
  }

  /** The popup page, opened once (and again after a restart). */
  private async popup(): Promise<Page> {
    if (!this.page || this.page.isClosed()) this.page = await this.ext.openPopup();
    return this.page;
  }

  async send<K extends MessageType>(type: K, data: Req<K>): Promise<Result<Res<K>>> {
    const page = await this.popup();
    const res = await page.evaluate(
      (msg) => (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage(msg),
      { type, data },
    );
    if (!res || typeof res !== 'object' || !('ok' in res)) {
      return { ok: false, error: { kind: 'internal', message: `no answer: ${String(res)}` } };
    }
    return res as Result<Res<K>>;
  }

  /** Like send, but a refusal is a fault of the soak itself, not of the run. */
  async must<K extends MessageType>(type: K, data: Req<K>): Promise<Res<K>> {
    const res = await this.send(type, data);
    if (!res.ok) throw new Error(`${type} failed: ${res.error.kind}: ${res.error.message}`);
    return res.value;
  }

  /** storage.local, read from the extension page: the same store the worker writes. */
  async stored(): Promise<Stored> {
    const page = await this.popup();
    const all = await page.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get(null),
    );
    return {
      timer: (all.timer as Timer | null | undefined) ?? null,
      outbox: (all.outbox as OutboxItem[] | undefined) ?? [],
      entries: (all.entries as EntriesCache | null | undefined) ?? null,
      pendingDeletes: (all.pendingDeletes as PendingDelete[] | undefined) ?? [],
    };
  }

  /**
   * Connect as a user does, on the options page. While that page is being built it may not have
   * its controls yet: then the same request goes from an extension page as a message.
   */
  async connect(token: string): Promise<'options page' | 'message'> {
    try {
      const page = await this.ext.openOptions();
      const box = page.getByRole('textbox', { name: 'Kendo address' });
      await expect(box).toBeVisible({ timeout: 3000 });
      await page.close();
      await this.ext.connect(token);
      return 'options page';
    } catch {
      await this.must('saveConnection', { address: 'acme', token });
      return 'message';
    }
  }

  async stopWorker(): Promise<void> {
    await this.ext.stopServiceWorker();
  }

  /**
   * Restart the browser on the same profile. Chrome need not start the worker by itself then
   * (the harness waits 30 s for it): the popup's first message starts it, as for a user.
   * Returns whether the worker had started by itself.
   */
  async restart(): Promise<boolean> {
    this.page = null;
    let started = true;
    try {
      await this.ext.restart();
    } catch (e) {
      if (!(e instanceof Error && e.name === 'TimeoutError')) throw e;
      started = false;
    }
    await this.popup();
    return started;
  }

  async close(): Promise<void> {
    await this.ext.close();
  }
}
