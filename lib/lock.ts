/**
 * Runs state changes of the background one at a time, so two requests never interleave a
 * read-modify-write of the same storage item. Only guards one worker's memory: work that must
 * be exclusive across workers (delivery) also takes a lease in storage.
 * Never call it from inside `fn`: that waits on itself.
 */
let tail: Promise<unknown> = Promise.resolve();

export function serialize<T>(fn: () => Promise<T>): Promise<T> {
  const run = tail.then(() => fn());
  tail = run.catch(() => undefined);
  return run;
}
