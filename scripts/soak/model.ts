// What Kendo should hold at the end of a soak run, by note, and the comparison with what it holds.
import type { TimeEntry } from '../../tests/kendo-server/types';

export interface Expected {
  key: string;
  minutes: number;
  /** How far Kendo's minutes may be from `minutes` before they count as wrong. */
  tolerance: number;
  /** false once the soak deleted it (and did not take the delete back). */
  present: boolean;
}

/** Minutes a timer logs for `ms` of work: the extension's default rule, nearest minute, at least 1. */
export function timerMinutes(ms: number): number {
  return Math.max(1, Math.round(ms / 60_000));
}

export class Model {
  readonly byNote = new Map<string, Expected>();

  constructor(readonly prefix: string) {}

  add(note: string, key: string, minutes: number, tolerance = 0): void {
    if (this.byNote.has(note)) throw new Error(`soak: note used twice: ${note}`);
    this.byNote.set(note, { key, minutes, tolerance, present: true });
  }

  /**
   * A timer stopped somewhere in [t0, t1] (the request and its answer, by the clock the browser
   * shares with us). The extension reads its clock at some unknown moment in between, and a real
   * clock can sit right at a minute boundary, so one minute either way is not counted as wrong:
   * the tolerance is 1 minute beyond what [t0, t1] allows.
   */
  addTimer(note: string, key: string, startedAt: number, t0: number, t1: number): void {
    const lo = timerMinutes(t0 - startedAt);
    const hi = timerMinutes(t1 - startedAt);
    this.add(note, key, Math.round((lo + hi) / 2), Math.ceil((hi - lo) / 2) + 1);
  }

  setMinutes(note: string, minutes: number): void {
    const e = this.get(note);
    e.minutes = minutes;
    e.tolerance = 0;
  }

  setPresent(note: string, present: boolean): void {
    this.get(note).present = present;
  }

  get(note: string): Expected {
    const e = this.byNote.get(note);
    if (!e) throw new Error(`soak: no expected entry with note ${note}`);
    return e;
  }

  isSoakNote(note: string | null): note is string {
    return note !== null && note.startsWith(this.prefix);
  }
}

export interface Verdict {
  lost: number;
  duplicated: number;
  minutesWrong: number;
  /** One line per problem, for a person to follow up. */
  details: string[];
}

/**
 * Lost: expected and absent (or present only on another issue). Duplicated: every entry beyond
 * the first with one note, and any soak entry not expected (never made, or deleted). Minutes
 * wrong: further from the expected minutes than the entry's tolerance.
 */
export function compare(model: Model, entries: TimeEntry[], userId: number): Verdict {
  const v: Verdict = { lost: 0, duplicated: 0, minutesWrong: 0, details: [] };
  const found = new Map<string, TimeEntry[]>();
  for (const e of entries) {
    if (!model.isSoakNote(e.note)) continue;
    if (e.user_id !== userId)
      v.details.push(`entry ${e.id} (${e.note}) belongs to user ${e.user_id}`);
    found.set(e.note, [...(found.get(e.note) ?? []), e]);
  }
  for (const [note, list] of found) {
    const want = model.byNote.get(note);
    if (!want || !want.present) {
      v.duplicated += list.length;
      const why = want ? 'was deleted' : 'was never made';
      v.details.push(`unexpected: ${note} ${why}, Kendo has ${ids(list)}`);
      continue;
    }
    if (list.length > 1) {
      v.duplicated += list.length - 1;
      v.details.push(`duplicated: ${note} x${list.length} ${ids(list)}`);
    }
  }
  for (const [note, want] of model.byNote) {
    if (!want.present) continue;
    const list = found.get(note) ?? [];
    const onIssue = list.filter((e) => e.issue_key === want.key);
    if (onIssue.length === 0) {
      v.lost++;
      const elsewhere = list.length ? ` (found on ${list.map((e) => e.issue_key).join(', ')})` : '';
      v.details.push(`lost: ${note} on ${want.key}, ${want.minutes} min${elsewhere}`);
      continue;
    }
    // A doubled entry is counted once, as duplicated: one right copy is enough here.
    if (!onIssue.some((e) => Math.abs(e.minutes_spent - want.minutes) <= want.tolerance)) {
      v.minutesWrong++;
      const has = onIssue.map((e) => e.minutes_spent).join(', ');
      v.details.push(
        `minutes wrong: ${note} has ${has}, expected ${want.minutes} ±${want.tolerance}`,
      );
    }
  }
  return v;
}

function ids(list: TimeEntry[]): string {
  return `[${list.map((e) => `#${e.id} ${e.minutes_spent}m`).join(', ')}]`;
}
