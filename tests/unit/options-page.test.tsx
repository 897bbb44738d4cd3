import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../public/_locales/en/messages.json';
import { OptionsPage } from '../../components/options/options-page';
import { hydrateView } from '../../lib/ui/store';
import { connectionsItem, DEFAULT_SETTINGS, settingsItem, tokensItem } from '../../lib/storage';
import type { Connection } from '../../lib/types';
import type { MessageType, Result } from '../../lib/messages';

const ORIGIN = 'https://acme.kendo.dev';
const mia: Connection = {
  origin: ORIGIN,
  tenant: 'acme',
  user: { id: 2, name: 'Mia Member' },
  canLog: true,
  checkedAt: 1,
  status: 'ok',
};
const SECRET = 'eyJ-stored-secret-token';

type Sent = { type: MessageType; data: Record<string, unknown> };
let sent: Sent[];
let answer: (msg: Sent) => Promise<Result<unknown>> | Result<unknown>;
let container: HTMLElement;
let stop: () => void;

async function until<T>(check: () => T, what: string): Promise<NonNullable<T>> {
  for (let i = 0; i < 200; i++) {
    const v = check();
    if (v) return v as NonNullable<T>;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The control a <label> with exactly this text is for. */
function field<T extends HTMLElement = HTMLInputElement>(label: string): T {
  const l = [...container.querySelectorAll('label')].find((e) => e.textContent === label);
  const el = l && container.querySelector<T>(`#${l.htmlFor}`);
  if (!el) throw new Error(`no field labelled ${label}`);
  return el;
}

function buttons(name: string | RegExp): HTMLButtonElement[] {
  return [...container.querySelectorAll('button')].filter((b) =>
    typeof name === 'string' ? b.textContent === name : name.test(b.textContent ?? ''),
  );
}

function status(): string {
  return container.querySelector('.connection-status')?.textContent ?? '';
}

function describedText(el: HTMLElement): string {
  return (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => container.querySelector(`#${id}`)?.textContent ?? '')
    .join(' ');
}

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function commit(input: HTMLInputElement | HTMLSelectElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

async function mount(): Promise<void> {
  container = document.createElement('div');
  document.body.append(container);
  stop = await hydrateView();
  render(<OptionsPage />, container);
  await until(() => container.querySelector('.connection-status'), 'the page');
}

beforeEach(async () => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = ((key: keyof typeof en, subs?: string[]) =>
    (en[key]?.message ?? '').replace(/\$(\d)/g, (_, n) => subs?.[Number(n) - 1] ?? '')) as never;
  sent = [];
  answer = () => ({ ok: true, value: null });
  fakeBrowser.runtime.onMessage.addListener(((msg: Sent, _s, respond) => {
    sent.push(msg);
    void Promise.resolve(answer(msg)).then(respond);
    return true;
  }) as Parameters<typeof fakeBrowser.runtime.onMessage.addListener>[0]);
});

afterEach(() => {
  render(null, container);
  stop();
  container.remove();
});

describe('connection', () => {
  it('prefills the address but never the token, and never reads the stored token', async () => {
    await connectionsItem.setValue({ active: ORIGIN, list: [mia] });
    await tokensItem.setValue({ [ORIGIN]: SECRET });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await mount();
    expect(field('Kendo address').value).toBe('acme.kendo.dev');
    expect(field('API token').value).toBe('');
    expect(field('API token').type).toBe('password');
    expect(status()).toContain('Connected as Mia Member on acme.kendo.dev');
    expect(container.innerHTML).not.toContain(SECRET);
    const keysRead = get.mock.calls.flatMap((c) => [c[0]].flat());
    expect(keysRead.length).toBeGreaterThan(0);
    expect(keysRead).not.toContain('tokens');
  });

  it('checks the pair on Save, saying "Checking…" meanwhile, then names the user', async () => {
    let release: (r: Result<unknown>) => void = () => undefined;
    answer = () => new Promise((r) => (release = r));
    await mount();
    type(field('Kendo address'), 'acme');
    type(field('API token'), SECRET);
    buttons('Save')[0]!.click();
    const checking = await until(() => buttons('Checking…')[0], 'Checking…');
    expect(checking.disabled).toBe(true);
    expect(sent[0]).toEqual({ type: 'saveConnection', data: { address: 'acme', token: SECRET } });
    release({ ok: true, value: { ...mia, checkedAt: 5 } });
    await until(() => status().includes('Connected as Mia Member on acme.kendo.dev'), 'connected');
    expect(field('API token').value).toBe('');
    expect(buttons('Save')[0]!.disabled).toBe(false);
  });

  it('shows a refused token at its field and keeps the last working connection', async () => {
    await connectionsItem.setValue({ active: ORIGIN, list: [mia] });
    const message = 'Kendo did not accept this token.';
    answer = () => ({
      ok: false,
      error: { kind: 'unauthorized', message, fields: { token: [message] } },
    });
    await mount();
    type(field('API token'), 'wrong');
    buttons('Save')[0]!.click();
    const token = field('API token');
    await until(() => token.getAttribute('aria-invalid') === 'true', 'aria-invalid');
    expect(describedText(token)).toContain(message);
    expect(document.activeElement).toBe(token);
    expect(status()).toContain('Still connected as Mia Member on acme.kendo.dev');
    expect(field('Kendo address').getAttribute('aria-invalid')).toBeNull();
  });

  it('shows an error without a field in the status region', async () => {
    answer = () => ({ ok: false, error: { kind: 'network', message: 'The network is down.' } });
    await mount();
    type(field('Kendo address'), 'acme');
    type(field('API token'), SECRET);
    buttons('Save')[0]!.click();
    await until(() => status().includes('The network is down.'), 'the error');
    expect(status()).toContain('Not connected yet.');
  });

  it('refuses an empty token at its field without asking the background', async () => {
    await mount();
    type(field('Kendo address'), 'acme');
    type(field('API token'), '   ');
    buttons('Save')[0]!.click();
    const token = field('API token');
    await until(() => token.getAttribute('aria-invalid') === 'true', 'aria-invalid');
    expect(describedText(token)).toContain('Enter your personal access token.');
    expect(sent).toHaveLength(0);
  });

  it('says clearly that a viewer cannot log time', async () => {
    await connectionsItem.setValue({ active: ORIGIN, list: [{ ...mia, canLog: false }] });
    await mount();
    expect(status()).toMatch(/a viewer cannot log time in Kendo/);
  });

  it('lets the token be shown and hidden', async () => {
    await mount();
    const toggle = buttons('Show token')[0]!;
    toggle.click();
    await until(() => field('API token').type === 'text', 'shown');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    toggle.click();
    await until(() => field('API token').type === 'password', 'hidden');
  });

  it('has exactly one button whose name contains "Save"', async () => {
    await mount();
    expect(buttons(/Save/)).toHaveLength(1);
  });
});

describe('settings', () => {
  it('save themselves on change and say so', async () => {
    await mount();
    commit(field<HTMLSelectElement>('Rounding'), 'up');
    await until(() => sent.length === 1, 'saveSettings');
    expect(sent[0]).toEqual({
      type: 'saveSettings',
      data: { settings: { ...DEFAULT_SETTINGS, rounding: { mode: 'up', step: 1 } } },
    });
    await until(() => container.textContent?.includes('Saved'), 'Saved');
  });

  it('follow stored settings, and save a valid number', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, idle: { enabled: false, minutes: 20 } });
    await mount();
    expect(field('Detect idle time').checked).toBe(false);
    expect(field('Idle after (minutes)').value).toBe('20');
    commit(field('Remind after (hours)'), '1.5');
    await until(() => sent.length === 1, 'saveSettings');
    const saved = sent[0]!.data.settings as typeof DEFAULT_SETTINGS;
    expect(saved.reminder).toEqual({ enabled: true, hours: 1.5 });
    expect(saved.idle).toEqual({ enabled: false, minutes: 20 });
  });

  it('save a number when it is committed, not on every keystroke', async () => {
    await mount();
    type(field('Idle after (minutes)'), '3');
    commit(field('Remind after (hours)'), '2');
    await until(() => sent.length >= 1, 'saveSettings');
    expect(sent).toHaveLength(1);
    const saved = sent[0]!.data.settings as typeof DEFAULT_SETTINGS;
    expect(saved.idle.minutes).toBe(DEFAULT_SETTINGS.idle.minutes);
    expect(saved.reminder.hours).toBe(2);
    expect(field('Idle after (minutes)').value).toBe('3');
  });

  it('refuse an invalid number at its field and send nothing', async () => {
    await mount();
    const idle = field('Idle after (minutes)');
    commit(idle, '2.5');
    await until(() => idle.getAttribute('aria-invalid') === 'true', 'aria-invalid');
    expect(describedText(idle)).toContain('whole number of minutes from 1 to 240');
    expect(sent).toHaveLength(0);
    commit(idle, '15');
    await until(() => sent.length === 1, 'saveSettings');
    expect(idle.getAttribute('aria-invalid')).toBeNull();
  });
});
