/**
 * The issue-page button's life on one Kendo page: mount it on an issue, follow in-app navigation
 * and the stored timer and connection, send the user's clicks to the background, and unmount it
 * anywhere else. Everything hangs off `ctx`, so an extension reload leaves nothing behind.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detectIssue, type DetectedIssue } from '../issue/detect';
import { send } from '../messages';
import type { Timer } from '../types';
import { placeHost } from './anchor';
import { buttonState, type ButtonState, type Connections } from './button-state';
import { createButtonDom, HOST_TAG, paintButton, type ButtonDom } from './button-dom';
import { readStoredState, watchStoredState, type StoredState } from './stored-state';

/** How long a page that has just changed its URL may take to render its toolbar or title. */
const RENDER_GRACE_MS = 1000;

export interface IssueButton {
  /** Re-read the URL and page and bring the button in line (also run on every DOM batch). */
  sync(): void;
  /** Resolves once the stored state has been read and the button first painted. */
  ready: Promise<void>;
}

export function startIssueButton(ctx: ContentScriptContext, win: Window = window): IssueButton {
  const doc = win.document;
  let href = '';
  let navigatedAt = 0;
  let graceTimer: number | undefined;
  let issue: DetectedIssue | null = null;
  let timer: Timer | null = null;
  let connections: Connections = { active: null, list: [] };
  let loaded = false;
  let dom: ButtonDom | null = null;
  let state: ButtonState = { mode: 'connect' };
  let tick: number | undefined;
  let busy = false;

  const guard =
    <A extends unknown[]>(fn: (...a: A) => void) =>
    (...a: A): void => {
      try {
        if (ctx.isValid) fn(...a);
      } catch (e) {
        // Never break the page the button lives on.
        console.debug('[Kendo Timer]', e);
      }
    };

  const sync = guard(() => {
    const url = win.location.href;
    if (url !== href) {
      href = url;
      navigatedAt = Date.now();
      issue = detectIssue(new URL(url), doc);
      if (dom) dom.status.textContent = '';
    }
    if (!loaded) return;
    if (!issue) return unmount();
    if (!dom) {
      // A host left by an earlier copy of this script (extension reloaded) must not double up.
      doc.querySelectorAll(HOST_TAG).forEach((e) => e.remove());
      dom = createButtonDom(doc);
      dom.button.addEventListener('click', () => void onClick());
    }
    const waited = Date.now() - navigatedAt;
    if (!placeHost(dom.host, doc, waited >= RENDER_GRACE_MS)) {
      // The observer brings the toolbar as soon as it renders; this is for a page that never does.
      if (graceTimer !== undefined) clearTimeout(graceTimer);
      graceTimer = ctx.setTimeout(sync, RENDER_GRACE_MS - waited + 10);
      return;
    }
    paint();
  });

  const paint = guard(() => {
    if (!dom || !issue) return;
    state = buttonState(issue, timer, connections);
    paintButton(dom, issue.key, state, Date.now());
    dom.button.setAttribute('aria-busy', String(busy));
    scheduleTick();
  });

  // Ticks on the second boundary of the elapsed time, and only while someone can see it.
  function scheduleTick(): void {
    if (tick !== undefined) clearTimeout(tick);
    tick = undefined;
    if (state.mode !== 'stop' || doc.visibilityState === 'hidden') return;
    const wait = 1000 - ((Date.now() - state.startedAt) % 1000) + 5;
    tick = ctx.setTimeout(paint, wait);
  }

  function unmount(): void {
    if (tick !== undefined) clearTimeout(tick);
    tick = undefined;
    dom?.host.remove();
    dom = null;
  }

  async function onClick(): Promise<void> {
    if (busy || !dom || !issue) return;
    const status = dom.status;
    status.textContent = '';
    if (state.mode === 'viewer') {
      status.textContent = dom.note.textContent;
      return;
    }
    busy = true;
    paint();
    try {
      const res =
        state.mode === 'connect'
          ? await send('openOptions', {})
          : state.mode === 'stop'
            ? await send('stopTimer', state.timerId ? { timerId: state.timerId } : {})
            : await send('startTimer', { issue: freshIssue(issue) });
      // Text only: the message may quote Kendo.
      if (!res.ok) status.textContent = res.error.message;
    } finally {
      busy = false;
      paint();
    }
  }

  // The title at click time: after in-app navigation it often renders after the URL changes.
  function freshIssue(known: DetectedIssue): DetectedIssue {
    const now = detectIssue(new URL(win.location.href), doc);
    const pick = now && now.key === known.key ? now : known;
    const { origin, projectId, key, title } = pick;
    return title ? { origin, projectId, key, title } : { origin, projectId, key };
  }

  const apply = (s: StoredState): void => {
    ({ timer, connections } = s);
    paint();
  };
  const unwatch = watchStoredState(() => ({ timer, connections }), apply);
  // WXT's own location event polls once a second; the observer and popstate are the fast path.
  const observer = new (win as Window & typeof globalThis).MutationObserver(sync);
  observer.observe(doc, { childList: true, subtree: true });
  ctx.addEventListener(win, 'popstate', sync);
  ctx.addEventListener(win, 'wxt:locationchange', sync);
  ctx.addEventListener(doc, 'visibilitychange', paint);
  ctx.onInvalidated(() => {
    unwatch();
    observer.disconnect();
    unmount();
  });

  const ready = readStoredState().then(
    (s) => {
      ({ timer, connections } = s);
      loaded = true;
      sync();
    },
    (e) => console.debug('[Kendo Timer]', e),
  );
  sync();
  return { sync, ready };
}
