// The security review's claims, each shown in the real browser (docs/SECURITY.md names which test
// proves which claim): no page reaches the extension or its token, another tenant's page cannot
// act on ours, the token is shown nowhere, and the manifest asks for no more than it needs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { EXTENSION_DIR } from './extension';
import { TOKENS } from '../kendo-server/seed';
import { allMarkup, inContentScript, pageButton } from './pages/faults';

const START_ON_ACME = (kind: 'startTimer' | 'saveConnection') =>
  kind === 'startTimer'
    ? `chrome.runtime.sendMessage({ type: 'startTimer', data: { issue: { origin: 'https://acme.kendo.dev', projectId: 1, key: 'KD-0042' } } })`
    : `chrome.runtime.sendMessage({ type: 'saveConnection', data: { address: 'evil.test', token: 'x' } })`;

test('a page on another origin cannot message the extension nor make it send the token', async ({
  ext,
}) => {
  await ext.connect();
  const evil = await ext.context.newPage();
  await evil.goto('https://evil.test/projects/1/issues/KD-0042');
  await expect(evil.getByTestId('attacker')).toBeVisible();
  const kendo = await ext.openIssue('KD-0042');
  await expect(pageButton(kendo)).toBeVisible();

  // From the attacker's site and from Kendo's own page scripts (an XSS in Kendo) alike.
  for (const page of [evil, kendo]) {
    const outcome = await page.evaluate(async (id) => {
      const c = (
        globalThis as {
          chrome?: { runtime?: { sendMessage?: (id: string, m: unknown) => Promise<unknown> } };
        }
      ).chrome;
      if (!c?.runtime?.sendMessage) return 'no channel';
      try {
        const message = {
          type: 'startTimer',
          data: { issue: { origin: 'https://acme.kendo.dev', projectId: 1, key: 'KD-0042' } },
        };
        return `answered ${JSON.stringify(await c.runtime.sendMessage(id, message))}`;
      } catch (e) {
        return `refused: ${String(e)}`;
      }
    }, ext.id);
    expect(outcome).toMatch(/^(no channel|refused)/);
  }
  // The attacker's page gets no button either: the content script runs on Kendo only.
  await expect(evil.locator('kendo-timer-root')).toHaveCount(0);
  expect((await ext.storage()).timer ?? null).toBeNull();

  const withToken = ext.server.requests.filter((r) => r.headers.authorization);
  expect(withToken.length).toBeGreaterThan(0); // the connection check: the filter does see tokens
  expect(withToken.every((r) => r.tenant === 'acme')).toBe(true);
  expect(ext.server.requests.some((r) => r.tenant === 'evil.test')).toBe(true);
});

test('another tenant’s page offers to connect, and its content script cannot start a timer on acme', async ({
  ext,
}) => {
  await ext.connect();
  const globex = await ext.openIssue('GP-0001', 1, 'globex');
  await expect(pageButton(globex)).toHaveAccessibleName(/^Connect Kendo Timer/);

  const refused = await inContentScript(ext, globex, START_ON_ACME('startTimer'));
  expect(refused).toMatchObject({ ok: false, error: { kind: 'refused' } });
  expect((await ext.storage()).timer ?? null).toBeNull();

  // Control: the same request from acme's own page is accepted, so the refusal above was the
  // origin check, not a broken channel. A content script still may not reconnect the extension.
  const acme = await ext.openIssue('KD-0042');
  await expect(pageButton(acme)).toBeVisible();
  expect(await inContentScript(ext, acme, START_ON_ACME('startTimer'))).toMatchObject({ ok: true });
  expect(await inContentScript(ext, acme, START_ON_ACME('saveConnection'))).toMatchObject({
    ok: false,
    error: { kind: 'refused' },
  });
  expect(ext.server.apiRequests({ path: '/api/auth/user' }).every((r) => r.tenant === 'acme')).toBe(
    true,
  );
});

test('the token is never shown back, and no page’s DOM holds it', async ({ ext }) => {
  await ext.connect();
  const options = await ext.openOptions();
  await expect(options.getByText('Connected as Mia Member')).toBeVisible();
  await expect(options.getByRole('textbox', { name: 'API token' })).toHaveValue('');
  const popup = await ext.openPopup();
  await expect(popup.getByText(/Mia Member/)).toBeVisible();
  const kendo = await ext.openIssue('KD-0042');
  await expect(pageButton(kendo)).toBeVisible();
  for (const page of [options, popup, kendo]) {
    expect(await allMarkup(page)).not.toContain(TOKENS.member);
  }
  // The token is stored, by the background, for the one origin it belongs to.
  expect((await ext.storage()).tokens).toEqual({ 'https://acme.kendo.dev': TOKENS.member });
});

// WXT's `storage.defineItem` reads each item when it is defined: views that imported every item
// loaded the token too. They now read only their own keys (lib/storage-keys.ts); this holds it.
test('the popup and the options page never read the token from storage', async ({ ext }) => {
  await ext.context.addInitScript((token: string) => {
    type Area = { get: (...a: unknown[]) => unknown };
    const g = globalThis as { chrome?: { storage?: { local?: Area } } } & Record<string, unknown>;
    const area = g.chrome?.storage?.local;
    if (!area || location.protocol !== 'chrome-extension:') return;
    const get = area.get.bind(area);
    g.__reads = 0;
    g.__tokenReads = 0;
    const check = (items: unknown) => {
      g.__reads = (g.__reads as number) + 1;
      if (JSON.stringify(items ?? null).includes(token)) {
        g.__tokenReads = (g.__tokenReads as number) + 1;
      }
      return items;
    };
    area.get = (...args: unknown[]) => {
      const last = args[args.length - 1];
      if (typeof last === 'function') {
        return get(...args.slice(0, -1), (items: unknown) => last(check(items)));
      }
      return (get(...args) as Promise<unknown>).then(check);
    };
  }, TOKENS.member);

  await ext.connect();
  const options = await ext.openOptions();
  await expect(options.getByText('Connected as Mia Member')).toBeVisible();
  const popup = await ext.openPopup();
  await expect(popup.getByText(/Mia Member/)).toBeVisible();
  for (const page of [options, popup]) {
    const reads = await page.evaluate(() => {
      const g = globalThis as Record<string, unknown>;
      return { all: g.__reads, withToken: g.__tokenReads };
    });
    // The spy saw the view hydrate (so it was in place), and no read returned the token.
    expect(reads.all).toBeGreaterThan(0);
    expect(reads.withToken).toBe(0);
  }
});

test('the manifest asks for the documented permissions only, and loads no remote code', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    permissions?: string[];
    optional_permissions?: string[];
    host_permissions?: string[];
    content_scripts?: Array<{ matches: string[] }>;
    content_security_policy?: { extension_pages?: string };
    externally_connectable?: unknown;
    web_accessible_resources?: unknown;
  };
  expect([...(manifest.permissions ?? [])].sort()).toEqual(
    ['alarms', 'contextMenus', 'idle', 'notifications', 'storage'].sort(),
  );
  expect(manifest.optional_permissions ?? []).toEqual([]);
  expect(manifest.host_permissions).toEqual(['https://*.kendo.dev/*']);
  expect(manifest.content_scripts?.flatMap((c) => c.matches)).toEqual(['https://*.kendo.dev/*']);
  expect(manifest.externally_connectable).toBeUndefined();
  // Nothing of ours is loadable by a web page (which would let any site detect or frame it).
  expect(manifest.web_accessible_resources).toBeUndefined();
  const csp = manifest.content_security_policy?.extension_pages ?? '';
  expect(csp).not.toMatch(/https?:|\*|unsafe-eval|unsafe-inline/);

  // Every page loads its scripts from the package itself.
  const html = readdirSync(EXTENSION_DIR).filter((f) => f.endsWith('.html'));
  expect(html.length).toBeGreaterThan(0);
  for (const file of html) {
    const text = readFileSync(join(EXTENSION_DIR, file), 'utf8');
    const srcs = [...text.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
    expect(srcs.length).toBeGreaterThan(0);
    for (const src of srcs) expect(src).toMatch(/^\/?[\w./-]+$/);
  }
});
