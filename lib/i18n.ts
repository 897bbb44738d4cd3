/**
 * Every string the user sees goes through here, from public/_locales/{en,nl}/messages.json.
 * `$1`…`$9` in a message are replaced by `subs`.
 */
import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const text = browser.i18n.getMessage(key, subs.map(String));
  return text || key;
}
