// The web pages: the Kendo-like single-page app of a tenant, its login page, and
// the page served for any host outside kendo.dev ("attacker" site for security tests).
import { CLIENT_SRC, VIEW_SRC } from './app-view';
import { escapeHtml, html, type Reply } from './reply';
import type { TenantState } from './state';

interface Raw {
  raw: string;
}

type Child = string | Raw;

/** Server-side `h` for VIEW_SRC: text and attribute values are always escaped. */
function h(tag: string, attrs: Record<string, string>, ...children: Child[]): Raw {
  const a = Object.entries(attrs ?? {})
    .map(([k, v]) => ` ${k}="${escapeHtml(v)}"`)
    .join('');
  const inner = children.map((c) => (typeof c === 'string' ? escapeHtml(c) : c.raw)).join('');
  return { raw: `<${tag}${a}>${inner}</${tag}>` };
}

type View = (hh: typeof h, data: unknown, path: string) => { title: string; node: Raw };
// The same source the browser runs; evaluated here once, in Node, from our own constant.
const view = new Function('h', 'data', 'path', VIEW_SRC) as View;

/** JSON inside <script>: no '<' may end the element early. */
const scriptJson = (v: unknown): string =>
  JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

const STYLE = `body{font:14px system-ui,sans-serif;margin:0;color:#1d2430}
header{display:flex;gap:16px;align-items:center;padding:10px 20px;background:#2b3a67;color:#fff}
header a{color:#fff}main{padding:20px}.issue-header{display:flex;gap:12px;align-items:center}
.key{font-family:monospace;color:#556}`;

export function appPage(tenantName: string, t: TenantState, path: string): Reply {
  const data = {
    tenant: tenantName,
    projects: t.projects.map(({ id, name, code }) => ({ id, name, code })),
    issues: t.issues.map(({ id, key, title, project_id, status }) => ({
      id,
      key,
      title,
      project_id,
      status,
    })),
  };
  const v = view(h, data, path);
  const status = /data-testid="not-found"/.test(v.node.raw) ? 404 : 200;
  return html(
    status,
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(v.title)}</title><style>${STYLE}</style></head>
<body>
<header data-testid="kendo-header"><strong>Kendo</strong><span>${escapeHtml(tenantName)}</span>
<nav aria-label="Main"><a href="/" data-spa>Home</a></nav></header>
<main id="app">${v.node.raw}</main>
<script type="application/json" id="kendo-data">${scriptJson(data)}</script>
<script type="text/plain" id="kendo-view">${VIEW_SRC}</script>
<script>${CLIENT_SRC}</script>
</body></html>`,
  );
}

export function loginPage(tenantName: string): Reply {
  return html(
    200,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Log in · Kendo</title></head>
<body><h1>Log in to ${escapeHtml(tenantName)}</h1><form method="post" action="/login">
<label>Email <input name="email" type="email"></label><label>Password <input name="password" type="password"></label>
<button>Log in</button></form></body></html>`,
  );
}

export function noTenantPage(host: string): Reply {
  return html(
    404,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found · Kendo</title></head>
<body><h1>No Kendo workspace at ${escapeHtml(host)}</h1></body></html>`,
  );
}

/**
 * Any page of a foreign host. It looks like a Kendo issue page on purpose, so a test
 * can check that the extension does not act on look-alikes outside kendo.dev.
 */
export function attackerPage(host: string, path: string): Reply {
  return html(
    200,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Totally Kendo</title></head>
<body data-testid="attacker"><header><strong>Kendo</strong></header><main id="app">
<article class="issue" data-testid="issue" data-issue-key="KD-0042" data-issue-id="142" data-project-id="1">
<span data-testid="issue-key">KD-0042</span><h1 data-testid="issue-title">Add pagination to issues list</h1>
<div class="issue-toolbar" data-testid="issue-toolbar"></div>
<p>Served by ${escapeHtml(host)} at ${escapeHtml(path)}</p></article></main></body></html>`,
  );
}
