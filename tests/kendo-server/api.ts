// The JSON API of one tenant. Order of checks follows Laravel: route (404/405),
// auth (401), token scope (403), bindings and team scoping (404), policy (403),
// validation (422).
import { paginate } from './paginate';
import { errorPage, json, noContent, STATUS_MESSAGES, type Reply } from './reply';
import { TOKEN_GRANTS } from './seed';
import {
  canSeeProject,
  entryTime,
  findIssue,
  toWire,
  visibleProjects,
  type TenantState,
} from './state';
import { kendoTime, utcDay } from './time';
import type { Issue, Project, StoredEntry, TokenGrant, User } from './types';
import { validateEntry, validateRange, validationBody, type FieldErrors } from './validation';

export interface ApiContext {
  tenantName: string;
  tenant: TenantState | undefined;
  origin: string;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  /** Server clock, with the offset applied. */
  now: number;
  revoked: ReadonlySet<string>;
}

interface Authed extends ApiContext {
  tenant: TenantState;
  user: User;
  grant: TokenGrant;
  params: string[];
}

type Handler = (c: Authed) => Reply;

/** Laravel answers JSON only to clients that ask for it; others get pages and redirects. */
function wantsJson(c: ApiContext): boolean {
  const first = (c.headers.accept ?? '').split(',')[0] ?? '';
  return /[/+]json/.test(first) || c.headers['x-requested-with'] === 'XMLHttpRequest';
}

function fail(c: ApiContext, status: number, message?: string, errors?: FieldErrors): Reply {
  if (!wantsJson(c)) {
    if (status === 401) return { status: 302, headers: { Location: `${c.origin}/login` } };
    if (status === 422)
      return { status: 302, headers: { Location: c.headers.referer ?? `${c.origin}/` } };
    return errorPage(status);
  }
  if (errors) return json(422, validationBody(errors));
  return json(status, { message: message ?? STATUS_MESSAGES[status] ?? 'Error' });
}

const forbidden = (c: ApiContext): Reply => fail(c, 403);

function project(c: Authed, raw: string | undefined): Project | Reply {
  const id = /^\d+$/.test(raw ?? '') ? Number(raw) : NaN;
  const p = c.tenant.projects.find((x) => x.id === id);
  if (!p || !canSeeProject(c.tenant, c.user, p.id)) {
    return fail(c, 404, 'No query results for model [App\\Models\\Project].');
  }
  return p;
}

function issueOf(c: Authed): { project: Project; issue: Issue } | Reply {
  const p = project(c, c.params[0]);
  if ('status' in p) return p;
  const i = findIssue(c.tenant, p.id, c.params[1] ?? '');
  if (!i) return fail(c, 404, 'No query results for model [App\\Models\\Issue].');
  return { project: p, issue: i };
}

const isViewer = (c: Authed): boolean => c.user.role === 'viewer';

function searchIssues(c: Authed, pool: Issue[]): Reply {
  const q = (c.query.q ?? '').trim().toLowerCase();
  if (!q) return fail(c, 422, undefined, { q: ['The q field is required.'] });
  const hits = pool.filter(
    (i) => i.title.toLowerCase().includes(q) || i.key.toLowerCase().includes(q),
  );
  return json(200, paginate(hits, c.query, `${c.origin}${c.path}`));
}

function visibleIssues(c: Authed): Issue[] {
  const ids = new Set(visibleProjects(c.tenant, c.user).map((p) => p.id));
  return c.tenant.issues.filter((i) => ids.has(i.project_id));
}

const byTimeDesc = (a: StoredEntry, b: StoredEntry): number =>
  entryTime(b).localeCompare(entryTime(a)) || b.id - a.id;

const getUser: Handler = (c) =>
  json(200, { id: c.user.id, name: c.user.name, email: c.user.email });

const listProjects: Handler = (c) => json(200, visibleProjects(c.tenant, c.user));

const showProject: Handler = (c) => {
  const p = project(c, c.params[0]);
  return 'status' in p ? p : json(200, p);
};

const listProjectIssues: Handler = (c) => {
  const p = project(c, c.params[0]);
  if ('status' in p) return p;
  const issues = c.tenant.issues.filter((i) => i.project_id === p.id);
  return json(200, paginate(issues, c.query, `${c.origin}${c.path}`));
};

const searchProjectIssues: Handler = (c) => {
  const p = project(c, c.params[0]);
  if ('status' in p) return p;
  return searchIssues(
    c,
    c.tenant.issues.filter((i) => i.project_id === p.id),
  );
};

const showIssue: Handler = (c) => {
  const r = issueOf(c);
  return 'status' in r ? r : json(200, r.issue);
};

const myIssues: Handler = (c) => {
  const mine = visibleIssues(c).filter((i) => i.assignee_id === c.user.id && i.status === 'open');
  return json(200, paginate(mine, c.query, `${c.origin}${c.path}`));
};

const searchAll: Handler = (c) => searchIssues(c, visibleIssues(c));

const searchEntries: Handler = (c) => {
  if (isViewer(c)) return forbidden(c);
  const v = validateRange(c.query);
  if (!v.ok) return fail(c, 422, undefined, v.errors);
  const { start, end, projectId } = v.value;
  const hits = c.tenant.entries
    .filter((e) => canSeeProject(c.tenant, c.user, e.project_id))
    .filter((e) => projectId === undefined || e.project_id === projectId)
    .filter((e) => {
      const day = utcDay(Date.parse(entryTime(e)));
      return day >= start && day <= end;
    })
    .sort(byTimeDesc);
  return json(
    200,
    hits.map((e) => toWire(c.tenant, e)),
  );
};

const issueEntries: Handler = (c) => {
  const r = issueOf(c);
  if ('status' in r) return r;
  if (isViewer(c)) return forbidden(c);
  const hits = c.tenant.entries.filter(
    (e) => e.issue_id === r.issue.id && e.project_id === r.project.id,
  );
  return json(
    200,
    hits.sort(byTimeDesc).map((e) => toWire(c.tenant, e)),
  );
};

const createEntry: Handler = (c) => {
  const r = issueOf(c);
  if ('status' in r) return r;
  if (isViewer(c)) return forbidden(c);
  const v = validateEntry(c.body, c.now);
  if (!v.ok) return fail(c, 422, undefined, v.errors);
  const e: StoredEntry = {
    id: c.tenant.nextEntryId++,
    user_id: c.user.id,
    issue_id: r.issue.id,
    project_id: r.project.id,
    minutes_spent: v.value.minutes_spent,
    started_at: typeof v.value.started_at === 'number' ? kendoTime(v.value.started_at) : null,
    note: v.value.note ?? null,
    created_at: kendoTime(c.now),
  };
  c.tenant.entries.push(e);
  return json(201, toWire(c.tenant, e));
};

/** The entry in the path, if it belongs to that issue and the user may change it. */
function ownEntry(c: Authed): StoredEntry | Reply {
  const r = issueOf(c);
  if ('status' in r) return r;
  if (isViewer(c)) return forbidden(c);
  const id = /^\d+$/.test(c.params[2] ?? '') ? Number(c.params[2]) : NaN;
  const e = c.tenant.entries.find(
    (x) => x.id === id && x.issue_id === r.issue.id && x.project_id === r.project.id,
  );
  if (!e) return fail(c, 404, 'No query results for model [App\\Models\\TimeEntry].');
  if (e.user_id !== c.user.id && c.user.role !== 'admin') return forbidden(c);
  return e;
}

const showEntry: Handler = (c) => {
  const e = ownEntry(c);
  return 'status' in e ? e : json(200, toWire(c.tenant, e));
};

const updateEntry: Handler = (c) => {
  const e = ownEntry(c);
  if ('status' in e) return e;
  const v = validateEntry(c.body, c.now);
  if (!v.ok) return fail(c, 422, undefined, v.errors);
  e.minutes_spent = v.value.minutes_spent;
  if (v.value.started_at !== undefined) {
    e.started_at = v.value.started_at === null ? null : kendoTime(v.value.started_at);
  }
  if (v.value.note !== undefined) e.note = v.value.note;
  return json(200, toWire(c.tenant, e));
};

const deleteEntry: Handler = (c) => {
  const e = ownEntry(c);
  if ('status' in e) return e;
  c.tenant.entries.splice(c.tenant.entries.indexOf(e), 1);
  return noContent();
};

const P = '(\\d+|[^/]+)';
const ROUTES: Array<{ re: RegExp; methods: Partial<Record<string, Handler>> }> = [
  { re: /^\/api\/auth\/user$/, methods: { GET: getUser } },
  { re: /^\/api\/projects$/, methods: { GET: listProjects } },
  { re: /^\/api\/issues\/my$/, methods: { GET: myIssues } },
  { re: /^\/api\/issues\/search$/, methods: { GET: searchAll } },
  { re: /^\/api\/time-entries$/, methods: { GET: searchEntries } },
  { re: new RegExp(`^/api/projects/${P}$`), methods: { GET: showProject } },
  { re: new RegExp(`^/api/projects/${P}/issues$`), methods: { GET: listProjectIssues } },
  { re: new RegExp(`^/api/projects/${P}/issues/search$`), methods: { GET: searchProjectIssues } },
  { re: new RegExp(`^/api/projects/${P}/issues/${P}$`), methods: { GET: showIssue } },
  {
    re: new RegExp(`^/api/projects/${P}/issues/${P}/time-entries$`),
    methods: { GET: issueEntries, POST: createEntry },
  },
  {
    re: new RegExp(`^/api/projects/${P}/issues/${P}/time-entries/${P}$`),
    methods: { GET: showEntry, PUT: updateEntry, PATCH: updateEntry, DELETE: deleteEntry },
  },
];

function bearer(c: ApiContext): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(c.headers.authorization ?? '');
  return m?.[1];
}

export function handleApi(c: ApiContext): Reply {
  if (!c.tenant) return fail(c, 404, 'No Kendo workspace at this address.');
  const method = c.method === 'HEAD' ? 'GET' : c.method;
  const route = ROUTES.find((r) => r.re.test(c.path));
  if (!route) return fail(c, 404, `The route ${c.path.slice(1)} could not be found.`);
  const handler = route.methods[method];
  if (!handler) {
    const allowed = Object.keys(route.methods).join(', ');
    return fail(
      c,
      405,
      `The ${c.method} method is not supported for route ${c.path.slice(1)}. Supported methods: ${allowed}.`,
    );
  }
  const token = bearer(c);
  const grant = token && !c.revoked.has(token) ? TOKEN_GRANTS[token] : undefined;
  const user =
    grant?.tenant === c.tenantName ? c.tenant.users.find((u) => u.id === grant.userId) : undefined;
  if (!grant || !user) return fail(c, 401);
  if (method !== 'GET' && !grant.scopes.includes('write')) return forbidden(c);
  const params = route.re.exec(c.path)?.slice(1).map(safeDecode) ?? [];
  return handler({ ...c, tenant: c.tenant, user, grant, params });
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
