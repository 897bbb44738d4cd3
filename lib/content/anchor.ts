// Where the button goes on an issue page. Pure DOM, given the document.

/** Placement of the host: in Kendo's issue toolbar, after the title, or a fixed corner button. */
export type Placement = 'toolbar' | 'title' | 'fixed';

/**
 * Put `host` at its place in `doc`, moving it only when it is not there already, so that a
 * MutationObserver calling this on every batch does not feed itself. Without `allowFixed`, a
 * page with neither toolbar nor title gets no button yet (null): just after in-app navigation
 * the app is still rendering, and a corner button would flash there and then jump.
 */
export function placeHost(host: HTMLElement, doc: Document, allowFixed = true): Placement | null {
  const toolbar = doc.querySelector('[data-testid="issue-toolbar"]');
  if (toolbar) {
    if (host.parentNode !== toolbar) toolbar.append(host);
    return mark(host, 'toolbar');
  }
  const title = doc.querySelector('[data-testid="issue-title"]') ?? doc.querySelector('h1');
  if (title?.parentNode) {
    if (title.nextSibling !== host) title.after(host);
    return mark(host, 'title');
  }
  if (!allowFixed) {
    host.remove();
    return null;
  }
  const body = doc.body ?? doc.documentElement;
  if (host.parentNode !== body) body.append(host);
  return mark(host, 'fixed');
}

function mark(host: HTMLElement, placement: Placement): Placement {
  if (host.dataset.placement !== placement) host.dataset.placement = placement;
  return placement;
}
