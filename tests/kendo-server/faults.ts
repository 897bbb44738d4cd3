// The fault queue: the first queued fault that matches a request is used up by it.
import { html, json, STATUS_MESSAGES, type Reply } from './reply';
import type { Fault } from './types';

/** Exact string, or a RegExp (lastIndex reset, so /g patterns behave). */
export function pathMatches(pattern: string | RegExp, path: string): boolean {
  if (typeof pattern === 'string') return pattern === path;
  pattern.lastIndex = 0;
  return pattern.test(path);
}

export class FaultQueue {
  private queue: Array<{ fault: Fault; left: number }> = [];

  add(fault: Fault): void {
    this.queue.push({ fault, left: fault.times ?? 1 });
  }

  clear(): void {
    this.queue = [];
  }

  take(method: string, path: string): Fault | undefined {
    const hit = this.queue.find(({ fault: { match } }) => {
      // A preflight must not use up a fault meant for the request itself.
      if (method === 'OPTIONS' && match.method?.toUpperCase() !== 'OPTIONS') return false;
      if (match.method && match.method.toUpperCase() !== method) return false;
      if (match.path === undefined) return true;
      return pathMatches(match.path, path);
    });
    if (!hit) return undefined;
    if (--hit.left <= 0) this.queue.splice(this.queue.indexOf(hit), 1);
    return hit.fault;
  }
}

/** The answer of a fault that replaces the request's processing, if any. */
export function faultReply(f: Fault, method: string): Reply | undefined {
  switch (f.kind) {
    case 'status': {
      const headers: Record<string, string> =
        f.retryAfter === undefined ? {} : { 'Retry-After': String(f.retryAfter) };
      if (typeof f.body === 'string') return html(f.status, f.body, headers);
      return json(f.status, f.body ?? { message: STATUS_MESSAGES[f.status] ?? 'Error' }, headers);
    }
    case 'html':
      // What a captive portal, a proxy or a login redirect hands back.
      return html(
        200,
        '<!doctype html><html><head><title>Kendo</title></head><body><h1>Log in</h1></body></html>',
      );
    case 'bad-shape':
      return json(method === 'POST' ? 201 : 200, { id: 'x', minutes_spent: 'lots' });
    default:
      return undefined;
  }
}
