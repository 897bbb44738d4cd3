// @vitest-environment node
// The router's gate: who may send what, and in which shape.
import { describe, expect, it } from 'vitest';
import { dispatch, senderKind, type Handlers, type Sender } from '../../lib/background/router';
import { handlers as realHandlers } from '../../lib/background/handlers';
import { timerItem } from '../../lib/storage';
import { KD42, useBackground } from './support/background';

useBackground();

const ID = 'test-extension-id';
const popup: Sender = { id: ID, url: `chrome-extension://${ID}/popup.html` };
const tab = { id: 7, index: 0, highlighted: true, active: true, pinned: false, incognito: false };
const content = (url = 'https://acme.kendo.dev/projects/1/issues/KD-0042'): Sender => ({
  id: ID,
  url,
  // The router reads only that a tab exists; the rest of a Tab does not matter here.
  tab: { ...tab, url } as NonNullable<Sender['tab']>,
});

/** Handlers that record what reached them, so the gate is tested apart from the services. */
function recording(): { calls: [string, unknown][]; handlers: Handlers } {
  const calls: [string, unknown][] = [];
  const handlers = new Proxy({} as Handlers, {
    get: (_t, type: string) => async (req: unknown) => {
      calls.push([type, req]);
      return { echoed: type };
    },
  });
  return { calls, handlers };
}

const REFUSED = { ok: false, error: { kind: 'refused', message: 'Request refused.' } };
const startKd42 = { type: 'startTimer', data: { issue: KD42 } };

describe('senderKind', () => {
  it.each<[string, Sender, string]>([
    ['our popup', popup, 'extension'],
    ['our options page', { id: ID, url: `chrome-extension://${ID}/options.html` }, 'extension'],
    ['our content script on a Kendo tab', content(), 'content'],
    ['another extension', { id: 'other-id', url: 'chrome-extension://other-id/x.html' }, 'foreign'],
    ['our id on a non-Kendo page', content('https://evil.test/kendo.dev'), 'foreign'],
    ['a Kendo look-alike', content('https://acme.kendo.dev.evil.test/'), 'foreign'],
    ['http Kendo', content('http://acme.kendo.dev/'), 'foreign'],
    ['no tab and a Kendo url', { id: ID, url: 'https://acme.kendo.dev/' }, 'foreign'],
    ['no url at all', { id: ID }, 'foreign'],
  ])('%s is %s', (_name, sender, kind) => {
    expect(senderKind(sender)).toBe(kind);
  });
});

describe('dispatch', () => {
  it('refuses foreign senders before any handler runs', async () => {
    const { calls, handlers } = recording();
    await expect(dispatch(handlers, startKd42, { id: 'other-id' })).resolves.toEqual(REFUSED);
    await expect(
      dispatch(handlers, startKd42, content('https://evil.test/projects/1/issues/KD-0042')),
    ).resolves.toEqual(REFUSED);
    expect(calls).toEqual([]);
  });

  it('refuses a content script asking for what only extension pages may ask', async () => {
    const { calls, handlers } = recording();
    for (const msg of [
      { type: 'saveConnection', data: { address: 'evil', token: 'x' } },
      { type: 'logTime', data: { issue: 'KD-42', minutes: 5, note: '' } },
      { type: 'discardOutbox', data: { localId: 'x' } },
      { type: 'deleteEntry', data: { entryId: 1003 } },
    ]) {
      await expect(dispatch(handlers, msg, content())).resolves.toEqual(REFUSED);
    }
    expect(calls).toEqual([]);
  });

  it("refuses a content script acting on another tenant's issue", async () => {
    const { calls, handlers } = recording();
    const globex = {
      ...startKd42,
      data: { issue: { ...KD42, origin: 'https://globex.kendo.dev' } },
    };
    await expect(dispatch(handlers, globex, content())).resolves.toEqual(REFUSED);
    expect(calls).toEqual([]);
  });

  it.each([
    ['no type', { data: {} }],
    ['an unknown type', { type: 'readToken', data: {} }],
    ['a type from Object.prototype', { type: 'constructor', data: {} }],
    ['another from Object.prototype', { type: 'toString', data: {} }],
    ['not an object', 'startTimer'],
    ['null', null],
  ])('refuses %s', async (_name, msg) => {
    const { calls, handlers } = recording();
    await expect(dispatch(handlers, msg, popup)).resolves.toMatchObject({
      ok: false,
      error: { kind: 'refused' },
    });
    expect(calls).toEqual([]);
  });

  it.each([
    ['a string project id', { type: 'startTimer', data: { issue: { ...KD42, projectId: '1' } } }],
    ['minutes of 0', { type: 'logTime', data: { issue: 'KD-42', minutes: 0, note: '' } }],
    ['a fractional entry id', { type: 'deleteEntry', data: { entryId: 1.5 } }],
    ['a note too long', { type: 'updateTimer', data: { timerId: 'x', note: 'n'.repeat(10_001) } }],
    ['a bad idle choice', { type: 'resolveIdle', data: { choice: 'maybe' } }],
    ['a missing body', { type: 'discardTimer' }],
  ])('refuses a malformed payload: %s', async (_name, msg) => {
    const { calls, handlers } = recording();
    await expect(dispatch(handlers, msg, popup)).resolves.toEqual({
      ok: false,
      error: { kind: 'refused', message: 'Malformed request.' },
    });
    expect(calls).toEqual([]);
  });

  it('passes good requests to their handler with the parsed data', async () => {
    const { calls, handlers } = recording();
    await expect(dispatch(handlers, startKd42, content())).resolves.toEqual({
      ok: true,
      value: { echoed: 'startTimer' },
    });
    await expect(
      dispatch(handlers, { type: 'refreshEntries', data: {} }, popup),
    ).resolves.toMatchObject({ ok: true });
    expect(calls).toEqual([
      ['startTimer', { issue: KD42 }],
      ['refreshEntries', {}],
    ]);
  });

  it('a content script starts a real timer; a thrown error comes back as data', async () => {
    const res = await dispatch(realHandlers, startKd42, content());
    expect(res).toMatchObject({ ok: true, value: { issue: { key: 'KD-0042' } } });
    expect(await timerItem.getValue()).not.toBeNull();
    const refused = await dispatch(
      realHandlers,
      { type: 'updateTimer', data: { timerId: 'nope', note: 'x' } },
      popup,
    );
    expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid' } });
  });

  it("refuses a content script stopping another tenant's timer", async () => {
    // Found in the security review: a globex page's script could stop acme's running timer.
    await dispatch(realHandlers, startKd42, popup);
    const globex = content('https://globex.kendo.dev/projects/1/issues/GP-0001');
    expect(await dispatch(realHandlers, { type: 'stopTimer', data: {} }, globex)).toEqual(REFUSED);
    expect(await timerItem.getValue()).not.toBeNull();
    const res = await dispatch(realHandlers, { type: 'stopTimer', data: {} }, content());
    expect(res).toMatchObject({ ok: true });
    expect(await timerItem.getValue()).toBeNull();
  });
});
