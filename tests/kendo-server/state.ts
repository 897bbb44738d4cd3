// Read helpers over one tenant's data: who sees which project, issue lookup by id
// or key, and the wire form of entries.
import type { TenantSeed } from './seed';
import type { Issue, Project, StoredEntry, TimeEntry, User } from './types';

export type TenantState = TenantSeed;

export function canSeeProject(t: TenantState, user: User, projectId: number): boolean {
  if (!t.projects.some((p) => p.id === projectId)) return false;
  if (user.role === 'admin') return true;
  return t.teams.some(
    (team) => team.userIds.includes(user.id) && team.projectIds.includes(projectId),
  );
}

export function visibleProjects(t: TenantState, user: User): Project[] {
  return t.projects.filter((p) => canSeeProject(t, user, p.id));
}

/** `{issueId}` in a path may be the numeric id or the key (exact case). */
export function findIssue(t: TenantState, projectId: number, idOrKey: string): Issue | undefined {
  const byId = /^\d+$/.test(idOrKey) ? Number(idOrKey) : NaN;
  return t.issues.find((i) => i.project_id === projectId && (i.id === byId || i.key === idOrKey));
}

export function toWire(t: TenantState, e: StoredEntry): TimeEntry {
  const issue = t.issues.find((i) => i.id === e.issue_id && i.project_id === e.project_id);
  return {
    id: e.id,
    user_id: e.user_id,
    issue_id: e.issue_id,
    project_id: e.project_id,
    minutes_spent: e.minutes_spent,
    started_at: e.started_at,
    note: e.note,
    created_at: e.created_at,
    issue_title: issue?.title ?? '',
    issue_key: issue?.key ?? '',
  };
}

/** The moment an entry counts for: started_at, else created_at (kendo-api.md). */
export function entryTime(e: StoredEntry): string {
  return e.started_at ?? e.created_at;
}
