// The button's elements, built with DOM APIs only: every text goes in through textContent.
import { formatElapsed } from '../duration';
import { t } from '../i18n';
import type { ButtonState } from './button-state';
import { BUTTON_CSS } from './styles';

/** The one host element's tag; a page has at most one. */
export const HOST_TAG = 'kendo-timer-root';

export interface ButtonDom {
  host: HTMLElement;
  button: HTMLButtonElement;
  label: HTMLElement;
  time: HTMLElement;
  note: HTMLElement;
  status: HTMLElement;
}

/** A host with an open shadow root (so tests and assistive tech reach in) holding the button. */
export function createButtonDom(doc: Document): ButtonDom {
  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const el = (tag: string, cls: string): HTMLElement => {
    const e = doc.createElement(tag);
    e.className = cls;
    return e;
  };
  const style = doc.createElement('style');
  style.textContent = BUTTON_CSS;
  const button = doc.createElement('button');
  button.type = 'button';
  const clock = el('span', 'clock');
  clock.setAttribute('aria-hidden', 'true');
  const label = el('span', 'label');
  const time = el('span', 'time');
  button.append(clock, label, time);
  const note = el('span', 'note');
  note.id = 'kt-note';
  const status = el('span', 'status');
  status.setAttribute('role', 'status');
  root.append(style, button, note, status);
  return { host, button, label, time, note, status };
}

/** Show `state` (for the issue `key`) on the button; `now` gives the elapsed time of a timer. */
export function paintButton(dom: ButtonDom, key: string, state: ButtonState, now: number): void {
  const { host, button, label, time, note } = dom;
  host.dataset.issueKey = key;
  host.dataset.mode = state.mode;
  setText(
    label,
    state.mode === 'connect'
      ? t('buttonConnect')
      : state.mode === 'stop'
        ? t('buttonStop')
        : t('buttonStart'),
  );
  // The space is text, not CSS gap, so the accessible name reads "Stop timer 0:12:34".
  setText(time, state.mode === 'stop' ? ` ${formatElapsed(now - state.startedAt)}` : '');
  button.className = state.mode;
  const viewer = state.mode === 'viewer';
  setAttr(button, 'aria-disabled', viewer ? 'true' : null);
  setAttr(button, 'aria-describedby', viewer ? note.id : null);
  setText(note, viewer ? t('buttonViewer') : '');
  setAttr(
    button,
    'title',
    state.mode === 'start' && state.otherKey ? t('buttonSwitchHint', state.otherKey) : null,
  );
}

// Writes only what changed: the page's observers and screen readers see no churn each tick.
function setText(e: HTMLElement, text: string): void {
  if (e.textContent !== text) e.textContent = text;
}

function setAttr(e: HTMLElement, name: string, value: string | null): void {
  if (value === null) e.removeAttribute(name);
  else if (e.getAttribute(name) !== value) e.setAttribute(name, value);
}
