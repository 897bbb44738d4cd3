// Runs in the content script on every Kendo page: keep it free of imports.

/** The Kendo issue a page shows. `key` is upper case, its digits as in the URL. */
export interface DetectedIssue {
  origin: string;
  projectId: number;
  key: string;
  title?: string;
}

/** An issue key: a 2-5 character project code that starts with a letter, '-', the number. */
export const ISSUE_KEY_RE = /^[A-Z][A-Z0-9]{1,4}-\d{1,6}$/i;

// Exactly one DNS label before kendo.dev: each tenant is `{tenant}.kendo.dev`, so the apex and
// deeper names (a.b.kendo.dev) are not tenant origins and get no button.
const TENANT_HOST_RE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.kendo\.dev$/;
// Project ids as the web app writes them: no leading zeros, so '/projects/03/' is refused
// rather than guessed to be project 3.
const ISSUE_PATH_RE = /^\/projects\/([1-9]\d{0,14})\/issues\/([^/]+)\/?$/;
const MAX_TITLE_LENGTH = 500;

/**
 * Recognises a Kendo issue page, `https://{tenant}.kendo.dev/projects/{projectId}/issues/{KEY}`,
 * with an optional trailing slash, query and hash. Anything else is null: other hosts or
 * schemes, explicit non-default ports, credentials in the URL, malformed ids or keys, and
 * sub-pages such as `/issues/KD-1/edit`. Kendo's issue page is one route (any tabs live in the
 * query or hash, which are accepted); a sub-path is a different page, where a timer button would
 * be in the wrong place, so it is refused. If `doc` is given, the issue title is read as text
 * from `[data-testid="issue-title"]`, else the first `h1`.
 */
export function detectIssue(url: URL, doc?: Document): DetectedIssue | null {
  // url.port is '' for https on 443, so only a non-default port is refused.
  if (url.protocol !== 'https:' || url.port !== '' || url.username || url.password) return null;
  if (!TENANT_HOST_RE.test(url.hostname)) return null;
  const match = ISSUE_PATH_RE.exec(url.pathname);
  const projectId = Number(match?.[1]);
  const key = match?.[2];
  if (!Number.isSafeInteger(projectId) || key === undefined || !ISSUE_KEY_RE.test(key)) {
    return null;
  }
  const issue: DetectedIssue = { origin: url.origin, projectId, key: key.toUpperCase() };
  const title = doc && readTitle(doc);
  if (title) issue.title = title;
  return issue;
}

function readTitle(doc: Document): string | undefined {
  const candidates = [doc.querySelector('[data-testid="issue-title"]'), doc.querySelector('h1')];
  for (const element of candidates) {
    // textContent, never innerHTML: the title is page text and is only ever shown as text.
    const text = element?.textContent?.replace(/\s+/g, ' ').trim();
    if (text) return truncate(text, MAX_TITLE_LENGTH);
  }
  return undefined;
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // By code points, so an emoji at the cut is not split into half a surrogate pair.
  return Array.from(text).slice(0, max).join('').trimEnd();
}
