// Production builds into a directory of the bench's own. Other engineers build into .output at
// the same time in this working tree; a shared output dir could change under a running browser.
import { build } from 'wxt';

// Only problems reach the terminal: the table is the output.
const quietLogger = new Proxy({} as Record<string, unknown>, {
  get: (_, key) =>
    key === 'fatal' || key === 'error' || key === 'warn'
      ? console.error.bind(console)
      : () => undefined,
}) as never;

export async function buildChrome(root: string, outDir: string, sourcemap = false): Promise<void> {
  await build({
    root,
    outDir,
    browser: 'chrome',
    mode: 'production',
    logger: quietLogger,
    ...(sourcemap && { vite: () => ({ build: { sourcemap: true } }) }),
  });
}
