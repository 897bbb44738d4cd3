// `npm run soak [-- --actions N --seed S --verbose]`: a seeded random sequence of timer, quick-log,
// edit and delete actions, sent through the extension's message protocol in Chromium against the
// Kendo-compatible server, with faults injected at random (5xx, 429, dropped connections, answers
// lost after the entry was stored, worker stops, browser restarts). At the end Kendo's entries are
// compared with a model of what it should hold. Exits non-zero unless nothing was lost, doubled
// or wrong. The same seed replays the same choices; what the extension does in between (which
// delivery a fault hits) follows real timing, as it would for a user.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKendoServer } from '../tests/kendo-server/index';
import { TOKENS, USERS } from '../tests/kendo-server/seed';
import { CHROMIUM, EXTENSION_DIR } from '../tests/e2e/extension';
import { Actions, type ActionName } from './soak/actions';
import { Driver } from './soak/driver';
import { Faults } from './soak/faults';
import { compare, Model } from './soak/model';
import { Rng } from './soak/prng';
import { settle } from './soak/settle';

interface Options {
  actions: number;
  seed: number;
  verbose: boolean;
}

function parseArgs(argv: string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.split('=')[1];
  };
  const int = (name: string, fallback: number): number => {
    const v = value(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} needs a whole number, not ${v}`);
    return n;
  };
  return {
    actions: Math.max(1, int('--actions', 200)),
    seed: int('--seed', Math.floor(Math.random() * 2 ** 31)),
    verbose: argv.includes('--verbose'),
  };
}

/** The newest modification time under `path` (a file or a folder). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((n) => newest(join(path, n))));
}

function buildIfStale(): void {
  const sources = ['entrypoints', 'lib', 'components', 'public', 'wxt.config.ts', 'package.json'];
  const built = existsSync(join(EXTENSION_DIR, 'manifest.json')) ? newest(EXTENSION_DIR) : 0;
  if (built > Math.max(...sources.map(newest))) return;
  console.log('building the extension (npx wxt build)…');
  const res = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (res.status !== 0) throw new Error('wxt build failed');
}

/** Where in the run the browser is restarted: once in a short run, twice in a long one. */
function restartPoints(rng: Rng, actions: number): Set<number> {
  const count = actions >= 100 ? 2 : actions >= 10 ? 1 : 0;
  const points = new Set<number>();
  while (points.size < count) {
    points.add(rng.int(Math.ceil(actions * 0.2), Math.floor(actions * 0.9)));
  }
  return points;
}

const POSTS: ActionName[] = ['stop', 'double-stop', 'switch', 'quick-log'];

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  console.log(`seed: ${opts.seed}`);
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}`);
  buildIfStale();
  const began = Date.now();
  const rng = new Rng(opts.seed);
  const server = await startKendoServer();
  const profile = mkdtempSync(join(tmpdir(), 'kendo-timer-soak-'));
  const d = await Driver.launch(server, profile);
  const log: string[] = [];
  const say = (line: string): void => {
    log.push(line);
    if (opts.verbose) console.log(line);
  };
  try {
    say(`connected through the ${await d.connect(TOKENS.member)}`);
    await d.must('refreshEntries', {});
    const model = new Model(`soak ${opts.seed} #`);
    const faults = new Faults(server, rng);
    const actions = new Actions(d, model, rng, faults);
    const restarts = restartPoints(rng, opts.actions);

    for (let i = 1; i <= opts.actions; i++) {
      const notes: string[] = [];
      if (restarts.has(i)) {
        const woke = await d.restart();
        notes.push(`browser restarted before${woke ? '' : ' (worker started by the popup)'}`);
      }
      const name = actions.choose();
      let stopAfter = rng.chance(0.08);
      if (POSTS.includes(name) && rng.chance(0.45)) {
        const kind = faults.create();
        notes.push(`POST ${kind}`);
        // A delayed answer is the moment to stop the worker: it dies with the request in flight.
        if (kind === 'delay') stopAfter ||= rng.chance(0.7);
      }
      if (POSTS.includes(name) && rng.chance(0.1)) {
        faults.lookup();
        notes.push('look-up fault');
      }
      if (name === 'edit' && rng.chance(0.4)) {
        faults.put();
        notes.push('PUT fault');
      }
      if ((name === 'delete' || name === 'delete-undo') && rng.chance(0.35)) {
        faults.delete();
        notes.push('DELETE fault');
      }
      if (rng.chance(0.06)) {
        await d.stopWorker();
        notes.push('worker stopped before');
      }
      let line: string;
      try {
        line = await actions.run(name);
      } catch (e) {
        line = `${name} FAILED: ${e instanceof Error ? e.message : String(e)}`;
        actions.errors.push(`#${i} ${line}`);
      }
      if (stopAfter) {
        await d.stopWorker();
        notes.push('worker stopped after');
      }
      say(`#${i} ${line}${notes.length ? ` [${notes.join(', ')}]` : ''}`);
    }
    const last = await actions.finish();
    if (last) say(`end: ${last}`);

    const settled = await settle(d, faults, 60_000);
    say(`settled in ${settled.ms} ms`);
    const verdict = compare(model, server.entries('acme'), USERS.member.id);
    const problems = [...actions.errors, ...settled.left, ...verdict.details];
    if (problems.length > 0 && !opts.verbose) for (const line of log) console.log(line);
    for (const p of problems) console.log(`PROBLEM ${p}`);
    const injected = [...faults.counts].map(([k, n]) => `${k} x${n}`).join(', ');
    console.log(`faults injected: ${injected || 'none'}`);
    console.log(`entries expected: ${[...model.byNote.values()].filter((e) => e.present).length}`);
    console.log(`time: ${((Date.now() - began) / 1000).toFixed(1)} s`);
    console.log(`seed: ${opts.seed}`);
    console.log(`actions: ${opts.actions}`);
    console.log(`lost: ${verdict.lost}`);
    console.log(`duplicated: ${verdict.duplicated}`);
    console.log(`minutes wrong: ${verdict.minutesWrong}`);
    const clean = verdict.lost + verdict.duplicated + verdict.minutesWrong === 0;
    return clean && problems.length === 0 ? 0 : 1;
  } finally {
    await d.close().catch(() => undefined);
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
