// The deterministic seed of the test server. Only dates move: they are relative to
// "today" (UTC) of the server clock when the server starts or is reset.
//
// Deliberate traps, so a client that mixes things up fails a test:
// - numeric issue ids differ from the key's number (KD-0042 is id 142);
// - tenant globex reuses ids of acme (its user Grace is id 2 like Mia; GP-0001 is
//   issue id 142 like KD-0042): ids mean nothing across tenants;
// - KD-0007's title is HTML that must show as text;
// - Otto logs time today on KD-0042 (all users' entries come back from the API);
// - Ada's entry is on SEC, a project the member cannot see.
import { createHash } from 'node:crypto';
import { daysAgoAt, kendoTime } from './time';
import type { Issue, Project, Scope, StoredEntry, Team, TokenGrant, User } from './types';

const JWT_HEADER = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9'; // {"typ":"JWT","alg":"RS256"}

/** A fixed, JWT-looking personal access token (RS256-sized signature). */
function fakeJwt(jti: string, sub: number, scopes: Scope[]): string {
  const payload = Buffer.from(
    JSON.stringify({
      aud: '1',
      jti,
      iat: 1767225600,
      nbf: 1767225600,
      exp: 1893456000,
      sub: String(sub),
      scopes,
    }),
  ).toString('base64url');
  let sig = Buffer.alloc(0);
  for (let i = 0; sig.length < 256; i++) {
    sig = Buffer.concat([sig, createHash('sha256').update(`${jti}:${i}`).digest()]);
  }
  return `${JWT_HEADER}.${payload}.${sig.toString('base64url')}`;
}

export const TENANTS = ['acme', 'globex'] as const;
export type TenantName = (typeof TENANTS)[number];
export const DEMO_TENANT: TenantName = 'acme';

export const USERS = {
  admin: { id: 1, name: 'Ada Admin', email: 'ada@acme.test', role: 'admin' },
  member: { id: 2, name: 'Mia Member', email: 'mia@acme.test', role: 'member' },
  viewer: { id: 3, name: 'Vic Viewer', email: 'vic@acme.test', role: 'viewer' },
  other: { id: 4, name: 'Otto Other', email: 'otto@acme.test', role: 'member' },
  /** globex's member; the same id as acme's member on purpose. */
  otherTenant: { id: 2, name: 'Grace Globex', email: 'grace@globex.test', role: 'member' },
} as const satisfies Record<string, User>;

export const TOKENS = {
  admin: fakeJwt('a1d0c4e5f60718293a4b5c6d7e8f9001', 1, ['read', 'write']),
  member: fakeJwt('b2e1d5f6a7182930a4b5c6d7e8f90102', 2, ['read', 'write']),
  viewer: fakeJwt('c3f2e6a7b8293041b5c6d7e8f9010203', 3, ['read', 'write']),
  other: fakeJwt('d4a3f7b8c9304152c6d7e8f901020304', 4, ['read', 'write']),
  /** Mia's token without the write scope: every POST/PUT/DELETE is 403. */
  memberReadOnly: fakeJwt('e5b4a8c9d0415263d7e8f90102030405', 2, ['read']),
  /** Grace of tenant globex: 401 on acme. */
  otherTenant: fakeJwt('f6c5b9d0e1526374e8f9010203040506', 2, ['read', 'write']),
} as const;

export const TOKEN_GRANTS: Record<string, TokenGrant> = {
  [TOKENS.admin]: { tenant: 'acme', userId: 1, scopes: ['read', 'write'] },
  [TOKENS.member]: { tenant: 'acme', userId: 2, scopes: ['read', 'write'] },
  [TOKENS.viewer]: { tenant: 'acme', userId: 3, scopes: ['read', 'write'] },
  [TOKENS.other]: { tenant: 'acme', userId: 4, scopes: ['read', 'write'] },
  [TOKENS.memberReadOnly]: { tenant: 'acme', userId: 2, scopes: ['read'] },
  [TOKENS.otherTenant]: { tenant: 'globex', userId: 2, scopes: ['read', 'write'] },
};

export const PROJECTS = {
  KD: { id: 1, name: 'Kendo Desk', code: 'KD' },
  HW: { id: 3, name: 'Hardware', code: 'HW' },
  SEC: { id: 7, name: 'Secret', code: 'SEC' },
  /** globex */
  GP: { id: 1, name: 'Globex Portal', code: 'GP' },
} as const satisfies Record<string, Project>;

type SeedIssue = Omit<Issue, 'created_at'>;

const issue = (
  id: number,
  key: string,
  title: string,
  project_id: number,
  assignee_id: number | null,
  status: 'open' | 'closed' = 'open',
): SeedIssue => ({
  id,
  key,
  title,
  project_id,
  lane_id: status === 'open' ? 2 : 4,
  assignee_id,
  status,
});

export const ISSUES = {
  'KD-0042': issue(142, 'KD-0042', 'Add pagination to issues list', 1, 2),
  'KD-0043': issue(143, 'KD-0043', 'Fix login redirect loop', 1, 2),
  'KD-0007': issue(107, 'KD-0007', 'Export <b>CSV</b> <script>window.__pwned=1</script>', 1, 2),
  'KD-0044': issue(144, 'KD-0044', 'Dark mode for settings page', 1, 4),
  'KD-0010': issue(110, 'KD-0010', 'Archive old sprints', 1, 2, 'closed'),
  'HW-0052': issue(352, 'HW-0052', 'Replace label printer driver', 3, 2),
  'HW-0053': issue(353, 'HW-0053', 'Order spare keyboards', 3, null),
  'SEC-0001': issue(701, 'SEC-0001', 'Rotate signing keys', 7, 1),
  /** globex; the same numeric id as KD-0042 on purpose. */
  'GP-0001': issue(142, 'GP-0001', 'Globex landing page', 1, 2),
  'GP-0002': issue(143, 'GP-0002', 'Newsletter signup form', 1, 2),
} as const satisfies Record<string, SeedIssue>;

export interface TenantSeed {
  users: User[];
  teams: Team[];
  projects: Project[];
  issues: Issue[];
  entries: StoredEntry[];
  nextEntryId: number;
}

/** Fresh, mutable tenant data for a server whose clock reads `now`. */
export function buildSeed(now: number): Record<TenantName, TenantSeed> {
  const created = kendoTime(daysAgoAt(now, 30, 9));
  const withDate = (i: SeedIssue): Issue => ({ ...i, created_at: created });
  const entry = (
    id: number,
    user_id: number,
    i: SeedIssue,
    minutes_spent: number,
    startedMs: number | null,
    note: string | null,
    createdMs?: number,
  ): StoredEntry => ({
    id,
    user_id,
    issue_id: i.id,
    project_id: i.project_id,
    minutes_spent,
    started_at: startedMs === null ? null : kendoTime(startedMs),
    note,
    created_at: kendoTime(createdMs ?? (startedMs ?? now) + minutes_spent * 60_000),
  });
  // "Today" entries must not lie in the future nor on yesterday's UTC date.
  const todayStart = daysAgoAt(now, 0, 0);
  const earlyToday = Math.max(todayStart, now - 3 * 3_600_000);
  const I = ISSUES;
  return {
    acme: {
      users: [USERS.admin, USERS.member, USERS.viewer, USERS.other].map((u) => ({ ...u })),
      teams: [
        { id: 1, name: 'Desk', userIds: [2, 3, 4], projectIds: [1, 3] },
        { id: 2, name: 'Security', userIds: [1], projectIds: [7] },
      ],
      projects: [PROJECTS.KD, PROJECTS.HW, PROJECTS.SEC].map((p) => ({ ...p })),
      issues: [
        I['KD-0042'],
        I['KD-0043'],
        I['KD-0007'],
        I['KD-0044'],
        I['KD-0010'],
        I['HW-0052'],
        I['HW-0053'],
        I['SEC-0001'],
      ].map(withDate),
      entries: [
        entry(
          1001,
          4,
          I['KD-0042'],
          45,
          earlyToday,
          'Reviewed the pagination PR',
          Math.min(now, earlyToday + 45 * 60_000),
        ),
        entry(1002, 4, I['HW-0052'], 30, null, null, Math.max(todayStart, now - 10 * 60_000)),
        entry(
          1003,
          2,
          I['KD-0042'],
          120,
          daysAgoAt(now, 1, 9),
          'Implemented cursor-based pagination.',
        ),
        entry(1004, 2, I['KD-0043'], 30, daysAgoAt(now, 2, 14), null),
        entry(1005, 2, I['HW-0052'], 60, daysAgoAt(now, 8, 10), 'Driver research'),
        entry(1006, 1, I['SEC-0001'], 90, daysAgoAt(now, 1, 13), 'Key rotation plan'),
      ],
      nextEntryId: 1007,
    },
    globex: {
      users: [{ ...USERS.otherTenant }],
      teams: [{ id: 1, name: 'Web', userIds: [2], projectIds: [1] }],
      projects: [{ ...PROJECTS.GP }],
      issues: [I['GP-0001'], I['GP-0002']].map(withDate),
      entries: [
        entry(
          5001,
          2,
          I['GP-0001'],
          25,
          earlyToday,
          'Hero section',
          Math.min(now, earlyToday + 25 * 60_000),
        ),
      ],
      nextEntryId: 5002,
    },
  };
}
