/** Kendo's id and title for an issue key, and the project of a key's code, cached in storage. */
import { apiFor } from '../connection';
import { issueCacheItem, projectsItem } from '../storage';
import { serialize } from '../lock';
import { now } from '../clock';

const ISSUE_TTL_MS = 24 * 3600_000;
const PROJECTS_TTL_MS = 3600_000;

const cacheKey = (origin: string, key: string) => `${origin} ${key.toUpperCase()}`;

/** What the cache knows of an issue, however old. */
export async function cachedIssue(
  origin: string,
  key: string,
): Promise<{ id: number; title: string; projectId: number } | null> {
  return (await issueCacheItem.getValue())[cacheKey(origin, key)] ?? null;
}

/** The issue's id and title: from the cache when fresh, else from Kendo (then cached). */
export async function resolveIssue(issue: {
  origin: string;
  projectId: number;
  key: string;
}): Promise<{ id: number; title: string }> {
  const hit = (await issueCacheItem.getValue())[cacheKey(issue.origin, issue.key)];
  if (hit && hit.projectId === issue.projectId && now() - hit.at < ISSUE_TTL_MS) return hit;
  const api = await apiFor(issue.origin);
  const found = await api.getIssue(issue.projectId, issue.key.toUpperCase());
  const value = { id: found.id, title: found.title, projectId: found.project_id, at: now() };
  await serialize(async () => {
    const cache = await issueCacheItem.getValue();
    // Keep the cache small: the newest 200 issues are plenty for suggestions and pages.
    const entries = Object.entries({ ...cache, [cacheKey(issue.origin, issue.key)]: value })
      .sort((a, b) => b[1].at - a[1].at)
      .slice(0, 200);
    await issueCacheItem.setValue(Object.fromEntries(entries));
  });
  return value;
}

/** The id of the project whose code is `code` on `origin`, or null when Kendo has none. */
export async function projectForCode(origin: string, code: string): Promise<number | null> {
  const all = await projectsItem.getValue();
  const find = (list: { id: number; code: string }[]) =>
    list.find((p) => p.code.toUpperCase() === code.toUpperCase())?.id ?? null;
  const cached = all[origin];
  if (cached && now() - cached.at < PROJECTS_TTL_MS) {
    const id = find(cached.list);
    if (id !== null) return id;
  }
  const api = await apiFor(origin);
  const list = (await api.listProjects()).map(({ id, code, name }) => ({ id, code, name }));
  await serialize(async () => {
    await projectsItem.setValue({
      ...(await projectsItem.getValue()),
      [origin]: { at: now(), list },
    });
  });
  return find(list);
}
