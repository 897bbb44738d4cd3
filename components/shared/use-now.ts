import { useEffect, useState } from 'preact/hooks';

/** The current time, re-read every `everyMs`: views compute from timestamps, never count. */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}
