import { describe, expect, it } from 'vitest';
import { detectIssue, ISSUE_KEY_RE } from '../../lib/issue/detect';

const ACME = 'https://acme.kendo.dev';

describe('detectIssue recognises issue pages', () => {
  it.each([
    ['https://acme.kendo.dev/projects/1/issues/KD-0042', ACME, 1, 'KD-0042'],
    ['https://acme.kendo.dev/projects/3/issues/HW-0052', ACME, 3, 'HW-0052'],
    ['https://acme.kendo.dev/projects/1/issues/KD-0042/', ACME, 1, 'KD-0042'],
    ['https://acme.kendo.dev/projects/1/issues/KD-0042?tab=activity', ACME, 1, 'KD-0042'],
    ['https://acme.kendo.dev/projects/1/issues/KD-0042#comment-7', ACME, 1, 'KD-0042'],
    ['https://acme.kendo.dev/projects/1/issues/KD-0042/?a=1#b', ACME, 1, 'KD-0042'],
    ['https://ACME.Kendo.DEV/projects/1/issues/KD-0042', ACME, 1, 'KD-0042'],
    ['https://acme.kendo.dev:443/projects/1/issues/KD-0042', ACME, 1, 'KD-0042'],
    ['https://acme.kendo.dev/projects/1/issues/kd-0042', ACME, 1, 'KD-0042'],
    ['https://acme.kendo.dev/projects/1/issues/Kd-42', ACME, 1, 'KD-42'],
    ['https://acme.kendo.dev/projects/12/issues/PROJ-0001', ACME, 12, 'PROJ-0001'],
    ['https://acme.kendo.dev/projects/7/issues/AB12C-123456', ACME, 7, 'AB12C-123456'],
    ['https://acme.kendo.dev/projects/7/issues/A1-1', ACME, 7, 'A1-1'],
    [
      'https://other-co.kendo.dev/projects/2/issues/OPS-0009',
      'https://other-co.kendo.dev',
      2,
      'OPS-0009',
    ],
    ['https://x1.kendo.dev/projects/99999/issues/KD-1', 'https://x1.kendo.dev', 99999, 'KD-1'],
  ])('%s', (href, origin, projectId, key) => {
    expect(detectIssue(new URL(href))).toEqual({ origin, projectId, key });
  });
});

describe('detectIssue refuses everything else', () => {
  it.each([
    // wrong host or scheme
    ['http://acme.kendo.dev/projects/1/issues/KD-0042', 'plain http'],
    ['https://acme.kendo.dev:8443/projects/1/issues/KD-0042', 'non-default port'],
    ['https://acme.kendo.dev:80/projects/1/issues/KD-0042', 'port 80 on https'],
    ['https://kendo.dev/projects/1/issues/KD-0042', 'apex, no tenant'],
    ['https://www.kendo.dev.evil.com/projects/1/issues/KD-0042', 'kendo.dev inside another host'],
    ['https://acme.kendo.dev.evil.com/projects/1/issues/KD-0042', 'suffix attack'],
    ['https://evilkendo.dev/projects/1/issues/KD-0042', 'look-alike apex'],
    ['https://acme.evilkendo.dev/projects/1/issues/KD-0042', 'look-alike domain'],
    ['https://a.b.kendo.dev/projects/1/issues/KD-0042', 'nested subdomain'],
    ['https://acme.kendo.dev./projects/1/issues/KD-0042', 'trailing-dot host'],
    ['https://-acme.kendo.dev/projects/1/issues/KD-0042', 'label starting with a dash'],
    ['https://acme.kendo.com/projects/1/issues/KD-0042', 'other TLD'],
    ['https://user:pw@acme.kendo.dev/projects/1/issues/KD-0042', 'credentials in URL'],
    ['file:///projects/1/issues/KD-0042', 'file URL'],
    // wrong path
    ['https://acme.kendo.dev/projects/1/issues/KD-0042/edit', 'sub-page'],
    ['https://acme.kendo.dev/projects/1/issues/KD-0042/activity', 'sub-path'],
    ['https://acme.kendo.dev/projects/1/issues/KD-0042//', 'double trailing slash'],
    ['https://acme.kendo.dev/projects/1/issues', 'issue list'],
    ['https://acme.kendo.dev/projects/1/issues/', 'issue list with slash'],
    ['https://acme.kendo.dev/projects/1', 'project page'],
    ['https://acme.kendo.dev/', 'home'],
    ['https://acme.kendo.dev/issues/KD-0042', 'no project'],
    ['https://acme.kendo.dev/api/projects/1/issues/KD-0042', 'API path'],
    ['https://acme.kendo.dev/x/projects/1/issues/KD-0042', 'prefixed path'],
    ['https://acme.kendo.dev/Projects/1/Issues/KD-0042', 'path in other case'],
    ['https://acme.kendo.dev/projects/abc/issues/KD-0042', 'non-numeric project'],
    ['https://acme.kendo.dev/projects/03/issues/KD-0042', 'leading zero project id'],
    ['https://acme.kendo.dev/projects/0/issues/KD-0042', 'project id 0'],
    ['https://acme.kendo.dev/projects/-1/issues/KD-0042', 'negative project id'],
    ['https://acme.kendo.dev/projects/1.5/issues/KD-0042', 'fractional project id'],
    ['https://acme.kendo.dev/projects/1e3/issues/KD-0042', 'exponent project id'],
    ['https://acme.kendo.dev/projects/12345678901234567/issues/KD-1', 'unsafe integer id'],
    // wrong key
    ['https://acme.kendo.dev/projects/1/issues/KD-0042x', 'trailing letter'],
    ['https://acme.kendo.dev/projects/1/issues/K-1', 'one-letter code'],
    ['https://acme.kendo.dev/projects/1/issues/TOOLONG-1', 'code over 5'],
    ['https://acme.kendo.dev/projects/1/issues/1KD-1', 'code starting with digit'],
    ['https://acme.kendo.dev/projects/1/issues/KD-', 'no number'],
    ['https://acme.kendo.dev/projects/1/issues/KD0042', 'no dash'],
    ['https://acme.kendo.dev/projects/1/issues/KD--42', 'double dash'],
    ['https://acme.kendo.dev/projects/1/issues/KD-1234567', 'number over 6 digits'],
    ['https://acme.kendo.dev/projects/1/issues/42', 'numeric id instead of key'],
    ['https://acme.kendo.dev/projects/1/issues/KD%2D0042', 'percent-encoded dash'],
    ['https://acme.kendo.dev/projects/1/issues/K%C3%89-1', 'non-ASCII code'],
  ])('%s (%s)', (href) => {
    expect(detectIssue(new URL(href))).toBeNull();
  });
});

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><body>${body}</body>`, 'text/html');
}

const ISSUE_URL = new URL('https://acme.kendo.dev/projects/1/issues/KD-0042');

describe('detectIssue reads the title from the page', () => {
  it.each([
    ['<h1 data-testid="issue-title">Add pagination</h1>', 'Add pagination'],
    ['<h1>Acme board</h1><h2 data-testid="issue-title">Add pagination</h2>', 'Add pagination'],
    ['<h1>  Add pagination\n  </h1><h1>Second</h1>', 'Add pagination'],
    ['<h1 data-testid="issue-title"><b>Export</b> CSV</h1>', 'Export CSV'],
    ['<h1><b>Export</b>\n   <i>CSV</i></h1>', 'Export CSV'],
    ['<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>', '<script>alert(1)</script>'],
    ['<h1><img src=x onerror="alert(1)">Safe</h1>', 'Safe'],
    ['<div data-testid="issue-title">  </div><h1>Fallback</h1>', 'Fallback'],
  ])('%s -> %j', (body, title) => {
    expect(detectIssue(ISSUE_URL, page(body))).toEqual({
      origin: ACME,
      projectId: 1,
      key: 'KD-0042',
      title,
    });
  });

  it.each([['<p>No heading</p>'], ['<h1>   </h1>'], ['']])('no title in %j', (body) => {
    const issue = detectIssue(ISSUE_URL, page(body));
    expect(issue).toEqual({ origin: ACME, projectId: 1, key: 'KD-0042' });
    expect(issue).not.toHaveProperty('title');
  });

  it('cuts a long title at 500 characters without splitting an emoji', () => {
    const long = `${'a'.repeat(499)}😀${'b'.repeat(100)}`;
    const title = detectIssue(ISSUE_URL, page(`<h1>${long}</h1>`))?.title;
    expect(Array.from(title ?? '')).toHaveLength(500);
    expect(title?.endsWith('a😀')).toBe(true);
  });

  it('does not read the page when the URL is not an issue page', () => {
    const doc = page('<h1>Issue</h1>');
    expect(detectIssue(new URL('https://acme.kendo.dev/projects/1'), doc)).toBeNull();
  });
});

describe('ISSUE_KEY_RE', () => {
  it.each([
    ['KD-0042', true],
    ['kd-42', true],
    ['PROJ-1', true],
    ['AB123-999999', true],
    ['K-1', false],
    ['TOOLONG-1', false],
    ['1KD-1', false],
    ['KD-0042x', false],
    [' KD-1', false],
    ['KD-1\n', false],
    ['KD_1', false],
  ])('%j -> %s', (key, ok) => {
    expect(ISSUE_KEY_RE.test(key)).toBe(ok);
  });
});
