import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * Calls `onCommit` on the input's native `change` event: when the user leaves the field, presses
 * Enter or uses the spinner. Not `onChange`: zustand brings in preact/compat, which turns
 * `onChange` on inputs into `onInput` as React does, and a save per keystroke would echo back
 * through storage and overwrite what is still being typed.
 */
export function useCommit(onCommit: (value: string) => void): RefObject<HTMLInputElement> {
  const ref = useRef<HTMLInputElement>(null);
  const latest = useRef(onCommit);
  latest.current = onCommit;
  // Layout effect: attached before the browser paints, so no early change is missed.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const listener = (): void => latest.current(el.value);
    el.addEventListener('change', listener);
    return () => el.removeEventListener('change', listener);
  }, []);
  return ref as RefObject<HTMLInputElement>;
}
