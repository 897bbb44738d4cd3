import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import en from '../../public/_locales/en/messages.json';
import { startIssueButton } from '../../lib/content/issue-button';
import { HOST_TAG } from '../../lib/content/button-dom';
import { CONNECTIONS_KEY, TIMER_KEY } from '../../lib/content/stored-state';
import { connectionsItem, timerItem } from '../../lib/storage';
import type { Connection, Timer } from '../../lib/types';

const ORIGIN = 'https://acme.kendo.dev';
const ISSUE_URL = `${ORIGIN}/projects/1/issues/KD-0042`;

const member: Connection = {
  origin: ORIGIN,
  tenant: 'acme',
  user: { id: 2, name: 'Mia Member' },
  canLog: true,
  checkedAt: 0,
  status: 'ok',
};

function timerOn(key: string, startedAt = Date.now() - 65_000): Timer {
  return { id: `t-${key}`, issue: { origin: ORIGIN, projectId: 1, key }, startedAt, note: '' };
}

let ctx: ContentScriptContext;
let sent: { type: string; data: unknown }[];

function hosts(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(HOST_TAG)];
}

function button(): HTMLButtonElement {
  const b = hosts()[0]?.shadowRoot?.querySelector('button');
  if (!b) throw new Error('no button');
  return b;
}

function text(): string {
  return button().textContent ?? '';
}

/** Kendo's issue page as the test server renders it: title and a toolbar. */
function renderIssue(key: string, title = `Title of ${key}`): void {
  document.body.replaceChildren();
  const h1 = document.createElement('h1');
  h1.dataset.testid = 'issue-title';
  h1.textContent = title;
  const toolbar = document.createElement('div');
  toolbar.dataset.testid = 'issue-toolbar';
  document.body.append(h1, toolbar);
}

async function until(check: () => boolean, what: string, ms = 500): Promise<void> {
  for (let i = 0; i < ms / 5; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function start(url = ISSUE_URL): Promise<void> {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
  renderIssue(new URL(url).pathname.split('/').pop() ?? '');
  ctx = new ContentScriptContext('kendo-test');
  await startIssueButton(ctx, window).ready;
}

beforeEach(async () => {
  fakeBrowser.reset();
  document.body.replaceChildren();
  fakeBrowser.i18n.getMessage = ((key: keyof typeof en, subs?: string[]) =>
    (en[key]?.message ?? '').replace(/\$(\d)/g, (_, n) => subs?.[Number(n) - 1] ?? '')) as never;
  sent = [];
  fakeBrowser.runtime.onMessage.addListener(((msg: { type: string; data: unknown }, _s, reply) => {
    sent.push(msg);
    reply(
      msg.type === 'startTimer'
        ? { ok: false, error: { kind: 'forbidden', message: 'Kendo said <b>no</b>.' } }
        : { ok: true, value: null },
    );
    return true;
  }) as Parameters<typeof fakeBrowser.runtime.onMessage.addListener>[0]);
  await connectionsItem.setValue({ active: ORIGIN, list: [member] });
});

afterEach(() => ctx?.notifyInvalidated());

describe('the issue-page button', () => {
  it('follows the same storage keys as lib/storage.ts', () => {
    expect(timerItem.key).toBe(`local:${TIMER_KEY}`);
    expect(connectionsItem.key).toBe(`local:${CONNECTIONS_KEY}`);
  });

  it('mounts one button in an open shadow root inside the issue toolbar', async () => {
    await start();
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]?.parentElement?.dataset.testid).toBe('issue-toolbar');
    expect(hosts()[0]?.shadowRoot?.mode).toBe('open');
    expect(text()).toMatch(/^Start timer/);
  });

  it('is not mounted on a page that is not an issue, and goes away when one is left', async () => {
    await start(`${ORIGIN}/projects/1`);
    expect(hosts()).toHaveLength(0);
    history.pushState({}, '', '/projects/1/issues/KD-0007');
    renderIssue('KD-0007');
    await until(() => hosts().length === 1, 'mount after pushState');
    // The old toolbar stays in the page: the button must go because the URL is no issue.
    history.pushState({}, '', '/');
    document.body.append(document.createElement('p'));
    await until(() => hosts().length === 0, 'unmount on home');
  });

  it('switches between Start and Stop as the stored timer changes, with the elapsed time', async () => {
    await start();
    expect(text()).toMatch(/^Start timer/);
    await timerItem.setValue(timerOn('KD-0042'));
    await until(() => text().startsWith('Stop timer'), 'Stop timer');
    expect(text()).toMatch(/^Stop timer\s*0:01:0\d$/);
    await timerItem.setValue(timerOn('KD-0099'));
    await until(() => text().startsWith('Start timer'), 'Start timer for another issue');
    expect(button().title).toContain('KD-0099');
    await timerItem.setValue(null);
    await until(() => button().title === '', 'no switch hint');
  });

  it('keeps a single host through repeated in-app navigation and re-renders', async () => {
    await start();
    for (const key of ['KD-0043', 'KD-0044', 'KD-0042', 'HW-0052']) {
      history.pushState({}, '', `/projects/1/issues/${key}`);
      renderIssue(key);
      await until(() => hosts()[0]?.dataset.issueKey === key, `button for ${key}`);
      expect(hosts()).toHaveLength(1);
      expect(hosts()[0]?.parentElement?.dataset.testid).toBe('issue-toolbar');
    }
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(hosts()).toHaveLength(1);
  });

  it('waits for the app to render after navigation before falling back to a corner button', async () => {
    await start();
    history.pushState({}, '', '/projects/1/issues/KD-0043');
    const loading = document.createElement('p');
    loading.textContent = 'Loading…';
    document.body.replaceChildren(loading);
    await new Promise((r) => setTimeout(r, 50));
    expect(hosts()).toHaveLength(0);
    renderIssue('KD-0043');
    await until(() => hosts()[0]?.dataset.placement === 'toolbar', 'the toolbar');
    // A page that never renders a toolbar or title still gets its button, in the corner.
    history.pushState({}, '', '/projects/1/issues/KD-0044');
    document.body.replaceChildren(loading);
    await until(() => hosts()[0]?.dataset.placement === 'fixed', 'the corner', 2000);
    expect(hosts()[0]?.dataset.issueKey).toBe('KD-0044');
  });

  it('offers to connect on a tenant that is not the connected one, and opens the options', async () => {
    await start('https://globex.kendo.dev/projects/1/issues/GP-0001');
    expect(text()).toBe('Connect Kendo Timer');
    button().click();
    await until(() => sent.length === 1, 'a message');
    expect(sent[0]).toEqual({ type: 'openOptions', data: {} });
  });

  it('tells a viewer that they cannot log time, and sends nothing', async () => {
    await connectionsItem.setValue({ active: ORIGIN, list: [{ ...member, canLog: false }] });
    await start();
    expect(button().getAttribute('aria-disabled')).toBe('true');
    const note = hosts()[0]?.shadowRoot?.getElementById(button().getAttribute('aria-describedby')!);
    expect(note?.textContent).toBe('A viewer cannot log time in Kendo.');
    button().click();
    await new Promise((r) => setTimeout(r, 20));
    expect(sent).toHaveLength(0);
  });

  it('sends startTimer with the issue and shows a failure as text', async () => {
    await start();
    button().click();
    const status = hosts()[0]?.shadowRoot?.querySelector('[role="status"]');
    await until(() => !!status?.textContent, 'the error');
    expect(sent[0]).toEqual({
      type: 'startTimer',
      data: { issue: { origin: ORIGIN, projectId: 1, key: 'KD-0042', title: 'Title of KD-0042' } },
    });
    expect(status?.textContent).toBe('Kendo said <b>no</b>.');
    expect(status?.querySelector('b')).toBeNull();
  });

  it('sends stopTimer with the running timer id', async () => {
    await timerItem.setValue(timerOn('KD-0042'));
    await start();
    button().click();
    await until(() => sent.length === 1, 'a message');
    expect(sent[0]).toEqual({ type: 'stopTimer', data: { timerId: 't-KD-0042' } });
  });

  it('removes its host and stops following storage when the extension goes away', async () => {
    await start();
    ctx.notifyInvalidated();
    expect(hosts()).toHaveLength(0);
    await timerItem.setValue(timerOn('KD-0042'));
    history.pushState({}, '', '/projects/1/issues/KD-0043');
    renderIssue('KD-0043');
    await new Promise((r) => setTimeout(r, 20));
    expect(hosts()).toHaveLength(0);
  });
});
