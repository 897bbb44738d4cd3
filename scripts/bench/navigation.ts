// In-app navigation between issues → the issue-page button showing the new issue.
import type { Page } from '@playwright/test';
import type { Extension } from '../../tests/e2e/extension';
import { NAME_SHIM, navigateAndTime, probeSignal, type Signal } from './page-probe';

export interface NavigationRun {
  samples: number[];
  /** Navigations after which the button never showed the new issue (within the timeout). */
  misses: number;
  signal: Signal | null;
}

const KEYS = ['KD-0043', 'KD-0042'];
const issuePath = (key: string): string => `/projects/1/issues/${key}`;

/** Waits (bounded, polled in the page) until the button names `key`; null if it never does. */
async function settledSignal(page: Page, key: string): Promise<Signal | null> {
  return page
    .waitForFunction(probeSignal, key, { timeout: 8000, polling: 'raf' })
    .then((h) => h.jsonValue())
    .catch(() => null);
}

export async function measureNavigation(ext: Extension, runs = 20): Promise<NavigationRun> {
  const page = await ext.openIssue('KD-0042');
  try {
    await page.evaluate(NAME_SHIM);
    const signal = await settledSignal(page, 'KD-0042');
    if (!signal) return { samples: [], misses: runs, signal };
    const samples: number[] = [];
    let misses = 0;
    for (let i = 0; i < runs; i++) {
      const key = KEYS[i % 2]!;
      const r = await page.evaluate(navigateAndTime, {
        path: issuePath(key),
        key,
        signal,
        timeoutMs: 3000,
      });
      if (r.ms === null) misses++;
      else samples.push(r.ms);
    }
    return { samples, misses, signal };
  } finally {
    await page.close();
  }
}
