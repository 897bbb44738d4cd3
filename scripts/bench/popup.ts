// Popup open → timer and today's list painted from the cache, timed by the popup's own
// `kendo-timer:painted` mark (navigation start = 0), and the API requests each open causes.
import type { Extension } from '../../tests/e2e/extension';
import { apiQuiet } from './quiet';

export const PAINTED_MARK = 'kendo-timer:painted';

export interface PopupOpen {
  /** ms from navigation start to the mark, or null if the popup never marked. */
  paintedMs: number | null;
  /** What the popup showed when the mark was read; proves the timing covers cached state. */
  showedTimer: boolean;
  todayItems: number;
  phases: Record<string, unknown> | null;
  apiRequests: string[];
}

export async function openPopupOnce(ext: Extension): Promise<PopupOpen> {
  const server = ext.server;
  await apiQuiet(server);
  const before = server.apiRequests().length;
  const page = await ext.context.newPage();
  // Snapshot the DOM in the very call that sets the mark, so "painted" is checked, not assumed.
  await page.addInitScript((name) => {
    const mark = performance.mark.bind(performance);
    performance.mark = (markName: string, opts?: PerformanceMarkOptions) => {
      if (markName === name) {
        const stop = [...document.querySelectorAll('button')].some((b) =>
          /^Stop timer/.test((b.getAttribute('aria-label') ?? b.textContent ?? '').trim()),
        );
        const today = document.querySelectorAll('section[aria-label="Today"] li').length;
        (globalThis as Record<string, unknown>).__benchPainted = { stop, today };
      }
      return mark(markName, opts);
    };
  }, PAINTED_MARK);
  // Main-thread busy time separates the popup's own work from waiting for a shared CPU.
  const cdp = await ext.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(ext.url('popup.html'));
  const seen = await page
    .waitForFunction(
      (name) => {
        const mark = performance.getEntriesByName(name, 'mark')[0];
        if (!mark) return null;
        const dom = (globalThis as Record<string, unknown>).__benchPainted as
          { stop: boolean; today: number } | undefined;
        const nav = performance.getEntriesByType('navigation')[0] as
          PerformanceNavigationTiming | undefined;
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        // Where the time goes, for finding why when the budget is missed.
        const phases = {
          responseEnd: nav?.responseEnd ?? null,
          domInteractive: nav?.domInteractive ?? null,
          domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
          firstContentfulPaint: fcp?.startTime ?? null,
          scripts: performance
            .getEntriesByType('resource')
            .map((r) => r as PerformanceResourceTiming)
            .map(
              (r) =>
                `${r.name.split('/').pop()} ${r.startTime.toFixed(0)}-${r.responseEnd.toFixed(0)}`,
            ),
        };
        return { ms: mark.startTime, stop: dom?.stop ?? false, today: dom?.today ?? 0, phases };
      },
      PAINTED_MARK,
      { timeout: 5000, polling: 'raf' },
    )
    .then((h) => h.jsonValue())
    .catch(() => null);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string): number | null => {
    const v = metrics.find((m) => m.name === name)?.value;
    return v === undefined ? null : Math.round(v * 10_000) / 10;
  };
  const cpu = { taskMs: metric('TaskDuration'), scriptMs: metric('ScriptDuration') };
  await cdp.detach().catch(() => undefined);
  await page.close();
  await apiQuiet(server);
  return {
    paintedMs: seen?.ms ?? null,
    phases: seen ? { ...seen.phases, ...cpu } : null,
    showedTimer: seen?.stop ?? false,
    todayItems: seen?.today ?? 0,
    apiRequests: server
      .apiRequests()
      .slice(before)
      .map((r) => `${r.method} ${r.path}`),
  };
}
