// A missed size budget, explained: which packages and folders fill an entrypoint's files.
import { join } from 'node:path';
import { attribute } from './attribution';
import type { EntrypointSize } from './sizes';

/** "zod 25.7 KB, lib/outbox 9.1 KB, …": raw minified bytes per source group, largest first. */
export function attributeEntrypoint(
  size: EntrypointSize | undefined,
  mappedDir: string,
  root: string,
  top = 8,
): string {
  if (!size) return 'no source-mapped build';
  const totals = new Map<string, number>();
  for (const f of size.files) {
    if (!/\.m?js$/.test(f.file)) continue;
    for (const { group, bytes } of attribute(join(mappedDir, f.file), root)) {
      totals.set(group, (totals.get(group) ?? 0) + bytes);
    }
  }
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([group, bytes]) => `${group} ${(bytes / 1024).toFixed(1)} KB`)
    .join(', ');
}
