/**
 * WXT's fake browser has no `i18n.getMessage` (it throws "not mocked"), so every unit test gets
 * one that reads the English locale file, the language the tests assert in.
 */
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../public/_locales/en/messages.json';

const messages: Record<string, { message: string } | undefined> = en;

/** browser.i18n.getMessage over the English messages: `$1`…`$9` filled, '' for an unknown key. */
export function englishMessage(key: string, subs?: string | string[]): string {
  const list = subs === undefined ? [] : [subs].flat();
  return (messages[key]?.message ?? '').replace(/\$(\d)/g, (_, n) => list[Number(n) - 1] ?? '');
}

/** Puts {@link englishMessage} on the fake browser; a test may replace it for its own checks. */
export function installEnglish(): void {
  fakeBrowser.i18n.getMessage = englishMessage as typeof fakeBrowser.i18n.getMessage;
}

// fakeBrowser.reset() leaves i18n alone today, but a test may have replaced or spied on it.
installEnglish();
beforeEach(installEnglish);
