// Code that runs inside a Kendo page (page.evaluate, main world). Self-contained: no imports, no
// helpers from outside the function bodies, since Playwright sends each function as source.

export type Signal = 'button' | 'host';

export interface NavResult {
  /** ms from calling navigate() to the button showing `key`; null if it never did. */
  ms: number | null;
  /** Whether the page app had rendered the issue (its view lands ~40 ms after the URL). */
  pageRendered: boolean;
}

/**
 * How the extension's button names the issue now on screen: in the button's own text or
 * aria-label ('button'), only in its host's data-issue-key ('host'), or not at all (null).
 */
export function probeSignal(key: string): Signal | null {
  for (const el of document.querySelectorAll('*')) {
    const button = el.shadowRoot?.querySelector('button');
    if (!button) continue;
    const names = `${button.textContent ?? ''} ${button.getAttribute('aria-label') ?? ''}`;
    if (names.includes(key)) return 'button';
    if ((el as HTMLElement).dataset.issueKey === key) return 'host';
  }
  return null;
}

/**
 * In-app navigation to `path`, timed with performance.now() until the extension's button (in an
 * open shadow root) names `key` by `signal`. Checked on every DOM mutation of the page and on
 * every animation frame (mutations inside a shadow root reach no observer outside it).
 */
export function navigateAndTime(args: {
  path: string;
  key: string;
  signal: Signal;
  timeoutMs: number;
}): Promise<NavResult> {
  const { path, key, signal, timeoutMs } = args;
  const shows = (): boolean => {
    for (const el of document.querySelectorAll('*')) {
      const button = el.shadowRoot?.querySelector('button');
      if (!button) continue;
      if (signal === 'host') {
        if ((el as HTMLElement).dataset.issueKey === key) return true;
        continue;
      }
      const names = `${button.textContent ?? ''} ${button.getAttribute('aria-label') ?? ''}`;
      if (names.includes(key)) return true;
    }
    return false;
  };
  const rendered = (): boolean =>
    document.querySelector(`[data-testid="issue"][data-issue-key="${key}"]`) !== null;
  return new Promise((resolve) => {
    let ms: number | null = null;
    let done = false;
    const t0 = performance.now();
    const check = (): void => {
      if (done) return;
      if (ms === null && shows()) ms = performance.now() - t0;
      // The next navigation starts from a settled page, as a person's next click would.
      if (ms !== null && rendered()) finish(true);
      else if (performance.now() - t0 > timeoutMs) finish(rendered());
    };
    const observer = new MutationObserver(check);
    const frame = (): void => {
      check();
      if (!done) requestAnimationFrame(frame);
    };
    const finish = (pageRendered: boolean): void => {
      done = true;
      observer.disconnect();
      resolve({ ms, pageRendered });
    };
    observer.observe(document, {
      childList: true,
      subtree: true,
      attributes: true,
      characterData: true,
    });
    (window as unknown as { kendoApp: { navigate(p: string): void } }).kendoApp.navigate(path);
    check();
    requestAnimationFrame(frame);
  });
}

/**
 * tsx compiles with esbuild's keepNames, which wraps named inner functions in `__name(...)`; a
 * function sent to a page with page.evaluate then calls a helper the page does not have. Given
 * as a string, so no transpiler touches it.
 */
export const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;';
