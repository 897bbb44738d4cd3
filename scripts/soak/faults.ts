// Faults the soak injects into the test server before an action. A fault waits in the server's
// queue for the first request it matches, so a POST fault may hit a later delivery: the model
// does not care when an entry arrives, only that it arrives once.
import type { Fault, KendoServer } from '../../tests/kendo-server/types';
import type { Rng } from './prng';

const CREATE = /\/issues\/[^/]+\/time-entries$/;
const ONE_ENTRY = /\/issues\/[^/]+\/time-entries\/\d+$/;

export type FaultKind =
  'status-503' | 'status-500' | 'status-429' | 'drop' | 'store-then-drop' | 'bad-shape' | 'delay';

function fault(kind: FaultKind, match: Fault['match']): Fault {
  switch (kind) {
    case 'status-503':
      return { match, kind: 'status', status: 503 };
    case 'status-500':
      return { match, kind: 'status', status: 500 };
    case 'status-429':
      return { match, kind: 'status', status: 429, retryAfter: 1 };
    case 'delay':
      // Stored at once, answered later: time for a worker stop to land mid-request.
      return { match, kind: 'delay', ms: 1500 };
    default:
      return { match, kind };
  }
}

/**
 * Faults on PUT requests, mirrored here in the server's order, so that the model knows whether
 * the PUT it sees in the server's log was stored (store-then-drop) or refused (the rest).
 */
export class Faults {
  private pendingPuts: FaultKind[] = [];
  private putsSeen = 0;
  readonly counts = new Map<string, number>();

  constructor(
    private readonly server: KendoServer,
    private readonly rng: Rng,
  ) {}

  private add(label: string, f: Fault): void {
    this.server.fault(f);
    this.counts.set(label, (this.counts.get(label) ?? 0) + 1);
  }

  /** A fault for the next POST of an entry: every kind, since delivery must survive them all. */
  create(): FaultKind {
    const kind = this.rng.pick<FaultKind>([
      'status-503',
      'status-500',
      'status-429',
      'drop',
      'store-then-drop',
      'store-then-drop',
      'bad-shape',
      'delay',
    ]);
    this.add(`POST ${kind}`, fault(kind, { method: 'POST', path: CREATE }));
    return kind;
  }

  /** A fault for the look-up an uncertain delivery makes before it resends. */
  lookup(): void {
    const kind = this.rng.pick<FaultKind>(['status-503', 'drop', 'status-429']);
    this.add(`GET look-up ${kind}`, fault(kind, { method: 'GET', path: CREATE }));
  }

  put(): void {
    const kind = this.rng.pick<FaultKind>(['status-503', 'status-429', 'drop', 'store-then-drop']);
    this.pendingPuts.push(kind);
    this.add(`PUT ${kind}`, fault(kind, { method: 'PUT', path: ONE_ENTRY }));
  }

  delete(): void {
    const kind = this.rng.pick<FaultKind>(['status-503', 'drop', 'store-then-drop']);
    this.add(`DELETE ${kind}`, fault(kind, { method: 'DELETE', path: ONE_ENTRY }));
  }

  /**
   * Whether the PUTs that reached the server since the last call were stored. Each used up the
   * oldest PUT fault still waiting, if any, as the server's queue does.
   */
  newPuts(): { stored: boolean }[] {
    const puts = this.server.apiRequests({ method: 'PUT', path: ONE_ENTRY });
    const fresh = puts.slice(this.putsSeen);
    this.putsSeen = puts.length;
    return fresh.map((r) => {
      const kind = this.pendingPuts.shift();
      if (kind !== undefined) return { stored: kind === 'store-then-drop' };
      return { stored: r.status >= 200 && r.status < 300 };
    });
  }

  clear(): void {
    this.server.clearFaults();
    this.pendingPuts = [];
  }
}
