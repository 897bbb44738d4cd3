/** Mounting the real popup on WXT's fake browser, and finding its controls by role and name. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installEnglish } from './setup-i18n';
import { App } from '../../components/popup/app';
import { hydrateView } from '../../lib/ui/store';
import { connectionsItem } from '../../lib/storage';
import type { Connection, Entry, Timer } from '../../lib/types';
import type { MessageType, Result } from '../../lib/messages';

export const ORIGIN = 'https://acme.kendo.dev';
export const member: Connection = {
  origin: ORIGIN,
  tenant: 'acme',
  user: { id: 2, name: 'Mia Member' },
  canLog: true,
  checkedAt: 0,
  status: 'ok',
};

export type Sent = { type: MessageType; data: Record<string, unknown> };
type Reply = (data: Record<string, unknown>) => Result<unknown>;

export let sent: Sent[] = [];
let replies: Partial<Record<MessageType, Reply>> = {};
let mounted: { container: HTMLElement; stop: () => void } | null = null;

/** What the fake background answers to `type` from now on (default: ok, null). */
export function reply(type: MessageType, fn: Reply): void {
  replies[type] = fn;
}

export async function setup(connection: Connection | null = member): Promise<void> {
  if (mounted) unmount();
  fakeBrowser.reset();
  sent = [];
  replies = {};
  installEnglish();
  // The fake answers getCurrent with the active tab; a real popup is in no tab at all.
  fakeBrowser.tabs.getCurrent = (async () => undefined) as never;
  fakeBrowser.runtime.onMessage.addListener(((msg: Sent, _s, respond) => {
    sent.push(msg);
    respond(replies[msg.type]?.(msg.data) ?? { ok: true, value: null });
    return true;
  }) as Parameters<typeof fakeBrowser.runtime.onMessage.addListener>[0]);
  if (connection) await connectionsItem.setValue({ active: connection.origin, list: [connection] });
}

export async function mount(): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  const stop = await hydrateView();
  render(<App />, container);
  mounted = { container, stop };
  return container;
}

export function unmount(): void {
  if (!mounted) return;
  render(null, mounted.container);
  mounted.stop();
  mounted.container.remove();
  mounted = null;
}

export async function until<T>(check: () => T, what: string): Promise<NonNullable<T>> {
  let last: unknown;
  for (let i = 0; i < 200; i++) {
    try {
      const value = check();
      if (value) return value as NonNullable<T>;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

const nameOf = (el: Element) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();

/** The buttons in `scope` whose accessible name starts with `name`. */
export function buttons(scope: ParentNode, name: string): HTMLButtonElement[] {
  return [...scope.querySelectorAll('button')].filter((b) => nameOf(b).startsWith(name));
}

export function button(scope: ParentNode, name: string): HTMLButtonElement {
  const [b] = buttons(scope, name);
  if (!b) throw new Error(`no button "${name}"`);
  return b;
}

/** The field labelled exactly `label` in `scope`. */
export function field(scope: ParentNode, label: string): HTMLInputElement {
  const l = [...scope.querySelectorAll('label')].find((x) => x.textContent?.trim() === label);
  const el = l && scope.querySelector<HTMLInputElement>(`[id="${l.htmlFor}"]`);
  if (!el) throw new Error(`no field "${label}"`);
  return el;
}

/** The messages tied to a field through aria-describedby. */
export function describedBy(el: Element): string {
  return (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

export function region(scope: ParentNode, name: string): HTMLElement | null {
  return scope.querySelector<HTMLElement>(`[aria-label="${name}"]`);
}

/** Types into a field and lets Preact render it, as a person's next action would see it. */
export function type(el: HTMLInputElement, value: string): void {
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export const sentOf = (type: MessageType) => sent.filter((m) => m.type === type);

export function timerOn(
  key: string,
  title = `Title of ${key}`,
  startedAt = Date.now() - 65_000,
): Timer {
  return {
    id: `t-${key}`,
    issue: { origin: ORIGIN, projectId: 1, key, title },
    startedAt,
    note: '',
  };
}

export function entry(
  id: number,
  key: string,
  startedAt: Date,
  minutes: number,
  extra: Partial<Entry> = {},
): Entry {
  return {
    id,
    user_id: member.user.id,
    issue_id: 100 + id,
    project_id: 1,
    minutes_spent: minutes,
    started_at: startedAt.toISOString(),
    note: null,
    created_at: startedAt.toISOString(),
    issue_key: key,
    issue_title: `Title of ${key}`,
    ...extra,
  };
}
