// The test server's rules, over real HTTPS from Node: if these hold, the end-to-end
// tests exercise the extension against the Kendo described in kendo-api.md.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startKendoServer, type KendoServer, type TimeEntry } from '../kendo-server/index';
import { nodeFetchFor } from '../kendo-server/node-fetch';
import { ISSUES, PROJECTS, TOKENS, USERS } from '../kendo-server/seed';

let server: KendoServer;
let f: typeof fetch;

beforeAll(async () => {
  server = await startKendoServer();
  f = nodeFetchFor(server);
});
afterAll(() => server.close());
beforeEach(() => server.reset());

interface Call {
  token?: string | null;
  tenant?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

async function api(method: string, path: string, c: Call = {}) {
  const headers: Record<string, string> = { Accept: 'application/json', ...c.headers };
  const token = c.token === undefined ? TOKENS.member : c.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (c.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await f(`${server.origin(c.tenant)}${path}`, {
    method,
    headers,
    body: c.body === undefined ? undefined : JSON.stringify(c.body),
    redirect: 'manual',
  });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: json stays undefined, the test looks at text */
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, headers: res.headers, text, json: json as any };
}

const KD42 = `/api/projects/1/issues/KD-0042`;
const entriesOf = (path: string) => `${path}/time-entries`;
const today = () => new Date().toISOString().slice(0, 10);

describe('auth and tenants', () => {
  it('401 without a token, with a wrong one and with a revoked one', async () => {
    for (const token of [null, 'nope', `${TOKENS.member}x`]) {
      const r = await api('GET', '/api/auth/user', { token });
      expect(r.status).toBe(401);
      expect(r.json).toEqual({ message: 'Unauthenticated.' });
    }
    expect((await api('GET', '/api/auth/user')).json).toMatchObject({ id: 2, name: 'Mia Member' });
    server.revokeToken(TOKENS.member);
    expect((await api('GET', '/api/auth/user')).status).toBe(401);
  });

  it('redirects to the login page when the client does not ask for JSON', async () => {
    const r = await api('GET', '/api/auth/user', { token: null, headers: { Accept: 'text/html' } });
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe('https://acme.kendo.dev/login');
  });

  it('isolates tenants: a token of one tenant is 401 on another', async () => {
    expect((await api('GET', '/api/auth/user', { token: TOKENS.otherTenant })).status).toBe(401);
    expect((await api('GET', '/api/auth/user', { tenant: 'globex' })).status).toBe(401);
    const g = await api('GET', '/api/auth/user', { tenant: 'globex', token: TOKENS.otherTenant });
    expect(g.json).toMatchObject({ id: USERS.otherTenant.id, name: 'Grace Globex' });
    const p = await api('GET', '/api/projects', { tenant: 'globex', token: TOKENS.otherTenant });
    expect(p.json).toEqual([PROJECTS.GP]);
    expect(server.entries('globex').map((e) => e.issue_key)).toEqual(['GP-0001']);
  });

  it('404 JSON for an unknown tenant, a page for a host outside kendo.dev', async () => {
    const r = await api('GET', '/api/auth/user', { tenant: 'nosuch' });
    expect(r.status).toBe(404);
    expect(r.json.message).toEqual(expect.any(String));
    const evil = await f('https://evil.test/api/auth/user');
    expect(evil.headers.get('content-type')).toMatch(/text\/html/);
    expect(await evil.text()).toContain('data-testid="attacker"');
  });

  it('Date header follows the server clock, offset included; every answer closes', async () => {
    server.setClockOffset(-3_600_000);
    const r = await api('GET', '/api/auth/user');
    const skew = Date.parse(r.headers.get('date') ?? '') - Date.now();
    expect(skew).toBeGreaterThan(-3_602_000);
    expect(skew).toBeLessThan(-3_598_000);
    expect(r.headers.get('connection')).toBe('close');
  });
});

describe('projects and issues', () => {
  it('lists only accessible projects; admins see all', async () => {
    expect((await api('GET', '/api/projects')).json).toEqual([PROJECTS.KD, PROJECTS.HW]);
    const admin = await api('GET', '/api/projects', { token: TOKENS.admin });
    expect(admin.json).toEqual([PROJECTS.KD, PROJECTS.HW, PROJECTS.SEC]);
  });

  it('finds an issue by id or key; 404 elsewhere and outside the teams', async () => {
    const byKey = await api('GET', KD42);
    expect(byKey.json).toMatchObject({
      id: 142,
      key: 'KD-0042',
      title: ISSUES['KD-0042'].title,
      project_id: 1,
    });
    expect((await api('GET', '/api/projects/1/issues/142')).json.key).toBe('KD-0042');
    expect((await api('GET', '/api/projects/3/issues/KD-0042')).status).toBe(404);
    expect((await api('GET', '/api/projects/1/issues/KD-9999')).status).toBe(404);
    expect((await api('GET', '/api/projects/7/issues/SEC-0001')).status).toBe(404);
    expect(
      (await api('GET', '/api/projects/7/issues/SEC-0001', { token: TOKENS.admin })).status,
    ).toBe(200);
  });

  it('my issues: open ones assigned to the user, in a {data, meta} envelope', async () => {
    const r = await api('GET', '/api/issues/my');
    expect(r.json.data.map((i: { key: string }) => i.key)).toEqual([
      'KD-0042',
      'KD-0043',
      'KD-0007',
      'HW-0052',
    ]);
    expect(r.json.meta).toMatchObject({ current_page: 1, total: 4 });
  });

  it('searches across accessible projects and within one', async () => {
    const all = await api('GET', '/api/issues/search?q=rotate');
    expect(all.json.data).toEqual([]);
    const admin = await api('GET', '/api/issues/search?q=rotate', { token: TOKENS.admin });
    expect(admin.json.data[0].key).toBe('SEC-0001');
    const inHw = await api('GET', '/api/projects/3/issues/search?q=printer');
    expect(inHw.json.data.map((i: { key: string }) => i.key)).toEqual(['HW-0052']);
    expect((await api('GET', '/api/projects/7/issues/search?q=x')).status).toBe(404);
  });
});

describe('time-entry search', () => {
  const search = (q: string, token?: string) => api('GET', `/api/time-entries${q}`, { token });

  it('requires both dates as Y-m-d, end on or after start', async () => {
    const none = await search('');
    expect(none.status).toBe(422);
    expect(Object.keys(none.json.errors)).toEqual(['start_date', 'end_date']);
    expect(none.json.message).toBe('The start date field is required. (and 1 more error)');
    const bad = await search('?start_date=2026-02-30&end_date=03/01/2026');
    expect(bad.json.errors.start_date[0]).toMatch(/format Y-m-d/);
    expect(bad.json.errors.end_date[0]).toMatch(/format Y-m-d/);
    const backwards = await search('?start_date=2026-03-02&end_date=2026-03-01');
    expect(backwards.status).toBe(422);
    expect(backwards.json.errors).toEqual({
      end_date: ['The end date field must be a date after or equal to start date.'],
    });
  });

  it('returns every user’s entries in accessible projects, by started_at ?? created_at', async () => {
    const d = today();
    const r = await search(`?start_date=${d}&end_date=${d}`);
    expect(r.status).toBe(200);
    const rows = r.json as TimeEntry[];
    expect(rows.map((e) => [e.user_id, e.issue_key]).sort()).toEqual([
      [4, 'HW-0052'],
      [4, 'KD-0042'],
    ]);
    expect(rows.find((e) => e.issue_key === 'HW-0052')?.started_at).toBeNull();
    const wide = await search('?start_date=2000-01-01&end_date=2100-01-01');
    expect(wide.json.some((e: TimeEntry) => e.project_id === 7)).toBe(false);
    const admin = await search('?start_date=2000-01-01&end_date=2100-01-01', TOKENS.admin);
    expect(admin.json.some((e: TimeEntry) => e.project_id === 7)).toBe(true);
    const hw = await search('?start_date=2000-01-01&end_date=2100-01-01&project_id=3');
    expect(new Set(hw.json.map((e: TimeEntry) => e.project_id))).toEqual(new Set([3]));
  });
});

describe('time entries of an issue', () => {
  const post = (body: unknown, token?: string, path = KD42) =>
    api('POST', entriesOf(path), { body, token });

  it('creates: 201 with exactly the documented fields', async () => {
    const r = await post({
      minutes_spent: 25,
      note: 'Pairing',
      started_at: '2026-01-05T09:15:30.123Z',
    });
    expect(r.status).toBe(201);
    expect(Object.keys(r.json).sort()).toEqual(
      [
        'created_at',
        'id',
        'issue_id',
        'issue_key',
        'issue_title',
        'minutes_spent',
        'note',
        'project_id',
        'started_at',
        'user_id',
      ].sort(),
    );
    expect(r.json).toMatchObject({
      user_id: 2,
      issue_id: 142,
      project_id: 1,
      minutes_spent: 25,
      note: 'Pairing',
      started_at: '2026-01-05T09:15:30.000000Z',
      issue_key: 'KD-0042',
      issue_title: 'Add pagination to issues list',
    });
    expect(r.json.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000000Z$/);
    const none = await post({ minutes_spent: 5 });
    expect(none.json).toMatchObject({ started_at: null, note: null });
    const list = await api('GET', entriesOf(KD42));
    expect(list.json.map((e: TimeEntry) => e.id)).toContain(r.json.id);
  });

  it.each([
    [{ minutes_spent: 0 }, 'The minutes spent field must be at least 1.'],
    [{ minutes_spent: 1.5 }, 'The minutes spent field must be an integer.'],
    [{ minutes_spent: '90' }, 'The minutes spent field must be an integer.'],
    [{ note: 'x' }, 'The minutes spent field is required.'],
  ])('422 on minutes %j', async (body, message) => {
    const r = await post(body);
    expect(r.status).toBe(422);
    expect(r.json).toEqual({ message, errors: { minutes_spent: [message] } });
  });

  it('422 when started_at is after the server’s now (device ahead of the server)', async () => {
    server.setClockOffset(-120_000);
    const r = await post({ minutes_spent: 5, started_at: new Date().toISOString() });
    expect(r.status).toBe(422);
    expect(r.json.errors.started_at).toEqual([
      'The started at field must be a date before or equal to now.',
    ]);
    const ok = await post({
      minutes_spent: 5,
      started_at: new Date(Date.now() - 180_000).toISOString(),
    });
    expect(ok.status).toBe(201);
    expect(
      (await post({ minutes_spent: 5, started_at: 'yesterday-ish' })).json.errors.started_at,
    ).toEqual(['The started at field must be a valid date.']);
  });

  it('note: at most 10000 characters', async () => {
    const long = await post({ minutes_spent: 5, note: 'x'.repeat(10_001) });
    expect(long.status).toBe(422);
    expect(long.json.errors.note).toEqual([
      'The note field must not be greater than 10000 characters.',
    ]);
    expect((await post({ minutes_spent: 5, note: 'x'.repeat(10_000) })).status).toBe(201);
  });

  it('reads the body only as JSON when the Content-Type says so', async () => {
    const r = await f(`${server.origin()}${entriesOf(KD42)}`, {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${TOKENS.member}`,
        'Content-Type': 'text/plain',
      },
      body: JSON.stringify({ minutes_spent: 5 }),
    });
    expect(r.status).toBe(422);
    expect(server.requests.at(-1)?.body).toEqual({ minutes_spent: 5 });
  });

  it('viewer: 403 on every time-entry endpoint; read-only token: 403 on writes', async () => {
    const v = TOKENS.viewer;
    expect(
      (
        await api('GET', '/api/time-entries?start_date=2026-01-01&end_date=2026-01-02', {
          token: v,
        })
      ).status,
    ).toBe(403);
    expect((await api('GET', entriesOf(KD42), { token: v })).status).toBe(403);
    expect((await post({ minutes_spent: 5 }, v)).json).toEqual({
      message: 'This action is unauthorized.',
    });
    expect(
      (await api('PUT', `${entriesOf(KD42)}/1003`, { token: v, body: { minutes_spent: 5 } }))
        .status,
    ).toBe(403);
    expect((await api('DELETE', `${entriesOf(KD42)}/1003`, { token: v })).status).toBe(403);
    expect((await api('GET', KD42, { token: v })).status).toBe(200);
    expect((await post({ minutes_spent: 5 }, TOKENS.memberReadOnly)).status).toBe(403);
  });

  it('team scoping: 404 for a project outside the member’s teams', async () => {
    expect(
      (await post({ minutes_spent: 5 }, undefined, '/api/projects/7/issues/SEC-0001')).status,
    ).toBe(404);
    expect(
      (await post({ minutes_spent: 5 }, TOKENS.admin, '/api/projects/7/issues/701')).status,
    ).toBe(201);
    expect(
      (await post({ minutes_spent: 5 }, undefined, '/api/projects/1/issues/KD-9999')).status,
    ).toBe(404);
  });

  it('update and delete: own entries only, admins any; DELETE is 204', async () => {
    const own = `${entriesOf(KD42)}/1003`;
    const otto = `${entriesOf(KD42)}/1001`;
    const put = await api('PUT', own, { body: { minutes_spent: 90, note: null } });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({
      id: 1003,
      minutes_spent: 90,
      note: null,
      started_at: expect.any(String),
    });
    expect((await api('PUT', own, { body: { minutes_spent: 0 } })).status).toBe(422);
    expect((await api('PUT', otto, { body: { minutes_spent: 1 } })).status).toBe(403);
    expect((await api('DELETE', otto)).status).toBe(403);
    expect(
      (await api('PUT', otto, { token: TOKENS.admin, body: { minutes_spent: 1 } })).status,
    ).toBe(200);
    expect(
      (
        await api('PUT', `${entriesOf('/api/projects/1/issues/KD-0043')}/1003`, {
          body: { minutes_spent: 1 },
        })
      ).status,
    ).toBe(404);
    const del = await api('DELETE', own);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expect((await api('DELETE', own)).status).toBe(404);
    expect((await api('DELETE', otto, { token: TOKENS.admin })).status).toBe(204);
    expect(server.entries().map((e) => e.id)).not.toContain(1001);
  });
});

describe('faults', () => {
  const create = () => api('POST', entriesOf(KD42), { body: { minutes_spent: 7 } });
  const stored = () => server.entries().filter((e) => e.minutes_spent === 7).length;

  it('status: the given status (and Retry-After), request not processed, connection closed', async () => {
    server.fault({ match: { method: 'POST' }, kind: 'status', status: 429, retryAfter: 3 });
    const r = await create();
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('3');
    expect(r.headers.get('connection')).toBe('close');
    expect(r.json).toEqual({ message: 'Too Many Attempts.' });
    expect(stored()).toBe(0);
    expect((await create()).status).toBe(201);
  });

  it('status with times and a path RegExp; a string body is sent as is', async () => {
    server.fault({
      match: { path: /time-entries$/ },
      times: 2,
      kind: 'status',
      status: 502,
      body: '<h1>Bad gateway</h1>',
    });
    expect((await create()).text).toBe('<h1>Bad gateway</h1>');
    expect((await api('GET', entriesOf(KD42))).status).toBe(502);
    expect((await api('GET', KD42)).status).toBe(200);
    expect((await create()).status).toBe(201);
  });

  it('html: 200 with a page instead of JSON', async () => {
    server.fault({ match: { path: '/api/auth/user' }, kind: 'html' });
    const r = await api('GET', '/api/auth/user');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    expect(r.json).toBeUndefined();
  });

  it('bad-shape: 201 JSON of the wrong shape, not stored', async () => {
    server.fault({ match: { method: 'POST' }, kind: 'bad-shape' });
    const r = await create();
    expect(r.status).toBe(201);
    expect(r.json).toEqual({ id: 'x', minutes_spent: 'lots' });
    expect(stored()).toBe(0);
  });

  it('drop: no answer and nothing stored', async () => {
    server.fault({ match: { method: 'POST' }, kind: 'drop' });
    await expect(create()).rejects.toThrow();
    expect(stored()).toBe(0);
    expect(server.apiRequests({ method: 'POST' })).toHaveLength(1);
    expect(server.apiRequests({ method: 'POST' })[0]?.status).toBe(0);
  });

  it('store-then-drop: no answer, but the entry is stored', async () => {
    server.fault({ match: { method: 'POST' }, kind: 'store-then-drop' });
    await expect(create()).rejects.toThrow();
    expect(stored()).toBe(1);
    expect(server.apiRequests({ method: 'POST' })).toHaveLength(1);
  });

  it('delay: a normal answer, late', async () => {
    server.fault({ match: { method: 'POST' }, kind: 'delay', ms: 300 });
    const t0 = Date.now();
    const r = await create();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    expect(r.status).toBe(201);
  });

  it('OPTIONS does not use up a fault; clearFaults empties the queue', async () => {
    server.fault({ match: { path: KD42 }, kind: 'status', status: 500 });
    expect((await f(`${server.origin()}${KD42}`, { method: 'OPTIONS' })).status).toBe(204);
    expect((await api('GET', KD42)).status).toBe(500);
    server.fault({ match: {}, kind: 'status', status: 500 });
    server.clearFaults();
    expect((await api('GET', KD42)).status).toBe(200);
  });
});

describe('nodeFetchFor', () => {
  it('takes strings, URLs and Request objects of any realm', async () => {
    const headers = { Accept: 'application/json', Authorization: `Bearer ${TOKENS.member}` };
    const url = `${server.origin()}/api/auth/user`;
    expect((await f(new URL(url), { headers })).status).toBe(200);
    expect((await f(new Request(url, { headers }))).status).toBe(200);
    const post = new Request(`${server.origin()}${entriesOf(KD42)}`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ minutes_spent: 4 }),
    });
    expect((await f(post)).status).toBe(201);
  });

  it('fails like an unreachable Kendo for hosts it does not route', async () => {
    await expect(f('https://kendo.invalid/api/auth/user')).rejects.toThrow();
  });
});

describe('recording and test controls', () => {
  it('records method, path, query, tenant, headers, body and status in order', async () => {
    await api('GET', '/api/time-entries?start_date=2026-01-01&end_date=2026-01-31');
    await api('POST', entriesOf(KD42), { body: { minutes_spent: 3 } });
    const [a, b] = server.apiRequests();
    expect(a).toMatchObject({
      method: 'GET',
      path: '/api/time-entries',
      tenant: 'acme',
      status: 200,
    });
    expect(a?.query).toEqual({ start_date: '2026-01-01', end_date: '2026-01-31' });
    expect(a?.headers.authorization).toBe(`Bearer ${TOKENS.member}`);
    expect(b).toMatchObject({ method: 'POST', body: { minutes_spent: 3 }, status: 201 });
    expect(server.apiRequests({ method: 'post', path: entriesOf(KD42) })).toEqual([b]);
  });

  it('addEntry, setIssueTitle and reset', async () => {
    const e = server.addEntry('acme', {
      user_id: 2,
      issue_id: 352,
      minutes_spent: 15,
      note: 'seeded',
    });
    expect(e).toMatchObject({ project_id: 3, issue_key: 'HW-0052', note: 'seeded' });
    server.setIssueTitle('acme', 'HW-0052', 'Renamed');
    expect(server.entries().find((x) => x.id === e.id)?.issue_title).toBe('Renamed');
    expect((await api('GET', '/api/projects/3/issues/HW-0052')).json.title).toBe('Renamed');
    server.revokeToken(TOKENS.member);
    server.reset();
    expect(server.requests).toHaveLength(0);
    expect(server.entries().find((x) => x.id === e.id)).toBeUndefined();
    expect((await api('GET', '/api/projects/3/issues/HW-0052')).json.title).toBe(
      ISSUES['HW-0052'].title,
    );
  });
});

describe('web pages', () => {
  it('an issue page shows the title as text, never as markup', async () => {
    const r = await f(`${server.origin()}/projects/1/issues/KD-0007`);
    expect(r.status).toBe(200);
    const page = await r.text();
    expect(page).toContain(
      '<h1 data-testid="issue-title">Export &lt;b&gt;CSV&lt;/b&gt; &lt;script&gt;window.__pwned=1&lt;/script&gt;</h1>',
    );
    expect(page).not.toContain('<script>window.__pwned');
    expect(page).toContain('href="/projects/3/issues/HW-0052"');
  });

  it('404 pages for unknown issues and tenants', async () => {
    expect((await f(`${server.origin()}/projects/1/issues/KD-9999`)).status).toBe(404);
    expect((await f(`${server.origin('nosuch')}/`)).status).toBe(404);
  });
});
