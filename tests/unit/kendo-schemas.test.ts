import { describe, expect, it } from 'vitest';
import { KendoError } from '../../lib/kendo/errors';
import {
  IssueSchema,
  TimeEntrySchema,
  UserSchema,
  checkEntryBody,
  parseEntity,
  parseList,
} from '../../lib/kendo/schemas';

const entry = {
  id: 15,
  user_id: 1,
  issue_id: 42,
  project_id: 1,
  minutes_spent: 120,
  started_at: '2026-03-13T09:00:00.000000Z',
  note: 'Implemented cursor-based pagination.',
  created_at: '2026-03-13T11:00:00.000000Z',
  issue_title: 'Add pagination to issues list',
  issue_key: 'KD-42',
};

function thrown(fn: () => unknown): KendoError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(KendoError);
    return e as KendoError;
  }
  throw new Error('expected a throw');
}

describe('response schemas', () => {
  it('parse the documented time entry and drop unknown fields', () => {
    const parsed = parseEntity(TimeEntrySchema, { ...entry, billable: true, tags: [] }, 'x');
    expect(parsed).toEqual(entry);
    expect(parsed).not.toHaveProperty('billable');
  });

  it('turn a missing note or started_at into null, and keep nulls', () => {
    const { note: _n, started_at: _s, issue_title: _t, issue_key: _k, ...bare } = entry;
    expect(parseEntity(TimeEntrySchema, bare, 'x')).toEqual({
      ...bare,
      note: null,
      started_at: null,
    });
    const nulls = { ...entry, note: null, started_at: null, issue_title: null, issue_key: null };
    expect(parseEntity(TimeEntrySchema, nulls, 'x')).toEqual(nulls);
  });

  it('unwrap a {data: {...}} resource', () => {
    const user = { id: 1, name: 'Ada', email: 'ada@example.com' };
    expect(parseEntity(UserSchema, { data: user }, 'user')).toEqual(user);
  });

  it('accept a user with no email or a null one', () => {
    expect(parseEntity(UserSchema, { id: 1, name: 'Ada' }, 'user')).toEqual({ id: 1, name: 'Ada' });
    expect(parseEntity(UserSchema, { id: 1, name: 'Ada', email: null }, 'user').email).toBe(
      undefined,
    );
  });

  it.each([
    [{ ...entry, minutes_spent: '120' }, 'minutes_spent: expected number, got string'],
    [{ ...entry, note: 5 }, 'note: expected string, got number'],
    [{ ...entry, created_at: undefined }, 'created_at: missing (expected string)'],
    [{ ...entry, id: null }, 'id: expected number, got null'],
    ['<html>', 'expected object, got string'],
  ])('name what is wrong: %j', (body, detail) => {
    const e = thrown(() => parseEntity(TimeEntrySchema, body, 'time entry'));
    expect(e.kind).toBe('bad_response');
    expect(e.message).toBe(`Kendo sent time entry data of the wrong shape: ${detail}`);
    // A 2xx was received, so a write may have happened.
    expect(e.definitelyNotApplied).toBe(false);
  });

  it('reject an issue whose key is not a string', () => {
    const e = thrown(() =>
      parseEntity(IssueSchema, { id: 142, key: 42, title: 't', project_id: 1 }, 'issue'),
    );
    expect(e.message).toBe(
      'Kendo sent issue data of the wrong shape: key: expected string, got number',
    );
  });
});

describe('parseList', () => {
  it('takes a bare array', () => {
    expect(parseList(TimeEntrySchema, [entry, entry], 'time entry')).toEqual({
      items: [entry, entry],
      next: null,
    });
  });

  it('takes a {data, meta, links} envelope and its next link', () => {
    const body = { data: [entry], meta: { current_page: 1 }, links: { next: '/api/x?page=2' } };
    expect(parseList(TimeEntrySchema, body, 'time entry')).toEqual({
      items: [entry],
      next: '/api/x?page=2',
    });
  });

  it.each([
    [{ data: [entry], links: { next: null } }, null],
    [{ data: [entry], meta: { last_page: 1 } }, null],
    [
      { data: [entry], next_page_url: 'https://acme.kendo.dev/api/x?page=3' },
      'https://acme.kendo.dev/api/x?page=3',
    ],
    // Laravel's paginator puts an array of page links under `links`; next_page_url is the one.
    [{ data: [entry], links: [{ url: null }], next_page_url: '/p2' }, '/p2'],
  ])('reads the next page from %j', (body, next) => {
    expect(parseList(TimeEntrySchema, body, 'time entry').next).toBe(next);
  });

  it('names the item that is wrong', () => {
    const e = thrown(() =>
      parseList(TimeEntrySchema, { data: [entry, { ...entry, user_id: 'me' }] }, 'time entry'),
    );
    expect(e.message).toBe(
      'Kendo sent time entry data of the wrong shape: [1].user_id: expected number, got string',
    );
  });

  it.each([[{ items: [] }], [{ data: {} }], [null], ['[]']])('refuses %j as a list', (body) => {
    const e = thrown(() => parseList(TimeEntrySchema, body, 'time entry'));
    expect(e.kind).toBe('bad_response');
    expect(e.message).toBe('Kendo sent time entry data of the wrong shape: expected a list');
  });
});

describe('checkEntryBody', () => {
  it('passes a good body through and strips unknown fields', () => {
    const body = { minutes_spent: 25, started_at: '2026-03-13T09:00:00.000Z', note: 'x' };
    expect(checkEntryBody({ ...body, user_id: 9 })).toEqual(body);
    expect(checkEntryBody({ minutes_spent: 1 })).toEqual({ minutes_spent: 1 });
  });

  it.each([
    [{ minutes_spent: 0 }, 'minutes_spent', 'Minutes must be at least 1.'],
    [{ minutes_spent: 1.5 }, 'minutes_spent', 'Minutes must be a whole number.'],
    [{ minutes_spent: '5' }, 'minutes_spent', 'Minutes must be a whole number.'],
    [{}, 'minutes_spent', 'Minutes must be a whole number.'],
    [
      { minutes_spent: 5, note: 'n'.repeat(10_001) },
      'note',
      'The note must be at most 10,000 characters.',
    ],
    [{ minutes_spent: 5, note: 7 }, 'note', 'The note must be text.'],
    [
      { minutes_spent: 5, started_at: 'yesterday' },
      'started_at',
      'The start must be an ISO 8601 date and time.',
    ],
  ])('refuses %j with a message on %s', (body, field, message) => {
    const e = thrown(() => checkEntryBody(body));
    expect(e.kind).toBe('validation');
    expect(e.fields).toEqual({ [field]: [message] });
    expect(e.message).toBe(message);
    expect(e.definitelyNotApplied).toBe(true);
  });

  it('accepts a note of exactly 10,000 characters, counting an emoji as one', () => {
    expect(checkEntryBody({ minutes_spent: 5, note: 'n'.repeat(10_000) }).note).toHaveLength(
      10_000,
    );
    const emoji = '\u{1F600}'.repeat(10_000);
    expect(checkEntryBody({ minutes_spent: 5, note: emoji }).note).toBe(emoji);
    expect(() => checkEntryBody({ minutes_spent: 5, note: `${emoji}x` })).toThrow(/at most 10,000/);
  });
});
