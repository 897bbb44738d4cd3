// The web app's view, as plain browser JavaScript in a string: the server runs it
// to render the first page (with an escaping `h`), and the page's inline script
// runs the very same code on in-app navigation (with a DOM `h`). Kept as a string
// so no transpiler (tsx, vite, Playwright's loader) can inject helpers into it.
//
// view(h, data, path) -> { title, node }
//   data = { tenant, projects: [{id, name, code}], issues: [{id, key, title, project_id, status}] }
export const VIEW_SRC = String.raw`
  var projects = data.projects, issues = data.issues;
  var issueHref = function (i) { return '/projects/' + i.project_id + '/issues/' + i.key; };
  var projectOf = function (id) { return projects.find(function (p) { return p.id === id; }); };
  var issueLink = function (i) {
    return h('li', {}, h('a', { href: issueHref(i), 'data-spa': '', 'data-issue-link': i.key },
      h('span', { class: 'key' }, i.key), ' ', h('span', { class: 'title' }, i.title)));
  };
  var page = function (title, node) { return { title: title + ' · Kendo', node: node }; };
  var m;
  if (path === '/' || path === '') {
    return page(data.tenant, h('div', { 'data-testid': 'home' },
      h('h1', {}, 'Workspace ' + data.tenant),
      h('section', { 'aria-label': 'Projects' }, h('h2', {}, 'Projects'),
        h.apply(null, ['ul', {}].concat(projects.map(function (p) {
          return h('li', {}, h('a', { href: '/projects/' + p.id, 'data-spa': '' }, p.name + ' (' + p.code + ')'));
        })))),
      h('section', { 'aria-label': 'Recent issues' }, h('h2', {}, 'Recent issues'),
        h.apply(null, ['ul', {}].concat(issues.map(issueLink))))));
  }
  if ((m = /^\/projects\/(\d+)\/?$/.exec(path))) {
    var p = projectOf(Number(m[1]));
    if (!p) return page('Not found', h('div', { 'data-testid': 'not-found' }, h('h1', {}, 'Project not found')));
    return page(p.name, h('div', { 'data-testid': 'project', 'data-project-id': String(p.id) },
      h('h1', {}, p.name),
      h.apply(null, ['ul', {}].concat(issues.filter(function (i) { return i.project_id === p.id; }).map(issueLink)))));
  }
  if ((m = /^\/projects\/(\d+)\/issues\/([^/]+)\/?$/.exec(path))) {
    var pid = Number(m[1]), key = decodeURIComponent(m[2]);
    var issue = issues.find(function (i) { return i.project_id === pid && i.key === key; });
    if (!issue) return page('Not found', h('div', { 'data-testid': 'not-found' }, h('h1', {}, 'Issue not found')));
    var proj = projectOf(pid);
    return page(issue.key + ' ' + issue.title, h('article', {
        class: 'issue', 'data-testid': 'issue', 'data-issue-key': issue.key,
        'data-issue-id': String(issue.id), 'data-project-id': String(pid) },
      h('nav', { 'aria-label': 'Breadcrumb' },
        h('a', { href: '/', 'data-spa': '' }, data.tenant), ' / ',
        h('a', { href: '/projects/' + pid, 'data-spa': '' }, proj ? proj.name : ''), ' / ',
        h('span', { 'data-testid': 'issue-key' }, issue.key)),
      h('div', { class: 'issue-header' },
        h('h1', { 'data-testid': 'issue-title' }, issue.title),
        h('div', { class: 'issue-toolbar', 'data-testid': 'issue-toolbar' })),
      h('p', { 'data-testid': 'issue-status' }, 'Status: ' + issue.status),
      h('section', { 'aria-label': 'Other issues' }, h('h2', {}, 'Other issues'),
        h.apply(null, ['ul', {}].concat(issues.filter(function (i) { return i !== issue; }).map(issueLink))))));
  }
  return page('Not found', h('div', { 'data-testid': 'not-found' }, h('h1', {}, 'Page not found')));
`;

/** The inline script: in-app navigation with pushState/popstate, like a real SPA. */
export const CLIENT_SRC = String.raw`
(function () {
  var data = JSON.parse(document.getElementById('kendo-data').textContent);
  var view = new Function('h', 'data', 'path', document.getElementById('kendo-view').textContent);
  var h = function (tag, attrs) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    for (var i = 2; i < arguments.length; i++) el.append(arguments[i]);
    return el;
  };
  var main = document.getElementById('app');
  var seq = 0;
  // Like a real SPA that fetches the next view: the old content goes first, the new
  // one arrives a moment later.
  var render = function () {
    var mine = ++seq;
    main.replaceChildren(h('p', { 'data-testid': 'loading' }, 'Loading…'));
    setTimeout(function () {
      if (mine !== seq) return;
      var v = view(h, data, location.pathname);
      document.title = v.title;
      main.replaceChildren(v.node);
    }, 40);
  };
  var navigate = function (href) {
    history.pushState({}, '', href);
    render();
  };
  document.addEventListener('click', function (ev) {
    var a = ev.target instanceof Element ? ev.target.closest('a[data-spa]') : null;
    if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    var url = new URL(a.href, location.href);
    if (url.origin !== location.origin) return;
    ev.preventDefault();
    navigate(url.pathname + url.search);
  });
  window.addEventListener('popstate', render);
  window.kendoApp = { navigate: navigate };
})();
`;
