// The platform's floor for "popup open → painted": how long Chromium takes to show ANY page of
// the extension in a new tab (a blank page with one paragraph, no script), measured the same way.
// The popup's own cost is what it adds on top of this.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Extension } from '../../tests/e2e/extension';

export const BLANK_PAGE = 'bench-blank.html';

/** Adds the blank page to a build (the bench's private copy, never the shipped one). */
export function addBlankPage(extensionDir: string): void {
  writeFileSync(
    join(extensionDir, BLANK_PAGE),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head>' +
      '<body><p>Kendo Timer</p></body></html>\n',
  );
}

/** ms from navigation start to the blank page's first contentful paint. */
export async function openBlankOnce(ext: Extension): Promise<number | null> {
  const page = await ext.context.newPage();
  try {
    await page.goto(ext.url(BLANK_PAGE));
    const handle = await page.waitForFunction(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      undefined,
      { timeout: 5000, polling: 'raf' },
    );
    return (await handle.jsonValue()) as number;
  } catch {
    return null;
  } finally {
    await page.close();
  }
}
