// API requests caused by stopping a timer: only the POST of its entry should reach Kendo.
import type { Page } from '@playwright/test';
import type { Extension } from '../../tests/e2e/extension';
import { ISSUE_A, must, storageUntil } from './setup';
import { apiRequestsDuring } from './quiet';

/**
 * Stops `times` timers (the running `timerId` first, then fresh ones started ten minutes back),
 * returning the requests each stop caused, until Kendo went quiet and the outbox was empty.
 */
export async function stopRequests(
  ext: Extension,
  control: Page,
  timerId: string,
  times: number,
): Promise<string[][]> {
  const out: string[][] = [];
  let id = timerId;
  for (let i = 0; i < times; i++) {
    if (i > 0) {
      const timer = (await must(control, 'startTimer', { issue: ISSUE_A })) as { id: string };
      await must(control, 'updateTimer', { timerId: timer.id, startedAt: Date.now() - 600_000 });
      id = timer.id;
    }
    out.push(
      await apiRequestsDuring(ext.server, async () => {
        await must(control, 'stopTimer', { timerId: id });
        await storageUntil(ext, (s) => !s.timer && (s.outbox ?? []).length === 0, 'the entry sent');
      }),
    );
  }
  return out;
}
