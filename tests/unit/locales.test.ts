// @vitest-environment node
// The two locale files against each other and against the code that uses them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import nl from '../../public/_locales/nl/messages.json';

type Messages = Record<string, { message: string }>;
const root = fileURLToPath(new URL('../../', import.meta.url));
const locales: Record<string, Messages> = { en, nl };

/** The `$1`…`$9` a message fills in, sorted and once each. */
const placeholders = (text: string) => [...new Set(text.match(/\$\d/g) ?? [])].sort();

/** Every source file the built extension is made from (tests and scripts are not). */
function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((f) => {
    const path = join(dir, f.name);
    if (f.isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(f.name) ? [path] : [];
  });
}

describe.each(Object.entries(locales))('%s/messages.json', (lang, messages) => {
  const other: Messages = lang === 'en' ? nl : en;
  const keys = Object.keys(messages);

  it('has every key of the other locale', () => {
    expect(Object.keys(other).filter((key) => !(key in messages))).toEqual([]);
  });

  it('has names Chrome accepts and no empty message', () => {
    expect(keys.filter((key) => !/^[A-Za-z0-9_@]+$/.test(key))).toEqual([]);
    expect(keys.filter((key) => !messages[key]!.message.trim())).toEqual([]);
  });

  it('fills in the same $1…$9 as the other locale, and no other $', () => {
    const differ = keys.filter((key) => {
      const text = messages[key]!.message;
      const theirs = other[key]?.message ?? '';
      // lib/i18n.ts passes $1…$9 only: Chrome's named placeholders ($name$) or $$ would show raw.
      return (
        text.replace(/\$\d/g, '').includes('$') ||
        placeholders(text).join() !== placeholders(theirs).join()
      );
    });
    expect(differ).toEqual([]);
  });
});

describe('every English key', () => {
  const code = [...sources('components'), ...sources('entrypoints'), ...sources('lib')]
    .map((file) => readFileSync(join(root, file), 'utf8'))
    .concat(readFileSync(join(root, 'wxt.config.ts'), 'utf8'))
    .join('\n');

  it('is looked for in the sources the extension is built from', () => {
    expect(code).toContain("t('popupStartTimer')");
    expect(code).toContain('__MSG_extName__');
  });

  it('is used by the code or the manifest', () => {
    // A quoted key: t('key') or a key in a table of keys; __MSG_key__ in the manifest.
    const unused = Object.keys(en).filter(
      (key) => !new RegExp(`['"\`]${key}['"\`]|__MSG_${key}__`).test(code),
    );
    expect(unused).toEqual([]);
  });
});
