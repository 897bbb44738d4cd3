/** How long to wait before the next attempt, and how attempts are scheduled. */

const BASE_MS = 5_000;
const CAP_MS = 10 * 60_000;

/**
 * Exponential backoff with jitter: 5 s, 10 s, 20 s ... capped at 10 minutes, each drawn from
 * [half, full] of its step so that many clients do not retry in step. Kendo's Retry-After wins.
 */
export function nextDelayMs(attempts: number, retryAfterMs?: number, random = Math.random): number {
  if (retryAfterMs !== undefined && retryAfterMs > 0) return retryAfterMs;
  const step = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
