// The actions of a soak run: each one is what a user (or Chrome) does, sent through the real
// protocol, with the model updated from what was asked and what the extension answered.
import type { Driver } from './driver';
import type { Faults } from './faults';
import type { Model } from './model';
import type { Rng } from './prng';
import type { Entry } from '../../lib/types';

const ORIGIN = 'https://acme.kendo.dev';
/** Issues the member may log on (tests/kendo-server/seed.ts), with their projects. */
const ISSUES = [
  { key: 'KD-0042', projectId: 1 },
  { key: 'KD-0043', projectId: 1 },
  { key: 'KD-0044', projectId: 1 },
  { key: 'HW-0052', projectId: 3 },
  { key: 'HW-0053', projectId: 3 },
] as const;

export type ActionName =
  | 'start'
  | 'backdate'
  | 'stop'
  | 'double-stop'
  | 'switch'
  | 'quick-log'
  | 'edit'
  | 'delete'
  | 'delete-undo'
  | 'popup-opened';

interface Running {
  id: string;
  key: string;
  note: string;
  startedAt: number;
}

export class Actions {
  private running: Running | null = null;
  private notes = 0;
  /** Problems in the extension's answers (not in Kendo's data), one line each. */
  readonly errors: string[] = [];

  constructor(
    private readonly d: Driver,
    private readonly model: Model,
    private readonly rng: Rng,
    private readonly faults: Faults,
  ) {}

  get timerRunning(): boolean {
    return this.running !== null;
  }

  choose(): ActionName {
    const t = this.running !== null;
    return this.rng.weighted<ActionName>({
      start: t ? 0 : 30,
      backdate: t ? 8 : 0,
      stop: t ? 16 : 0,
      'double-stop': t ? 4 : 0,
      switch: t ? 12 : 0,
      'quick-log': t ? 12 : 20,
      edit: 10,
      delete: 7,
      'delete-undo': 2,
      'popup-opened': 3,
    });
  }

  /** Run one action; returns a line for the run's log. */
  async run(name: ActionName): Promise<string> {
    switch (name) {
      case 'start':
        return this.start();
      case 'backdate':
        return this.backdate();
      case 'stop':
        return this.stop(false);
      case 'double-stop':
        return this.stop(true);
      case 'switch':
        return this.switchIssue();
      case 'quick-log':
        return this.quickLog();
      case 'edit':
        return this.edit();
      case 'delete':
        return this.delete(false);
      case 'delete-undo':
        return this.delete(true);
      case 'popup-opened':
        return this.popupOpened();
    }
  }

  private nextNote(): string {
    return `${this.model.prefix}${++this.notes}`;
  }

  private issueOtherThan(key?: string): (typeof ISSUES)[number] {
    return this.rng.pick(ISSUES.filter((i) => i.key !== key));
  }

  /** A start 1 to 180 minutes (and some seconds) ago, so durations are meaningful. */
  private pastStart(): number {
    return Date.now() - this.rng.int(1, 180) * 60_000 - this.rng.int(0, 59) * 1000;
  }

  /** startTimer, then a note (always: entries are matched by note) and usually an earlier start. */
  private async begin(issue: (typeof ISSUES)[number]): Promise<Running> {
    const timer = await this.d.must('startTimer', { issue: { origin: ORIGIN, ...issue } });
    const note = this.nextNote();
    const startedAt = this.rng.chance(0.85) ? this.pastStart() : undefined;
    const t = await this.d.must('updateTimer', {
      timerId: timer.id,
      note,
      ...(startedAt !== undefined && { startedAt }),
    });
    return { id: t.id, key: issue.key, note, startedAt: t.startedAt };
  }

  private async start(): Promise<string> {
    this.running = await this.begin(this.issueOtherThan());
    return `start ${this.describe(this.running)}`;
  }

  private async backdate(): Promise<string> {
    const r = this.running as Running;
    const t = await this.d.must('updateTimer', { timerId: r.id, startedAt: this.pastStart() });
    r.startedAt = t.startedAt;
    return `backdate ${this.describe(r)}`;
  }

  private async stop(twice: boolean): Promise<string> {
    const r = this.running as Running;
    const t0 = Date.now();
    const stops = await Promise.all(
      Array.from({ length: twice ? 2 : 1 }, () => this.d.send('stopTimer', { timerId: r.id })),
    );
    const t1 = Date.now();
    this.running = null;
    const queued = stops.filter((s) => s.ok && s.value !== null).length;
    const refused = stops.filter((s) => !s.ok);
    if (queued !== 1 || refused.length > 0) {
      this.errors.push(`stop of ${r.note}: ${queued} entries queued, ${refused.length} refused`);
    }
    if (queued > 0) this.model.addTimer(r.note, r.key, r.startedAt, t0, t1);
    return `${twice ? 'double-stop' : 'stop'} ${this.describe(r, t1)}`;
  }

  private async switchIssue(): Promise<string> {
    const r = this.running as Running;
    const t0 = Date.now();
    const next = await this.begin(this.issueOtherThan(r.key));
    // The old timer ended inside startTimer, which is before updateTimer: t0 to now bounds it.
    this.model.addTimer(r.note, r.key, r.startedAt, t0, Date.now());
    this.running = next;
    return `switch ${this.describe(r, Date.now())} -> ${this.describe(next)}`;
  }

  private async quickLog(): Promise<string> {
    const key = this.rng.pick(['KD-0043', 'KD-0042', 'HW-0052']);
    const minutes = this.rng.int(1, 240);
    const note = this.nextNote();
    const startedAt = this.rng.chance(0.5)
      ? Date.now() - minutes * 60_000 - this.rng.int(0, 300) * 60_000
      : undefined;
    const res = await this.d.send('logTime', {
      issue: key,
      minutes,
      note,
      ...(startedAt !== undefined && { startedAt }),
    });
    if (!res.ok) {
      this.errors.push(`quick log ${note} refused: ${res.error.message}`);
      return `quick-log ${key} ${minutes}m "${note}" refused`;
    }
    this.model.add(note, key, minutes);
    return `quick-log ${key} ${minutes}m "${note}"`;
  }

  /** An entry of ours that Kendo has and the user sees in Today, not on its way out. */
  private async candidate(): Promise<Entry | null> {
    const s = await this.d.stored();
    const deleting = new Set(s.pendingDeletes.map((p) => p.entry.id));
    const list = (s.entries?.entries ?? []).filter(
      (e) =>
        this.model.isSoakNote(e.note) &&
        this.model.byNote.get(e.note)?.present === true &&
        !deleting.has(e.id),
    );
    return list.length ? this.rng.pick(list) : null;
  }

  private async edit(): Promise<string> {
    const e = await this.candidate();
    if (!e) return this.quickLog();
    const note = e.note as string;
    let minutes = this.rng.int(1, 600);
    if (minutes === e.minutes_spent) minutes++;
    const res = await this.d.send('updateEntry', {
      entryId: e.id,
      minutes,
      startedAt: Date.parse(e.started_at ?? e.created_at),
      note,
    });
    const puts = this.faults.newPuts();
    if (puts.length > 1) this.errors.push(`edit of ${note} sent ${puts.length} PUTs`);
    if (puts.some((p) => p.stored)) this.model.setMinutes(note, minutes);
    const outcome = res.ok ? 'ok' : `refused (${res.error.kind})`;
    return `edit #${e.id} "${note}" ${e.minutes_spent}m -> ${minutes}m ${outcome}`;
  }

  private async delete(undo: boolean): Promise<string> {
    const e = await this.candidate();
    if (!e) return this.quickLog();
    const note = e.note as string;
    await this.d.must('deleteEntry', { entryId: e.id });
    this.model.setPresent(note, false);
    if (!undo) return `delete #${e.id} "${note}"`;
    const res = await this.d.send('undoDelete', { entryId: e.id });
    // Undo within the window cancels the delete, and after it re-creates the entry: either way
    // the entry is there in the end. Only "being sent right now" leaves it deleted.
    if (res.ok) this.model.setPresent(note, true);
    return `delete+undo #${e.id} "${note}" ${res.ok ? 'undone' : `not undone (${res.error.message})`}`;
  }

  /** The popup opens while deliveries are asked for twice more: one delivery must run at a time. */
  private async popupOpened(): Promise<string> {
    await Promise.all([
      this.d.must('popupOpened', {}),
      this.d.must('retryOutbox', {}),
      this.d.must('retryOutbox', {}),
    ]);
    return 'popup-opened + 2x retryOutbox';
  }

  /** At the end: a timer still running is stopped, so its entry is part of the comparison. */
  async finish(): Promise<string | null> {
    return this.running ? this.stop(false) : null;
  }

  private describe(r: Running, at?: number): string {
    const mins = at === undefined ? '' : ` ${((at - r.startedAt) / 60_000).toFixed(2)}m`;
    return `${r.key} "${r.note}"${mins}`;
  }
}
