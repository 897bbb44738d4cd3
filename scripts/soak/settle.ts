// The end of a run: faults cleared, delivery asked for, and a bounded wait until nothing is on
// its way to Kendo any more (an empty outbox, no delete waiting or being sent).
import type { Driver, Stored } from './driver';
import type { Faults } from './faults';

const POLL_MS = 250;
/** How often delivery is asked for again while waiting (backoffs may have pushed it far out). */
const KICK_MS = 2000;

export interface Settled {
  ms: number;
  /** What still waited when the time was up, or what can never go without a person. */
  left: string[];
}

function stuck(s: Stored): string[] {
  return s.outbox
    .filter((x) => x.state === 'needs-user' || x.state === 'paused')
    .map((x) => `outbox ${x.state}: "${x.body.note}" (${x.lastError?.message ?? 'no reason'})`);
}

export async function settle(d: Driver, faults: Faults, timeoutMs: number): Promise<Settled> {
  faults.clear();
  const begin = Date.now();
  let kicked = 0;
  /** Failed deletes whose entry Kendo no longer lists (a lost answer to a DELETE that was done). */
  const gone = new Set<number>();
  for (;;) {
    if (Date.now() - kicked >= KICK_MS) {
      kicked = Date.now();
      await d.must('retryOutbox', {});
    }
    const s = await d.stored();
    for (const p of s.pendingDeletes) {
      if (p.state !== 'failed' || gone.has(p.entry.id)) continue;
      // The popup shows a failed delete; the user deletes again.
      const again = await d.send('deleteEntry', { entryId: p.entry.id });
      if (!again.ok) gone.add(p.entry.id);
    }
    const deleting = s.pendingDeletes.filter((p) => p.state !== 'deleted' && !gone.has(p.entry.id));
    const blocked = stuck(s);
    const moving = s.outbox.length - blocked.length + deleting.length;
    if (moving === 0 || Date.now() - begin > timeoutMs) {
      const left = [
        ...blocked,
        ...s.outbox
          .filter((x) => x.state !== 'needs-user' && x.state !== 'paused')
          .map((x) => `outbox ${x.state}: "${x.body.note}" after ${x.attempts} attempts`),
        ...deleting.map((p) => `delete ${p.state}: #${p.entry.id} "${p.entry.note}"`),
      ];
      return { ms: Date.now() - begin, left };
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
