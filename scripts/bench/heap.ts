// The JS heap the content script adds to a Kendo page: the same walk between issues in a
// browser with the extension and in one without, peak against peak. The content script runs in
// an isolated world of the page's own V8 isolate, so the isolate's heap includes it.
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, chromiumArgs } from '../../tests/e2e/extension';
import type { KendoServer } from '../../tests/kendo-server/index';
import { NAME_SHIM } from './page-probe';

export interface HeapWalk {
  samples: number[];
  peak: number;
}

const KEYS = ['KD-0043', 'KD-0044', 'KD-0042'];

/** In-app navigation, resolved once the page app has rendered `key` (and the button, if any). */
function navigateAndSettle(args: { path: string; key: string; withButton: boolean }) {
  const { path, key, withButton } = args;
  const settled = (): boolean => {
    if (!document.querySelector(`[data-testid="issue"][data-issue-key="${key}"]`)) return false;
    if (!withButton) return true;
    return [...document.querySelectorAll('*')].some(
      (el) =>
        (el as HTMLElement).dataset.issueKey === key && !!el.shadowRoot?.querySelector('button'),
    );
  };
  return new Promise<boolean>((resolve) => {
    const t0 = performance.now();
    const frame = (): void => {
      if (settled()) resolve(true);
      else if (performance.now() - t0 > 3000) resolve(false);
      else requestAnimationFrame(frame);
    };
    (window as unknown as { kendoApp: { navigate(p: string): void } }).kendoApp.navigate(path);
    requestAnimationFrame(frame);
  });
}

/** Heap after a full GC (what stays alive), sampled after each of `steps` navigations. */
export async function heapWalk(page: Page, withButton: boolean, steps = 20): Promise<HeapWalk> {
  const cdp = await page.context().newCDPSession(page);
  const sample = async (): Promise<number> => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  };
  try {
    await page.evaluate(NAME_SHIM);
    const samples = [await sample()];
    for (let i = 0; i < steps; i++) {
      const key = KEYS[i % KEYS.length]!;
      const ok = await page.evaluate(navigateAndSettle, {
        path: `/projects/1/issues/${key}`,
        key,
        withButton,
      });
      if (!ok) throw new Error(`bench: heap walk: ${key} never settled`);
      samples.push(await sample());
    }
    return { samples, peak: Math.max(...samples) };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The same walk in a fresh browser without the extension: the page's own heap. */
export async function heapWithoutExtension(server: KendoServer, steps = 20): Promise<HeapWalk> {
  const dir = mkdtempSync(join(tmpdir(), 'kendo-bench-plain-'));
  const args = chromiumArgs(server.port).filter(
    (a) => !a.startsWith('--load-extension') && !a.startsWith('--disable-extensions-except'),
  );
  let ctx: BrowserContext | undefined;
  try {
    ctx = await chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM,
      headless: true,
      args,
    });
    const page = await ctx.newPage();
    await page.goto(`${server.origin()}/projects/1/issues/KD-0042`);
    return await heapWalk(page, false, steps);
  } finally {
    await ctx?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
