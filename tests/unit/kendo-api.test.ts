// @vitest-environment node
// The client against the Kendo-compatible server, over real HTTPS (node fetch, not a DOM one).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKendoApi, type KendoApiOptions } from '../../lib/kendo/api';
import { KendoError } from '../../lib/kendo/errors';
import { startKendoServer, type KendoServer } from '../kendo-server/index';
import { nodeFetchFor } from '../kendo-server/node-fetch';
import { TOKENS, USERS } from '../kendo-server/seed';

const ENTRIES = /\/time-entries/;
let server: KendoServer;
let fetchFn: typeof fetch;

beforeAll(async () => {
  server = await startKendoServer();
  fetchFn = nodeFetchFor(server);
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function api(token: string = TOKENS.member, extra: Partial<KendoApiOptions> = {}) {
  return createKendoApi({ baseUrl: server.origin('acme'), token, fetch: fetchFn, ...extra });
}

async function failure(p: Promise<unknown>): Promise<KendoError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(KendoError);
  return e as KendoError;
}

const day = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const week = { startDate: day(-10), endDate: day(1) };

describe('success paths', () => {
  it('getUser returns the token owner, with auth and Accept sent', async () => {
    await expect(api().getUser()).resolves.toEqual({
      id: USERS.member.id,
      name: USERS.member.name,
      email: USERS.member.email,
    });
    const [req] = server.apiRequests();
    expect(req?.headers.authorization).toBe(`Bearer ${TOKENS.member}`);
    expect(req?.headers.accept).toBe('application/json');
    expect(req?.tenant).toBe('acme');
  });

  it('listProjects returns the projects the user can see', async () => {
    const projects = await api().listProjects();
    expect(projects.map((p) => p.code).sort()).toEqual(['HW', 'KD']);
    expect(projects.find((p) => p.code === 'KD')).toEqual({
      id: 1,
      name: 'Kendo Desk',
      code: 'KD',
    });
  });

  it('getIssue takes the key or the numeric id, which differ', async () => {
    const byKey = await api().getIssue(1, 'KD-0042');
    expect(byKey).toMatchObject({ id: 142, key: 'KD-0042', project_id: 1 });
    await expect(api().getIssue(1, 142)).resolves.toEqual(byKey);
  });

  it('myIssues returns open issues assigned to the user', async () => {
    const keys = (await api().myIssues()).map((i) => i.key);
    expect(keys).toContain('KD-0042');
    expect(keys).not.toContain('KD-0010'); // closed
    expect(keys).not.toContain('KD-0044'); // Otto's
  });

  it('searchEntries finds entries of visible projects, optionally of one project', async () => {
    const all = await api().searchEntries(week);
    const ids = all.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining([1001, 1002, 1003, 1004, 1005]));
    expect(ids).not.toContain(1006); // on SEC, which the member cannot see
    expect(all.find((e) => e.id === 1002)).toMatchObject({ started_at: null, note: null });
    const hw = await api().searchEntries({ ...week, projectId: 3 });
    expect(hw.map((e) => e.project_id)).toEqual(hw.map(() => 3));
    expect(hw.length).toBeGreaterThan(0);
    expect(server.apiRequests({ path: '/api/time-entries' })[1]?.query).toEqual({
      start_date: week.startDate,
      end_date: week.endDate,
      project_id: '3',
    });
  });

  it('listIssueEntries returns every user’s entries of the issue', async () => {
    const entries = await api().listIssueEntries(1, 'KD-0042');
    expect(entries.map((e) => e.id).sort()).toEqual([1001, 1003]);
    expect(entries[0]).toMatchObject({ issue_id: 142, issue_key: 'KD-0042' });
  });

  it('createEntry, updateEntry and deleteEntry change Kendo', async () => {
    // Whole seconds: Kendo stores no milliseconds.
    const started = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000).toISOString();
    const created = await api().createEntry(1, 'KD-0042', {
      minutes_spent: 25,
      started_at: started,
      note: 'Wrote tests',
    });
    expect(created).toMatchObject({
      user_id: 2,
      issue_id: 142,
      minutes_spent: 25,
      note: 'Wrote tests',
    });
    expect(Date.parse(created.started_at ?? '')).toBe(Date.parse(started));
    const [post] = server.apiRequests({ method: 'POST' });
    expect(post?.headers['content-type']).toBe('application/json');
    expect(post?.body).toEqual({ minutes_spent: 25, started_at: started, note: 'Wrote tests' });

    const updated = await api().updateEntry(1, 142, created.id, { minutes_spent: 30 });
    expect(updated).toMatchObject({ id: created.id, minutes_spent: 30 });
    expect(server.entries().find((e) => e.id === created.id)?.minutes_spent).toBe(30);

    await expect(api().deleteEntry(1, 'KD-0042', created.id)).resolves.toBeUndefined();
    expect(server.entries().some((e) => e.id === created.id)).toBe(false);
  });

  it('reports the server clock through onServerDate', async () => {
    server.setClockOffset(3_600_000);
    const seen: [number, number][] = [];
    await api(TOKENS.member, { onServerDate: (s, l) => seen.push([s, l]) }).getUser();
    expect(seen).toHaveLength(1);
    const [serverMs, localMs] = seen[0] ?? [0, 0];
    // The Date header has whole seconds.
    expect(Math.abs(serverMs - localMs - 3_600_000)).toBeLessThan(2000);
  });
});

describe('every error kind, from the server', () => {
  it.each([
    ['a wrong token', 'not-a-token'],
    ['another tenant’s token', TOKENS.otherTenant],
  ])('unauthorized for %s', async (_label, token) => {
    const e = await failure(api(token).getUser());
    expect(e).toMatchObject({ kind: 'unauthorized', status: 401, definitelyNotApplied: true });
  });

  it('unauthorized for a revoked token', async () => {
    server.revokeToken(TOKENS.member);
    expect((await failure(api().listProjects())).kind).toBe('unauthorized');
  });

  it('forbidden for a viewer, a read-only token and someone else’s entry', async () => {
    const viewer = await failure(api(TOKENS.viewer).searchEntries(week));
    expect(viewer).toMatchObject({ kind: 'forbidden', status: 403, definitelyNotApplied: true });
    const readOnly = api(TOKENS.memberReadOnly).createEntry(1, 'KD-0042', { minutes_spent: 5 });
    expect((await failure(readOnly)).kind).toBe('forbidden');
    // 1001 is Otto's entry on KD-0042.
    expect((await failure(api().deleteEntry(1, 'KD-0042', 1001))).kind).toBe('forbidden');
    expect(server.entries().some((e) => e.id === 1001)).toBe(true);
  });

  it('not_found for a missing issue, an invisible project and a missing entry', async () => {
    const e = await failure(api().getIssue(1, 'KD-9999'));
    expect(e).toMatchObject({ kind: 'not_found', status: 404 });
    expect(e.message).toBe('Kendo could not find this issue, or your account cannot see it.');
    expect((await failure(api().listIssueEntries(7, 'SEC-0001'))).kind).toBe('not_found');
    expect((await failure(api().deleteEntry(1, 'KD-0042', 999_999))).kind).toBe('not_found');
  });

  it('validation: minutes 0 is refused with fields.minutes_spent and never sent', async () => {
    const e = await failure(api().createEntry(1, 'KD-0042', { minutes_spent: 0 }));
    expect(e).toMatchObject({ kind: 'validation', definitelyNotApplied: true });
    expect(e.fields?.minutes_spent).toEqual(['Minutes must be at least 1.']);
    expect(server.apiRequests()).toHaveLength(0);
  });

  it('validation: what only Kendo checks comes back per field', async () => {
    // Our check cannot know the server's clock; Kendo refuses a start in the future.
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const body = { minutes_spent: 5, started_at: future };
    const e = await failure(api().createEntry(1, 'KD-0042', body));
    expect(e).toMatchObject({ kind: 'validation', status: 422, definitelyNotApplied: true });
    expect(e.fields?.started_at?.[0]).toMatch(/before or equal to now/);
    expect(e.message).toBe(e.fields?.started_at?.[0]);

    server.fault({
      match: { method: 'POST', path: ENTRIES },
      kind: 'status',
      status: 422,
      body: {
        message: 'The minutes spent field must be at least 1.',
        errors: { minutes_spent: ['The minutes spent field must be at least 1.'] },
      },
    });
    const f = await failure(api().createEntry(1, 'KD-0042', { minutes_spent: 5 }));
    expect(f.fields).toEqual({ minutes_spent: ['The minutes spent field must be at least 1.'] });
  });

  it('rate_limited with Retry-After: 7 waits 7 s', async () => {
    server.fault({ match: { path: ENTRIES }, kind: 'status', status: 429, retryAfter: 7 });
    const e = await failure(api().searchEntries(week));
    expect(e).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 7000 });
    expect(e.message).toContain('7 s');
  });

  it('rate_limited without Retry-After waits 30 s', async () => {
    server.fault({ match: { path: '/api/auth/user' }, kind: 'status', status: 429 });
    expect((await failure(api().getUser())).retryAfterMs).toBe(30_000);
  });

  it('server for a 503, which may have been applied', async () => {
    server.fault({ match: { method: 'POST', path: ENTRIES }, kind: 'status', status: 503 });
    const e = await failure(api().createEntry(1, 'KD-0042', { minutes_spent: 5 }));
    expect(e).toMatchObject({ kind: 'server', status: 503, definitelyNotApplied: false });
  });

  it('server for a 500 web page', async () => {
    server.fault({
      match: { path: '/api/projects' },
      kind: 'status',
      status: 500,
      body: '<h1>Oops</h1>',
    });
    expect((await failure(api().listProjects())).kind).toBe('server');
  });

  it('network when the connection drops', async () => {
    server.fault({ match: { method: 'POST', path: ENTRIES }, kind: 'drop' });
    const e = await failure(api().createEntry(1, 'KD-0042', { minutes_spent: 5 }));
    expect(e).toMatchObject({ kind: 'network', definitelyNotApplied: false });
  });

  it('network, not applied for sure, when the entry was stored and the answer lost', async () => {
    const before = server.entries().length;
    server.fault({ match: { method: 'POST', path: ENTRIES }, kind: 'store-then-drop' });
    const e = await failure(api().createEntry(1, 'KD-0042', { minutes_spent: 5, note: 'twin?' }));
    expect(e).toMatchObject({ kind: 'network', definitelyNotApplied: false });
    // This is why the caller must look before resending.
    expect(server.entries()).toHaveLength(before + 1);
  });

  it('timeout when Kendo answers later than timeoutMs', async () => {
    server.fault({ match: { path: '/api/auth/user' }, kind: 'delay', ms: 1500 });
    const e = await failure(api(TOKENS.member, { timeoutMs: 200 }).getUser());
    expect(e).toMatchObject({ kind: 'timeout', definitelyNotApplied: false });
    expect(e.message).toBe('Kendo did not answer within 200 ms.');
  });

  it('bad_response for a web page where JSON was due', async () => {
    server.fault({ match: { path: '/api/auth/user' }, kind: 'html' });
    const e = await failure(api().getUser());
    expect(e).toMatchObject({ kind: 'bad_response', status: 200 });
    expect(e.message).toBe('Kendo sent a web page instead of user data.');
  });

  it('bad_response naming the field for data of the wrong shape', async () => {
    server.fault({ match: { method: 'POST', path: ENTRIES }, kind: 'bad-shape' });
    const e = await failure(api().createEntry(1, 'KD-0042', { minutes_spent: 5 }));
    expect(e).toMatchObject({ kind: 'bad_response', definitelyNotApplied: false });
    expect(e.message).toMatch(
      /^Kendo sent time entry data of the wrong shape: id: expected number, got string; /,
    );
  });

  it('bad_response for a list of the wrong shape', async () => {
    server.fault({ match: { method: 'GET', path: '/api/projects' }, kind: 'bad-shape' });
    const e = await failure(api().listProjects());
    expect(e.kind).toBe('bad_response');
    expect(e.message).toBe('Kendo sent project data of the wrong shape: expected a list');
  });
});
