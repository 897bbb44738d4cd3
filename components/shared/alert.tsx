import { useState } from 'preact/hooks';
import type { Result } from '../../lib/messages';

/** A message about what just failed, read out by screen readers; nothing when there is none. */
export function Alert({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  return (
    <p class="error" role="alert">
      {text}
    </p>
  );
}

/**
 * The last failure of a request a control sent, to show in an {@link Alert}: cleared when the next
 * one succeeds. `run` resolves to whether it did.
 */
export function useFailure(): [
  string | null,
  (request: Promise<Result<unknown>>) => Promise<boolean>,
] {
  const [error, setError] = useState<string | null>(null);
  const run = async (request: Promise<Result<unknown>>) => {
    const res = await request;
    setError(res.ok ? null : res.error.message);
    return res.ok;
  };
  return [error, run];
}
