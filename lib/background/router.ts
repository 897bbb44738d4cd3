/**
 * The background's one message listener. Each request is checked against its sender and its
 * schema before its handler runs; every outcome goes back as a Result, never as a throw.
 */
import { browser, type Browser } from 'wxt/browser';
import type { Envelope, MessageType, Protocol, Req, Res, Result } from '../messages';
import { isKendoOrigin } from '../kendo/address';
import { toErrorData } from '../errors';
import { t } from '../i18n';
import { CONTENT_SCRIPT_MESSAGES, requestSchemas } from './validate';

export type Sender = Browser.runtime.MessageSender;
export type Handlers = {
  [K in MessageType]: (req: Req<K>, sender: Sender) => Promise<Res<K>>;
};

/** Where a message comes from: one of our pages, one of our content scripts on Kendo, or neither. */
export function senderKind(sender: Sender): 'extension' | 'content' | 'foreign' {
  if (sender.id !== browser.runtime.id) return 'foreign';
  const origin = sender.url ? safeOrigin(sender.url) : null;
  if (origin && origin === safeOrigin(browser.runtime.getURL('/'))) return 'extension';
  if (sender.tab && origin && isKendoOrigin(origin)) return 'content';
  return 'foreign';
}

function safeOrigin(u: string): string | null {
  try {
    return new URL(u).origin;
  } catch {
    return null;
  }
}

/** Handle one raw message; exported for unit tests with the fake browser. */
export async function dispatch(
  handlers: Handlers,
  raw: unknown,
  sender: Sender,
): Promise<Result<unknown>> {
  const kind = senderKind(sender);
  const msg = raw as Partial<Envelope>;
  const type = msg?.type;
  // Own keys only: `in` would let 'constructor' or 'toString' through to a schema that is not one.
  if (kind === 'foreign' || typeof type !== 'string' || !Object.hasOwn(requestSchemas, type)) {
    return { ok: false, error: { kind: 'refused', message: t('errRefused') } };
  }
  if (kind === 'content' && !CONTENT_SCRIPT_MESSAGES.has(type as MessageType)) {
    return { ok: false, error: { kind: 'refused', message: t('errRefused') } };
  }
  const data = msg.data as { issue?: { origin?: unknown } } | undefined;
  // A page's button may only act on an issue of its own tenant.
  if (kind === 'content' && data?.issue && data.issue.origin !== safeOrigin(sender.url ?? '')) {
    return { ok: false, error: { kind: 'refused', message: t('errRefused') } };
  }
  const parsed = requestSchemas[type as MessageType].safeParse(msg.data ?? {});
  if (!parsed.success) {
    return { ok: false, error: { kind: 'refused', message: t('errMalformed') } };
  }
  try {
    const handler = handlers[type as MessageType] as (r: unknown, s: Sender) => Promise<unknown>;
    return { ok: true, value: (await handler(parsed.data, sender)) ?? null };
  } catch (e) {
    return { ok: false, error: toErrorData(e) };
  }
}

/** Register the listener. Only messages from this extension are answered. */
export function registerRouter(handlers: Handlers): void {
  // sendResponse and `return true`, which Chrome and Firefox both take natively: the background
  // runs without the webextension polyfill (see wxt.config.ts), which is what lets a listener
  // return a promise on Chrome.
  browser.runtime.onMessage.addListener(
    (raw: unknown, sender: Sender, sendResponse: (res: Result<unknown>) => void) => {
      void dispatch(handlers, raw, sender).then(sendResponse);
      return true;
    },
  );
}

export type { Protocol };
