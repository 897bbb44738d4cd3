// A missed size budget, explained: which packages and folders fill an entrypoint's files.
import { join } from 'node:path';
import { attribute, gzipShare } from './attribution';
import type { EntrypointSize } from './sizes';

/** "zod 25.7 KB (gzip ≈ 8.1), …": minified bytes per source group, largest first. */
export function attributeEntrypoint(
  size: EntrypointSize | undefined,
  mappedDir: string,
  root: string,
  top = 8,
): string {
  if (!size) return 'no source-mapped build';
  const texts = new Map<string, string>();
  for (const f of size.files) {
    if (!/\.m?js$/.test(f.file)) continue;
    for (const [group, text] of attribute(join(mappedDir, f.file), root)) {
      texts.set(group, (texts.get(group) ?? '') + text);
    }
  }
  const kb = (n: number): string => (n / 1024).toFixed(1);
  return [...texts]
    .sort((a, b) => b[1].length - a[1].length)
    .slice(0, top)
    .map(([group, text]) => `${group} ${kb(text.length)} KB (gzip ≈ ${kb(gzipShare(text))})`)
    .join(', ');
}
