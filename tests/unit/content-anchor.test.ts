import { beforeEach, describe, expect, it, vi } from 'vitest';
import { placeHost } from '../../lib/content/anchor';

function page(html: string): void {
  // Fixture markup written here, not page text.
  document.body.innerHTML = html; // eslint-disable-line no-restricted-syntax
}

describe('placeHost', () => {
  let host: HTMLElement;
  beforeEach(() => {
    host = document.createElement('kendo-timer-root');
  });

  it('goes into the issue toolbar when there is one', () => {
    page('<h1>Title</h1><div data-testid="issue-toolbar"><a>Edit</a></div>');
    expect(placeHost(host, document)).toBe('toolbar');
    expect(host.parentElement?.dataset.testid).toBe('issue-toolbar');
    expect(host.previousElementSibling?.textContent).toBe('Edit');
  });

  it('goes right after the title without a toolbar', () => {
    page('<main><h1 data-testid="issue-title">Title</h1><p>Body</p></main>');
    expect(placeHost(host, document)).toBe('title');
    expect(host.previousElementSibling?.tagName).toBe('H1');
    expect(host.dataset.placement).toBe('title');
  });

  it('is a fixed corner button on a page with neither', () => {
    page('<main><p>Loading…</p></main>');
    expect(placeHost(host, document)).toBe('fixed');
    expect(host.parentElement).toBe(document.body);
    expect(host.dataset.placement).toBe('fixed');
  });

  it('moves from the corner into the toolbar once the page renders it, and then stays put', async () => {
    page('<main><p>Loading…</p></main>');
    placeHost(host, document);
    page('<h1>Title</h1><div data-testid="issue-toolbar"></div>');
    placeHost(host, document);
    const moved = vi.fn();
    const observer = new MutationObserver(moved);
    observer.observe(document.body, { childList: true, subtree: true });
    expect(placeHost(host, document)).toBe('toolbar');
    await new Promise((r) => setTimeout(r, 0));
    observer.disconnect();
    expect(moved).not.toHaveBeenCalled();
  });
});
