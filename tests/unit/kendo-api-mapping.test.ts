// @vitest-environment node
// The client against a scripted fetch: what exactly is sent, and how each answer maps.
// tests/unit/kendo-api.test.ts runs the same client against the Kendo-compatible server.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKendoApi } from '../../lib/kendo/api';
import { KendoError } from '../../lib/kendo/errors';

const ORIGIN = 'https://acme.kendo.dev';
const entry = {
  id: 15,
  user_id: 2,
  issue_id: 142,
  project_id: 1,
  minutes_spent: 25,
  started_at: null,
  note: null,
  created_at: '2026-03-13T11:00:00.000000Z',
};
const issue = { id: 142, key: 'KD-0042', title: 'Pagination', project_id: 1 };

type Answer = Response | (() => Response | Promise<Response>);

/** A fetch that answers from a script and records calls; it refuses being called as a method. */
function scripted(...answers: Answer[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchFn = async function (this: unknown, url: string | URL | Request, init?: RequestInit) {
    // Mimics the browser's "Illegal invocation" for fetch called on another object.
    if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation');
    calls.push({ url: String(url), init: init ?? {} });
    const next = answers.length > 1 ? answers.shift() : answers[0];
    if (!next) throw new Error('script ran out');
    return typeof next === 'function' ? next() : next.clone();
  } as typeof fetch;
  return { fetchFn, calls };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

function api(fetchFn: typeof fetch, extra: Partial<Parameters<typeof createKendoApi>[0]> = {}) {
  return createKendoApi({ baseUrl: ORIGIN, token: 'tok', fetch: fetchFn, ...extra });
}

async function failure(p: Promise<unknown>): Promise<KendoError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(KendoError);
  return e as KendoError;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('what is sent', () => {
  it('sends auth and Accept, calling fetch as a plain function', async () => {
    const { fetchFn, calls } = scripted(json({ id: 2, name: 'Mia' }));
    await expect(api(fetchFn).getUser()).resolves.toEqual({ id: 2, name: 'Mia' });
    const [call] = calls;
    expect(call?.url).toBe(`${ORIGIN}/api/auth/user`);
    const headers = new Headers(call?.init.headers);
    expect(headers.get('authorization')).toBe('Bearer tok');
    expect(headers.get('accept')).toBe('application/json');
    expect(headers.has('content-type')).toBe(false);
    expect(call?.init).toMatchObject({ method: 'GET', redirect: 'manual', credentials: 'omit' });
  });

  it('uses the global fetch, looked up when the request is made', async () => {
    const { fetchFn, calls } = scripted(json([]));
    const client = createKendoApi({ baseUrl: `${ORIGIN}/`, token: 'tok' });
    vi.stubGlobal('fetch', fetchFn);
    await client.listProjects();
    expect(calls).toHaveLength(1);
  });

  it('builds every path and query', async () => {
    const { fetchFn, calls } = scripted(json([]));
    const client = api(fetchFn);
    await client.searchEntries({ startDate: '2026-03-01', endDate: '2026-03-07', projectId: 3 });
    await client.listIssueEntries(1, 'KD-0042');
    await client.myIssues();
    expect(calls.map((c) => c.url)).toEqual([
      `${ORIGIN}/api/time-entries?start_date=2026-03-01&end_date=2026-03-07&project_id=3`,
      `${ORIGIN}/api/projects/1/issues/KD-0042/time-entries`,
      `${ORIGIN}/api/issues/my`,
    ]);
  });

  it('sends the checked body as JSON and returns the created entry', async () => {
    const { fetchFn, calls } = scripted(json(entry, 201));
    const body = { minutes_spent: 25, note: 'n', extra: 1 } as { minutes_spent: number };
    await expect(api(fetchFn).createEntry(1, 142, body)).resolves.toEqual(entry);
    const [call] = calls;
    expect(call?.init.method).toBe('POST');
    expect(new Headers(call?.init.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(call?.init.body))).toEqual({ minutes_spent: 25, note: 'n' });
  });

  it('never sends an invalid body', async () => {
    const { fetchFn, calls } = scripted(json(entry));
    const e = await failure(api(fetchFn).updateEntry(1, 142, 15, { minutes_spent: 0 }));
    expect(e).toMatchObject({ kind: 'validation', definitelyNotApplied: true });
    expect(e.fields?.minutes_spent).toEqual(['Minutes must be at least 1.']);
    expect(calls).toHaveLength(0);
  });

  it.each([['..'], ['.'], ['a/b'], ['KD 1'], [''], [0], [-1], [1.5], [NaN]])(
    'refuses the path segment %j without sending',
    async (id) => {
      const { fetchFn, calls } = scripted(json(issue));
      const e = await failure(api(fetchFn).getIssue(1, id));
      expect(e.kind).toBe('not_found');
      expect(calls).toHaveLength(0);
    },
  );

  it('refuses a token a header cannot carry, without sending', async () => {
    const { fetchFn, calls } = scripted(json({}));
    const e = await failure(api(fetchFn, { token: 'abc\ndef' }).getUser());
    expect(e.kind).toBe('unauthorized');
    expect(calls).toHaveLength(0);
  });

  it.each([['https://evil.com'], ['http://acme.kendo.dev'], ['https://acme.kendo.dev:444']])(
    'will not be created for %s',
    (baseUrl) => {
      expect(() => createKendoApi({ baseUrl, token: 't' })).toThrow(/kendo\.dev/);
    },
  );
});

describe('lists', () => {
  it('follows same-origin next links, relative or absolute', async () => {
    const { fetchFn, calls } = scripted(
      json({ data: [issue], links: { next: '/api/issues/my?page=2' } }),
      json({ data: [issue], links: { next: `${ORIGIN}/api/issues/my?page=3` } }),
      json({ data: [issue], links: { next: null } }),
    );
    await expect(api(fetchFn).myIssues()).resolves.toHaveLength(3);
    expect(calls.map((c) => c.url)).toEqual([
      `${ORIGIN}/api/issues/my`,
      `${ORIGIN}/api/issues/my?page=2`,
      `${ORIGIN}/api/issues/my?page=3`,
    ]);
  });

  it('never takes the token to another origin', async () => {
    const { fetchFn, calls } = scripted(
      json({ data: [issue], links: { next: 'https://evil.example/steal' } }),
    );
    const e = await failure(api(fetchFn).myIssues());
    expect(e.kind).toBe('bad_response');
    expect(e.message).toContain('https://evil.example');
    expect(calls).toHaveLength(1);
  });

  it('stops after 20 pages instead of looping', async () => {
    const { fetchFn, calls } = scripted(json({ data: [], links: { next: '/api/projects' } }));
    const e = await failure(api(fetchFn).listProjects());
    expect(e.kind).toBe('bad_response');
    expect(calls).toHaveLength(20);
  });
});

describe('answers', () => {
  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [429, 'rate_limited'],
    [500, 'server'],
    [400, 'bad_response'],
  ])('%d -> %s', async (status, kind) => {
    const { fetchFn } = scripted(json({ message: 'x' }, status));
    expect((await failure(api(fetchFn).getIssue(1, 'KD-0042'))).kind).toBe(kind);
  });

  it('maps a 5xx web page to server, not bad_response', async () => {
    const { fetchFn } = scripted(new Response('<h1>Bad gateway</h1>', { status: 502 }));
    const e = await failure(api(fetchFn).createEntry(1, 142, { minutes_spent: 5 }));
    expect(e).toMatchObject({ kind: 'server', status: 502, definitelyNotApplied: false });
  });

  it('maps a 2xx that is not JSON to bad_response that may have been applied', async () => {
    const html = new Response('<!doctype html><p>Login</p>', {
      headers: { 'content-type': 'text/html' },
    });
    const { fetchFn } = scripted(html);
    const e = await failure(api(fetchFn).createEntry(1, 142, { minutes_spent: 5 }));
    expect(e).toMatchObject({ kind: 'bad_response', definitelyNotApplied: false });
    expect(e.message).toBe('Kendo sent a web page instead of time entry data.');
  });

  it('maps a redirect to bad_response', async () => {
    const { fetchFn } = scripted(
      new Response(null, { status: 302, headers: { location: 'https://sso.example/' } }),
    );
    expect((await failure(api(fetchFn).getUser())).kind).toBe('bad_response');
  });

  it('unwraps a {data} issue', async () => {
    const { fetchFn } = scripted(json({ data: { ...issue, lane_id: 2 } }));
    await expect(api(fetchFn).getIssue(1, 142)).resolves.toEqual({ ...issue, lane_id: 2 });
  });

  it.each([
    [new Response(null, { status: 204 })],
    [json({ message: 'Deleted' })],
    [new Response('', { status: 200 })],
  ])('takes %o as a successful delete', async (res) => {
    const { fetchFn, calls } = scripted(res);
    await expect(api(fetchFn).deleteEntry(1, 'KD-0042', 15)).resolves.toBeUndefined();
    expect(calls[0]?.init.method).toBe('DELETE');
    expect(calls[0]?.url).toBe(`${ORIGIN}/api/projects/1/issues/KD-0042/time-entries/15`);
  });

  it('maps a rejected fetch to network, maybe applied', async () => {
    const { fetchFn } = scripted(() => Promise.reject(new TypeError('fetch failed')));
    const e = await failure(api(fetchFn).createEntry(1, 142, { minutes_spent: 5 }));
    expect(e).toMatchObject({ kind: 'network', definitelyNotApplied: false });
    expect(e.cause).toBeInstanceOf(TypeError);
  });

  it('maps a body cut off mid-way to network', async () => {
    const body = new ReadableStream({
      start: (c) => {
        c.enqueue(new TextEncoder().encode('{"id":'));
        c.error(new TypeError('terminated'));
      },
    });
    const { fetchFn } = scripted(() => new Response(body));
    expect((await failure(api(fetchFn).getUser())).kind).toBe('network');
  });

  it('times out, also while the body is still coming', async () => {
    const hang: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('x', 'AbortError'))),
      );
    const e = await failure(api(hang, { timeoutMs: 30 }).getUser());
    expect(e).toMatchObject({ kind: 'timeout', definitelyNotApplied: false });
    expect(e.message).toBe('Kendo did not answer within 30 ms.');

    const slowBody: typeof fetch = async (_url, init) => {
      const stream = new ReadableStream({
        start: (c) => init?.signal?.addEventListener('abort', () => c.error(init.signal?.reason)),
      });
      return new Response(stream);
    };
    expect((await failure(api(slowBody, { timeoutMs: 30 }).getUser())).kind).toBe('timeout');
  });
});

describe('onServerDate', () => {
  const date = 'Fri, 13 Mar 2026 10:00:00 GMT';

  it('reports the Date header of every answer, errors included', async () => {
    const seen: [number, number][] = [];
    const { fetchFn } = scripted(
      json({ id: 2, name: 'Mia' }, 200, { date }),
      json({ message: 'Too Many Attempts.' }, 429, {
        date,
        'retry-after': 'Fri, 13 Mar 2026 10:00:09 GMT',
      }),
    );
    const client = api(fetchFn, { onServerDate: (s, l) => seen.push([s, l]) });
    const before = Date.now();
    await client.getUser();
    const e = await failure(client.getUser());
    expect(seen.map(([s]) => s)).toEqual([Date.parse(date), Date.parse(date)]);
    for (const [, local] of seen) expect(local).toBeGreaterThanOrEqual(before - 1);
    // A Retry-After date counts from the server's clock, not ours (years apart here).
    expect(e.retryAfterMs).toBe(9000);
  });

  it('is not called without a usable Date, and cannot break a request', async () => {
    const onServerDate = vi.fn(() => {
      throw new Error('listener bug');
    });
    const { fetchFn } = scripted(
      json({ id: 2, name: 'Mia' }, 200, { date: 'garbage' }),
      json({ id: 2, name: 'Mia' }, 200, { date }),
    );
    const client = api(fetchFn, { onServerDate });
    await client.getUser();
    expect(onServerDate).not.toHaveBeenCalled();
    await expect(client.getUser()).resolves.toMatchObject({ id: 2 });
    expect(onServerDate).toHaveBeenCalledTimes(1);
  });
});
