// What each entrypoint makes the browser load, followed through the built files, and its gzip
// size: the number that decides how fast a cold page or worker starts on a slow disk or CPU.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

export interface EntrypointSize {
  name: string;
  /** The budget in bytes of gzip, or null where we only report. */
  budget: number | null;
  files: FileSize[];
  raw: number;
  gzip: number;
}

// Static imports (`from"./x.js"`, `import"./x.js"`) and dynamic ones (`import("./x.js")`):
// a dynamic chunk is counted too, since the entrypoint asks for it in normal use.
const IMPORT_RE = /(?:\bfrom|\bimport)\s*\(?\s*["'`]([^"'`]+\.m?js)["'`]/g;
const HTML_ASSET_RE = /<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+\.(?:m?js|css))"/g;

function gzipBytes(buf: Buffer): number {
  return gzipSync(buf, { level: 9 }).length;
}

/** `ref` as seen from `fromFile` (both relative to `root`), or null if it leaves the build. */
function resolveRef(root: string, fromFile: string, ref: string): string | null {
  if (/^[a-z-]+:/i.test(ref)) return null;
  const path = ref.startsWith('/') ? normalize(ref.slice(1)) : join(dirname(fromFile), ref);
  const rel = relative(root, join(root, path));
  return rel.startsWith('..') ? null : rel;
}

/** Every file reached from `starts`, following JS imports transitively. */
export function closure(root: string, starts: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...starts];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    const abs = join(root, file);
    if (!existsSync(abs)) throw new Error(`bench: ${file} is referenced but not built`);
    seen.add(file);
    if (!/\.m?js$/.test(file)) continue;
    for (const m of readFileSync(abs, 'utf8').matchAll(IMPORT_RE)) {
      const next = resolveRef(root, file, m[1]!);
      if (next && !seen.has(next)) queue.push(next);
    }
  }
  return [...seen];
}

/** Scripts and stylesheets an HTML page of the build loads itself. */
export function htmlAssets(root: string, page: string): string[] {
  const html = readFileSync(join(root, page), 'utf8');
  const out: string[] = [];
  for (const m of html.matchAll(HTML_ASSET_RE)) {
    const ref = resolveRef(root, page, m[1]!);
    if (ref) out.push(ref);
  }
  return out;
}

function measure(root: string, name: string, budget: number | null, starts: string[]) {
  const files = closure(root, starts).map((file): FileSize => {
    const buf = readFileSync(join(root, file));
    return { file, raw: buf.length, gzip: gzipBytes(buf) };
  });
  const sum = (k: 'raw' | 'gzip'): number => files.reduce((n, f) => n + f[k], 0);
  return { name, budget, files, raw: sum('raw'), gzip: sum('gzip') } satisfies EntrypointSize;
}

interface Manifest {
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: { js?: string[]; css?: string[] }[];
  action?: { default_popup?: string };
  options_ui?: { page?: string };
}

export const SIZE_BUDGETS = { content: 10_240, popup: 30_720, background: 20_480 } as const;

/** The four entrypoints of the Chrome build in `root`, as the manifest names them. */
export function entrypointSizes(root: string): EntrypointSize[] {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Manifest;
  const content = (manifest.content_scripts ?? []).flatMap((c) => [
    ...(c.js ?? []),
    ...(c.css ?? []),
  ]);
  const bg = manifest.background?.service_worker
    ? [manifest.background.service_worker]
    : (manifest.background?.scripts ?? []);
  const popup = manifest.action?.default_popup ?? 'popup.html';
  const options = manifest.options_ui?.page ?? 'options.html';
  return [
    measure(root, 'content script', SIZE_BUDGETS.content, content),
    measure(root, 'popup', SIZE_BUDGETS.popup, htmlAssets(root, popup)),
    measure(root, 'background', SIZE_BUDGETS.background, bg),
    measure(root, 'options', null, htmlAssets(root, options)),
  ];
}
