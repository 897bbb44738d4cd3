/** The one source of "now" for the extension. Tests replace it with `setClock`. */
let current: () => number = () => Date.now();

/** Milliseconds since the epoch, from the injectable clock. */
export function now(): number {
  return current();
}

/** Replace the clock (tests only); pass nothing to restore the real one. */
export function setClock(fn?: () => number): void {
  current = fn ?? (() => Date.now());
}
