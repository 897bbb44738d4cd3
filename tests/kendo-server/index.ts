// A Kendo-compatible HTTPS server for tests: every tenant https://{tenant}.kendo.dev,
// told apart by the Host header. Browsers reach it through
// --host-resolver-rules, Node through nodeFetchFor (node-fetch.ts).
//
// Transport rules that matter to tests:
// - Every response says `Connection: close` and the socket closes after it. Chromium
//   silently resends a request (POSTs too) when a reused keep-alive connection dies
//   before the answer; with no reuse, a dropped answer reaches the extension as the
//   network error it is, never as the browser's own retry.
// - The `Date` header comes from the server clock (with setClockOffset applied).
// - Faults see requests in arrival order; 'store-then-drop' and 'delay' process the
//   request when it arrives (a delayed POST is stored at once, answered later).
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { handleApi } from './api';
import { FaultQueue, faultReply, pathMatches } from './faults';
import { appPage, attackerPage, loginPage, noTenantPage } from './pages';
import { errorPage, type Reply } from './reply';
import { buildSeed, DEMO_TENANT } from './seed';
import { toWire, type TenantState } from './state';
import { kendoTime, parseKendoDate } from './time';
import type {
  Fault,
  KendoServer,
  RecordedRequest,
  StartOptions,
  StoredEntry,
  TimeEntry,
} from './types';

export type * from './types';
export { TOKENS, USERS, PROJECTS, ISSUES, TENANTS, DEMO_TENANT } from './seed';

// A path, not a URL: under happy-dom the global URL is not Node's, and fs refuses it.
const CERT_DIR = join(dirname(fileURLToPath(import.meta.url)), 'certs');
/** The test certificate (also its own CA): *.kendo.dev, kendo.dev, evil.test. */
export const CERT_PEM = readFileSync(join(CERT_DIR, 'cert.pem'), 'utf8');
const KEY_PEM = readFileSync(join(CERT_DIR, 'key.pem'), 'utf8');

const KENDO_HOST = /^([a-z0-9-]+)\.kendo\.dev$/;

function hostOf(req: IncomingMessage): string {
  return (req.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Laravel reads a JSON body only when the Content-Type says JSON; bad JSON = no input. */
function parseBody(
  text: string,
  contentType: string | undefined,
): { recorded: unknown; input: unknown } {
  if (!text) return { recorded: undefined, input: undefined };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const recorded = parsed === undefined ? text : parsed;
  if (/[/+]json/i.test(contentType ?? '')) return { recorded, input: parsed };
  if (/x-www-form-urlencoded/i.test(contentType ?? '')) {
    return { recorded, input: Object.fromEntries(new URLSearchParams(text)) };
  }
  return { recorded, input: undefined };
}

export async function startKendoServer(opts: StartOptions = {}): Promise<KendoServer> {
  const realNow = opts.now ?? Date.now;
  let offset = 0;
  const clock = (): number => realNow() + offset;
  let tenants: Record<string, TenantState> = buildSeed(clock());
  const revoked = new Set<string>();
  const faults = new FaultQueue();
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const send = (res: ServerResponse, rec: RecordedRequest, reply: Reply): void => {
    if (res.destroyed) return;
    rec.status = reply.status;
    res.shouldKeepAlive = false;
    res.setHeader('Date', new Date(clock()).toUTCString());
    res.setHeader('Connection', 'close');
    res.setHeader('Cache-Control', 'no-cache, private');
    if (reply.type) res.setHeader('Content-Type', reply.type);
    for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
    res.writeHead(reply.status);
    res.end(reply.body);
  };

  const route = (
    rec: RecordedRequest,
    host: string,
    input: unknown,
    headers: Record<string, string>,
  ): Reply => {
    const m = KENDO_HOST.exec(host);
    if (!m && host !== 'kendo.dev') return attackerPage(host, rec.path);
    const tenant = m ? tenants[rec.tenant] : undefined;
    const origin = `https://${host}`;
    if (rec.method === 'OPTIONS') {
      return { status: 204, headers: { Allow: 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS' } };
    }
    if (rec.path === '/api' || rec.path.startsWith('/api/')) {
      const { method, path, query } = rec;
      return handleApi({
        tenantName: rec.tenant,
        tenant,
        origin,
        method,
        path,
        query,
        headers,
        body: input,
        now: clock(),
        revoked,
      });
    }
    if (!tenant) return noTenantPage(host);
    if (rec.method === 'POST' && rec.path === '/login')
      return { status: 302, headers: { Location: `${origin}/` } };
    if (rec.method !== 'GET' && rec.method !== 'HEAD') return errorPage(405);
    if (rec.path === '/login') return loginPage(rec.tenant);
    return appPage(rec.tenant, tenant, rec.path);
  };

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'https://placeholder');
    const host = hostOf(req);
    const method = (req.method ?? 'GET').toUpperCase();
    const headers = flatHeaders(req);
    const rec: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      tenant: KENDO_HOST.exec(host)?.[1] ?? (host === 'kendo.dev' ? '' : host),
      headers,
      body: undefined,
      status: 0,
      at: realNow(),
    };
    requests.push(rec);
    const fault = faults.take(method, rec.path);
    let reply: Reply;
    try {
      const { recorded, input } = parseBody(await readBody(req), headers['content-type']);
      rec.body = recorded;
      if (fault?.kind === 'drop') return void req.socket.destroy();
      const replaced = fault && faultReply(fault, method);
      reply = replaced ?? route(rec, host, input, headers);
    } catch (err) {
      console.error('[kendo-server]', err);
      reply = {
        status: 500,
        body: JSON.stringify({ message: 'Server Error' }),
        type: 'application/json',
      };
    }
    if (fault?.kind === 'store-then-drop') return void req.socket.destroy();
    if (fault?.kind === 'delay') {
      const t = setTimeout(() => {
        timers.delete(t);
        send(res, rec, reply);
      }, fault.ms);
      timers.add(t);
      return;
    }
    send(res, rec, reply);
  };

  const server = createServer(
    { cert: CERT_PEM, key: KEY_PEM },
    (req, res) => void onRequest(req, res),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });

  const tenantOf = (name: string): TenantState => {
    const t = tenants[name];
    if (!t) throw new Error(`kendo-server: no tenant '${name}'`);
    return t;
  };

  return {
    port: (server.address() as AddressInfo).port,
    origin: (tenant = DEMO_TENANT) => `https://${tenant}.kendo.dev`,
    requests,
    apiRequests(filter = {}) {
      return requests.filter(
        (r) =>
          r.path.startsWith('/api/') &&
          (!filter.method || r.method === filter.method.toUpperCase()) &&
          (filter.path === undefined || pathMatches(filter.path, r.path)),
      );
    },
    fault: (f: Fault) => faults.add(f),
    clearFaults: () => faults.clear(),
    setClockOffset(ms) {
      offset = ms;
    },
    entries(tenant = DEMO_TENANT) {
      const t = tenantOf(tenant);
      return t.entries.map((e) => toWire(t, e));
    },
    addEntry(tenant, e): TimeEntry {
      const t = tenantOf(tenant);
      const issue = t.issues.find((i) => i.id === e.issue_id);
      if (!issue) throw new Error(`kendo-server: no issue id ${e.issue_id} in '${tenant}'`);
      const time = (v: string | null | undefined): string | null =>
        v === null ? null : kendoTime(v === undefined ? clock() : parseKendoDate(v));
      const stored: StoredEntry = {
        id: e.id ?? t.nextEntryId,
        user_id: e.user_id,
        issue_id: issue.id,
        project_id: issue.project_id,
        minutes_spent: e.minutes_spent,
        started_at: time(e.started_at),
        note: e.note ?? null,
        created_at: time(e.created_at ?? undefined) ?? kendoTime(clock()),
      };
      t.nextEntryId = Math.max(t.nextEntryId, stored.id + 1);
      t.entries.push(stored);
      return toWire(t, stored);
    },
    setIssueTitle(tenant, key, title) {
      const issue = tenantOf(tenant).issues.find((i) => i.key === key);
      if (!issue) throw new Error(`kendo-server: no issue ${key} in '${tenant}'`);
      issue.title = title;
    },
    revokeToken: (token) => void revoked.add(token),
    reset() {
      offset = 0;
      tenants = buildSeed(clock());
      revoked.clear();
      faults.clear();
      requests.length = 0;
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
