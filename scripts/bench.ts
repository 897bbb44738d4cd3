// `npm run bench`: build the production extension, measure what its users feel (sizes, popup
// paint, the issue button following navigation, requests, heap) against the budgets of issue 6,
// print one table and write it to bench/results.json. A benchmark, not a test: it exits 0 when a
// budget is missed, and says so loudly. Method: bench/README.md.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildChrome } from './bench/build';
import { addBlankPage } from './bench/floor';
import { describeMachine } from './bench/machine';
import { renderTable } from './bench/report';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const log = (s: string): void => console.error(`• ${s}`);
const load = (): number => Math.round(loadavg()[0]! * 100) / 100;

async function main(): Promise<void> {
  const root = process.cwd();
  const work = mkdtempSync(join(tmpdir(), 'kendo-bench-build-'));
  try {
    log('Building the production extension (Chrome), and a copy with source maps…');
    await buildChrome(root, join(work, '.output'));
    await buildChrome(root, join(work, 'mapped'), true);
    addBlankPage(join(work, '.output/chrome-mv3'));
    const machine = { ...describeMachine(CHROMIUM), loadBefore: load() };
    // The harness reads which build to load when it is imported: point it at ours.
    process.env.KENDO_TIMER_BUILD = join(work, '.output/chrome-mv3');
    const { runBench } = await import('./bench/run');
    const { rows, details } = await runBench({ root, mappedDir: join(work, 'mapped/chrome-mv3') });
    const result = { ...machine, loadAfter: load() };
    const busy = Math.max(result.loadBefore, result.loadAfter) > result.cores;
    const table = renderTable(result, rows);
    console.log(table);
    if (busy) {
      console.log(
        `\nNOTE: load average ${result.loadBefore} → ${result.loadAfter} on ${result.cores} cores: ` +
          'other work shared the CPU, so timings are pessimistic. Run again on an idle machine.',
      );
    }
    mkdirSync(resolve(root, 'bench'), { recursive: true });
    writeFileSync(
      resolve(root, 'bench/results.json'),
      `${JSON.stringify({ at: new Date().toISOString(), machine: result, rows, details }, null, 2)}\n`,
    );
    console.error('\nWritten to bench/results.json');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
