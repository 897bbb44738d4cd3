// Which sources fill a built file, from its source map: the bytes of minified output each
// original file produced, grouped by npm package (or by our own folder). This is how a missed
// size budget is explained without a bundle visualizer.
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one line's segments of a v3 source map into [genColumn, sourceIndex?] pairs. */
function decodeLine(line: string, state: { src: number }): [number, number | undefined][] {
  const out: [number, number | undefined][] = [];
  let col = 0;
  for (const seg of line.split(',')) {
    if (!seg) continue;
    const fields: number[] = [];
    let value = 0;
    let shift = 0;
    for (const ch of seg) {
      const digit = B64.indexOf(ch);
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    col += fields[0] ?? 0;
    if (fields.length >= 4) state.src += fields[1]!;
    out.push([col, fields.length >= 4 ? state.src : undefined]);
  }
  return out;
}

/** 'zod', '@preact/signals', or our own folder ('lib/outbox'), for a path relative to the repo. */
export function groupOf(source: string): string {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = source.slice(nm + 13).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const ours = source.split('/');
  return ours.length > 2 ? `${ours[0]}/${ours[1]}` : ours[0]!;
}

/** The minified text each group produced in `jsFile` (with `jsFile.map` beside it). */
export function attribute(jsFile: string, root: string): Map<string, string> {
  const code = readFileSync(jsFile, 'utf8').split('\n');
  const map = JSON.parse(readFileSync(`${jsFile}.map`, 'utf8')) as {
    sources: string[];
    mappings: string;
  };
  const totals = new Map<string, string[]>();
  const add = (src: number | undefined, text: string): void => {
    const source = map.sources[src ?? -1];
    const group =
      source === undefined
        ? '(no source)'
        : groupOf(relative(root, resolve(dirname(jsFile), source)));
    const parts = totals.get(group) ?? [];
    parts.push(text);
    totals.set(group, parts);
  };
  const state = { src: 0 };
  map.mappings.split(';').forEach((line, i) => {
    const segs = decodeLine(line, state);
    const text = code[i] ?? '';
    segs.forEach(([col, src], j) => add(src, text.slice(col, segs[j + 1]?.[0] ?? text.length)));
  });
  return new Map([...totals].map(([group, parts]) => [group, parts.join('')]));
}

/**
 * gzip level 9 of each group's text on its own: an estimate of its share (gzip is not additive,
 * and a group compresses a little worse alone than inside the whole file).
 */
export function gzipShare(text: string): number {
  return gzipSync(Buffer.from(text), { level: 9 }).length;
}
