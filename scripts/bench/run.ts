// The measurements of `npm run bench`, run with the working directory set to the bench's own
// build (the e2e harness loads the extension from ./.output/chrome-mv3 of the working directory).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKendoServer } from '../../tests/kendo-server/index';
import { EXTENSION_DIR, Extension } from '../../tests/e2e/extension';
import { entrypointSizes } from './sizes';
import { summarize, type Timing } from './stats';
import { judge, type Row } from './report';
import { midDayState } from './setup';
import { openPopupOnce, type PopupOpen } from './popup';
import { openBlankOnce } from './floor';
import { measureNavigation } from './navigation';
import { heapWalk, heapWithoutExtension } from './heap';
import { stopRequests } from './stops';
import { attributeEntrypoint } from './attribute-sizes';

const RUNS = 20;
const log = (s: string): void => console.error(`• ${s}`);

function sizeRows(mappedDir: string, root: string): Row[] {
  const mapped = new Map(entrypointSizes(mappedDir).map((s) => [s.name, s]));
  return entrypointSizes(EXTENSION_DIR).map((s) => ({
    measure: `gzip size: ${s.name}`,
    unit: 'KB',
    value: Math.round((s.gzip / 1024) * 10) / 10,
    budget: s.budget === null ? 'report' : `≤ ${s.budget / 1024} KB`,
    status: s.budget === null ? 'INFO' : judge(s.gzip, (v) => v <= s.budget!),
    note: [
      s.files.map((f) => `${f.file} ${(f.gzip / 1024).toFixed(1)}`).join(', '),
      s.budget !== null && s.gzip > s.budget
        ? `minified bytes by source: ${attributeEntrypoint(mapped.get(s.name), mappedDir, root)}`
        : '',
    ]
      .filter(Boolean)
      .join('; '),
  }));
}

function timingRow(measure: string, t: Timing | null, budgetMs: number, note?: string): Row {
  return {
    measure,
    unit: 'ms',
    value: t?.median ?? null,
    min: t?.min,
    max: t?.max,
    n: t?.n,
    budget: `median ≤ ${budgetMs} ms`,
    status: judge(t?.median ?? null, (v) => v <= budgetMs),
    note,
  };
}

/** Where an open's time goes: the document and scripts, then storage, render and paint. */
function phaseSummary(opens: PopupOpen[]): string {
  const dcl = opens.flatMap((o) => {
    const v = o.phases?.domContentLoaded;
    return typeof v === 'number' && o.paintedMs !== null ? [[v, o.paintedMs - v]] : [];
  });
  if (dcl.length === 0) return 'no phase timings';
  const med = (xs: number[]): number => summarize(xs).median;
  const busy = opens.flatMap((o) => {
    const v = o.phases?.taskMs;
    return typeof v === 'number' ? [v] : [];
  });
  return (
    `median ${med(dcl.map((d) => d[0]!))} ms to DOMContentLoaded (document, module scripts run), ` +
    `then ${med(dcl.map((d) => d[1]!))} ms to the mark (storage read, render, paint); ` +
    (busy.length ? `main thread busy ${med(busy)} ms (median) per open` : '')
  );
}

/** Runs one part of the bench; a part that breaks becomes a FAIL row, not a lost run. */
async function part(name: string, fn: () => Promise<Row[]>): Promise<Row[]> {
  try {
    return await fn();
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    return [
      { measure: name, unit: '', value: null, status: 'FAIL', note: `not measured: ${message}` },
    ];
  }
}

/** Every row of the bench, and the raw data behind them. */
export async function runBench(opts: {
  root: string;
  mappedDir: string;
}): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  const rows: Row[] = sizeRows(opts.mappedDir, opts.root);
  const details: Record<string, unknown> = { sizes: entrypointSizes(EXTENSION_DIR) };

  const server = await startKendoServer();
  const profile = mkdtempSync(join(tmpdir(), 'kendo-bench-'));
  const ext = await Extension.launch({ server, userDataDir: profile, headless: true });
  try {
    log('Connecting and setting up a running timer with today’s entries…');
    await ext.connect();
    const control = await ext.openOptions();
    const { timerId } = await midDayState(ext, control);

    rows.push(
      ...(await part('popup open → painted from cache', async () => {
        log(`Opening the popup ${RUNS + 1} times (the first is not timed)…`);
        const first = await openPopupOnce(ext);
        const opens = [];
        for (let i = 0; i < RUNS; i++) opens.push(await openPopupOnce(ext));
        details.popup = { first, opens };
        const painted = opens.flatMap((o) => (o.paintedMs === null ? [] : [o.paintedMs]));
        log(`Opening a blank page of the extension ${RUNS} times (the platform's floor)…`);
        const blank: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const ms = await openBlankOnce(ext);
          if (ms !== null) blank.push(ms);
        }
        details.blankPage = blank;
        const incomplete = opens.filter((o) => !o.showedTimer || o.todayItems < 2).length;
        const perOpen = opens.map((o) => o.apiRequests.length);
        const kinds = [...new Set(opens.flatMap((o) => o.apiRequests))].join(', ') || 'none';
        return [
          timingRow(
            'popup open → painted from cache',
            painted.length ? summarize(painted) : null,
            50,
            painted.length < RUNS
              ? `${RUNS - painted.length} opens never set the kendo-timer:painted mark`
              : incomplete
                ? `${incomplete} opens marked before the timer and today's entries were in the DOM`
                : `every mark saw the running timer and today's entries; ${phaseSummary(opens)}`,
          ),
          ...(blank.length && painted.length
            ? [
                {
                  measure: 'floor: a blank extension page → first paint',
                  unit: 'ms',
                  value: summarize(blank).median,
                  min: summarize(blank).min,
                  max: summarize(blank).max,
                  n: blank.length,
                  budget: 'report',
                  status: 'INFO' as const,
                  note:
                    `any page of the extension, opened the same way, paints no sooner; the popup ` +
                    `adds ${Math.round((summarize(painted).median - summarize(blank).median) * 10) / 10} ms ` +
                    `(median) to it`,
                },
              ]
            : []),
          {
            measure: 'API requests per popup open (after the first)',
            unit: '',
            value: Math.max(...perOpen),
            min: Math.min(...perOpen),
            max: Math.max(...perOpen),
            n: perOpen.length,
            budget: '≤ 1',
            status: judge(Math.max(...perOpen), (v) => v <= 1),
            note: `first open: ${first.apiRequests.length}; requests seen: ${kinds}`,
          },
        ];
      })),
    );

    rows.push(
      ...(await part('in-app navigation → button shows new issue', async () => {
        log(`Navigating between issues ${RUNS} times…`);
        const nav = await measureNavigation(ext, RUNS);
        details.navigation = nav;
        const notes = [
          nav.signal === 'host'
            ? "the button's text and aria-label never name the issue: timed by its host's data-issue-key"
            : nav.signal === null
              ? 'no button named the issue after page load'
              : '',
          nav.misses ? `${nav.misses} navigations never showed the new issue` : '',
        ].filter(Boolean);
        return [
          timingRow(
            'in-app navigation → button shows new issue',
            nav.samples.length ? summarize(nav.samples) : null,
            100,
            notes.join('; ') || undefined,
          ),
        ];
      })),
    );

    let withExt: number | null = null;
    rows.push(
      ...(await part('heap (with extension)', async () => {
        log('Heap walk with the extension…');
        const page = await ext.openIssue('KD-0042');
        try {
          const walk = await heapWalk(page, true, RUNS);
          details.heapWithExtension = walk;
          withExt = walk.peak;
        } finally {
          await page.close();
        }
        return [];
      })),
    );

    rows.push(
      ...(await part('API requests per timer stop', async () => {
        log('Stopping timers…');
        const stops = await stopRequests(ext, control, timerId, 5);
        details.stops = stops;
        const counts = stops.map((s) => s.length);
        const kinds = [...new Set(stops.flat())].join(', ') || 'none';
        return [
          {
            measure: 'API requests per timer stop',
            unit: '',
            value: Math.max(...counts),
            min: Math.min(...counts),
            max: Math.max(...counts),
            n: counts.length,
            budget: '= 1 (the POST)',
            status:
              counts.every((c) => c === 1) && stops.every((s) => s[0]?.startsWith('POST '))
                ? 'PASS'
                : 'FAIL',
            note: `requests seen: ${kinds}`,
          },
        ];
      })),
    );
    await ext.close();

    rows.push(
      ...(await part('peak JS heap added by the content script', async () => {
        log('Heap walk without the extension…');
        const plain = await heapWithoutExtension(server, RUNS);
        details.heapWithoutExtension = plain;
        if (withExt === null) throw new Error('the walk with the extension failed');
        const added = withExt - plain.peak;
        return [
          {
            measure: 'peak JS heap added by the content script',
            unit: 'KB',
            value: Math.round(added / 102.4) / 10,
            budget: 'report',
            status: 'INFO',
            note: `peaks after GC over ${RUNS} navigations: ${(withExt / 1048576).toFixed(2)} MB with, ${(plain.peak / 1048576).toFixed(2)} MB without`,
          },
        ];
      })),
    );
  } finally {
    await ext.close().catch(() => undefined);
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }

  return { rows, details };
}
