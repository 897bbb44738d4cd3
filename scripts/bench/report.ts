// One table for people, the same rows in bench/results.json for machines and for comparing runs.
import type { Machine } from './machine';

export type Status = 'PASS' | 'FAIL' | 'INFO';

export interface Row {
  measure: string;
  unit: string;
  /** The median for timings; the measured value otherwise. null = could not be measured. */
  value: number | null;
  min?: number;
  max?: number;
  n?: number;
  budget?: string;
  status: Status;
  /** Why a row failed or what it stands on, in a few words. */
  note?: string;
}

/** PASS/FAIL against a budget; a missing value is a FAIL, never a silent skip. */
export function judge(value: number | null, ok: (v: number) => boolean): Status {
  return value !== null && ok(value) ? 'PASS' : 'FAIL';
}

const fmt = (v: number | null | undefined): string =>
  v === null || v === undefined ? '-' : Number.isInteger(v) ? String(v) : v.toFixed(1);

export function renderTable(machine: Machine & { loadBefore: number }, rows: Row[]): string {
  const head = ['measure', 'median/value', 'min', 'max', 'n', 'budget', 'result'];
  const body = rows.map((r) => [
    r.measure,
    `${fmt(r.value)} ${r.unit}`.trim(),
    fmt(r.min),
    fmt(r.max),
    fmt(r.n),
    r.budget ?? '',
    r.status,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [
    `Kendo Timer bench · ${new Date().toISOString()}`,
    `machine: ${machine.cpu} · ${machine.cores} cores · ${machine.memoryGiB} GiB · ${machine.os} · load ${machine.loadBefore}`,
    `         node ${machine.node} · ${machine.chromium}`,
    '',
    line(head),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
  ];
  const notes = rows.filter((r) => r.note);
  if (notes.length) out.push('', ...notes.map((r) => `• ${r.measure}: ${r.note}`));
  const misses = rows.filter((r) => r.status === 'FAIL');
  out.push(
    '',
    misses.length === 0
      ? 'All budgets met.'
      : `BUDGETS MISSED (${misses.length}): ${misses.map((r) => r.measure).join('; ')}`,
  );
  return out.join('\n');
}
