// Runs in the content script on every Kendo page: type-only imports, no runtime weight.
import type { DetectedIssue } from '../issue/detect';
import type { Connection, Timer } from '../types';

/**
 * What the issue-page button offers:
 * - connect: this tenant is not the connected one (or nothing is connected): open the options
 * - viewer: connected as a viewer, whom Kendo refuses every time-entry endpoint
 * - start: no timer, or one on another issue (`otherKey`), which starting stops and logs first
 * - stop: the timer runs on this issue
 */
export type ButtonState =
  | { mode: 'connect' }
  | { mode: 'viewer' }
  | { mode: 'start'; otherKey?: string }
  | { mode: 'stop'; timerId: string; startedAt: number };

export interface Connections {
  active: string | null;
  list: Connection[];
}

/** The button's state for `issue`, from the stored timer and connections alone. */
export function buttonState(
  issue: DetectedIssue,
  timer: Timer | null,
  connections: Connections,
): ButtonState {
  const conn = connections.list.find((c) => c.origin === connections.active);
  if (!conn || conn.origin !== issue.origin) return { mode: 'connect' };
  if (timer && sameIssue(timer, issue)) {
    return { mode: 'stop', timerId: timer.id, startedAt: timer.startedAt };
  }
  if (!conn.canLog) return { mode: 'viewer' };
  return timer ? { mode: 'start', otherKey: timer.issue.key } : { mode: 'start' };
}

function sameIssue(timer: Timer, issue: DetectedIssue): boolean {
  return (
    timer.issue.origin === issue.origin && timer.issue.key.toUpperCase() === issue.key.toUpperCase()
  );
}
