import type { ZodMiniType } from 'zod/mini';
import { isKendoOrigin } from './address';
import { KendoError, whatName } from './errors';
import { t } from '../i18n';
import { createSender, type KendoRequest } from './http';
import {
  IssueSchema,
  ProjectSchema,
  TimeEntrySchema,
  UserSchema,
  checkEntryBody,
  parseEntity,
  parseList,
  type Issue,
  type Project,
  type TimeEntry,
  type TimeEntryBody,
  type User,
} from './schemas';

/** How to reach one Kendo tenant. */
export interface KendoApiOptions {
  /** The tenant's origin, 'https://{tenant}.kendo.dev'; the token is sent nowhere else. */
  baseUrl: string;
  token: string;
  /** Defaults to the global fetch (looked up on each request). */
  fetch?: typeof fetch;
  /** Per request, including reading the body; default 15000. */
  timeoutMs?: number;
  /**
   * Called with the parsed Date response header on every response (errors too), for
   * clock-skew tracking. localMs is our clock halfway between sending and receiving.
   */
  onServerDate?: (serverMs: number, localMs: number) => void;
}

/** Lists longer than this many pages are refused rather than silently cut short. */
const MAX_PAGES = 20;

/**
 * The one Kendo API client. Every method rejects with a KendoError only.
 * Throws at once if baseUrl is not a Kendo origin (check addresses with parseKendoAddress).
 */
export function createKendoApi(opts: KendoApiOptions) {
  const baseUrl = opts.baseUrl.replace(/\/+$/, '');
  if (!isKendoOrigin(baseUrl)) {
    throw new Error(`createKendoApi: ${opts.baseUrl} is not an https://{tenant}.kendo.dev origin`);
  }
  const send = createSender({ ...opts, baseUrl });
  const get = (url: string, what: string) => send({ method: 'GET', url, what, expectJson: true });

  async function list<T>(path: string, schema: ZodMiniType<T>, what: string): Promise<T[]> {
    const items: T[] = [];
    let url: string | null = path;
    for (let page = 0; url !== null; page++) {
      if (page === MAX_PAGES) {
        throw new KendoError('bad_response', t('errTooManyPages', MAX_PAGES, whatName(what)));
      }
      const here: string = new URL(url, baseUrl).href;
      const { items: pageItems, next } = parseList(schema, await get(here, what), what);
      items.push(...pageItems);
      // Relative links resolve against the page they came from; send() refuses other origins.
      url = next === null ? null : new URL(next, here).href;
    }
    return items;
  }

  async function write(
    method: 'POST' | 'PUT',
    url: string,
    body: TimeEntryBody,
  ): Promise<TimeEntry> {
    const checked = checkEntryBody(body);
    const req: KendoRequest = { method, url, what: 'time entry', body: checked, expectJson: true };
    return parseEntity(TimeEntrySchema, await send(req), 'time entry');
  }

  return {
    /** The token's owner; also the cheapest check that a token works. */
    async getUser(): Promise<User> {
      return parseEntity(UserSchema, await get('/api/auth/user', 'user'), 'user');
    },
    /** Projects the user can see. */
    async listProjects(): Promise<Project[]> {
      return list('/api/projects', ProjectSchema, 'project');
    },
    /** One issue, by numeric id or by key ('KD-0042'). */
    async getIssue(projectId: number, idOrKey: number | string): Promise<Issue> {
      const url = `/api/projects/${seg(projectId)}/issues/${seg(idOrKey)}`;
      return parseEntity(IssueSchema, await get(url, 'issue'), 'issue');
    },
    /** The user's open issues. */
    async myIssues(): Promise<Issue[]> {
      return list('/api/issues/my', IssueSchema, 'issue');
    },
    /** Entries in accessible projects between two days (YYYY-MM-DD, both inclusive). */
    async searchEntries(q: {
      startDate: string;
      endDate: string;
      projectId?: number;
    }): Promise<TimeEntry[]> {
      const params = new URLSearchParams({ start_date: q.startDate, end_date: q.endDate });
      if (q.projectId !== undefined) params.set('project_id', String(q.projectId));
      return list(`/api/time-entries?${params}`, TimeEntrySchema, 'time entry');
    },
    /** All entries of one issue. */
    async listIssueEntries(projectId: number, issueId: number | string): Promise<TimeEntry[]> {
      return list(entriesPath(projectId, issueId), TimeEntrySchema, 'time entry');
    },
    /** Not idempotent: after a 'network', 'timeout' or 'server' error, look before resending. */
    async createEntry(
      projectId: number,
      issueId: number | string,
      body: TimeEntryBody,
    ): Promise<TimeEntry> {
      return write('POST', entriesPath(projectId, issueId), body);
    },
    /** Same fields as create; members may update only their own entries. */
    async updateEntry(
      projectId: number,
      issueId: number | string,
      entryId: number,
      body: TimeEntryBody,
    ): Promise<TimeEntry> {
      return write('PUT', `${entriesPath(projectId, issueId)}/${seg(entryId)}`, body);
    },
    /** Kendo answers 204 (some versions 200); either is success. */
    async deleteEntry(projectId: number, issueId: number | string, entryId: number): Promise<void> {
      const url = `${entriesPath(projectId, issueId)}/${seg(entryId)}`;
      await send({ method: 'DELETE', url, what: 'time entry', expectJson: false });
    },
  };
}

/** The Kendo API client; see {@link createKendoApi}. */
export type KendoApi = ReturnType<typeof createKendoApi>;

function entriesPath(projectId: number, issueId: number | string): string {
  return `/api/projects/${seg(projectId)}/issues/${seg(issueId)}/time-entries`;
}

/**
 * A path segment. Ids are positive integers and keys are letters, digits and hyphens;
 * anything else (notably '..', which URLs resolve even when encoded) could reach another
 * endpoint, so it is refused before sending.
 */
function seg(id: number | string): string {
  const ok =
    typeof id === 'number' ? Number.isSafeInteger(id) && id > 0 : /^[A-Za-z0-9_-]+$/.test(id);
  if (!ok) {
    throw new KendoError('not_found', t('errNoSuchItem', JSON.stringify(id)), {
      definitelyNotApplied: true,
    });
  }
  return encodeURIComponent(String(id));
}
