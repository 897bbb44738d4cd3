import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_AFTER_MS,
  KendoError,
  errorFromResponse,
  isKendoError,
  parseRetryAfter,
  toErrorData,
} from '../../lib/kendo/errors';

const base = { retryAfter: null, serverNowMs: undefined, localNowMs: 0, what: 'issue' };

describe('KendoError', () => {
  it.each([
    ['network', false],
    ['timeout', false],
    ['server', false],
    ['unauthorized', true],
    ['validation', true],
    ['bad_response', true],
  ] as const)('%s defaults definitelyNotApplied to %s', (kind, expected) => {
    expect(new KendoError(kind, 'm').definitelyNotApplied).toBe(expected);
  });

  it('is recognised, also when it comes from another copy of the class', () => {
    expect(isKendoError(new KendoError('network', 'm'))).toBe(true);
    const foreign = Object.assign(new Error('m'), {
      name: 'KendoError',
      kind: 'server',
      definitelyNotApplied: false,
    });
    expect(isKendoError(foreign)).toBe(true);
    expect(isKendoError(new Error('m'))).toBe(false);
    expect(isKendoError({ kind: 'server', message: 'm' })).toBe(false);
  });
});

describe('toErrorData', () => {
  it('keeps what matters and survives JSON', () => {
    const e = new KendoError('validation', 'Bad.', {
      status: 422,
      fields: { note: ['Too long.'] },
    });
    const data = toErrorData(e);
    expect(data).toEqual({
      kind: 'validation',
      message: 'Bad.',
      status: 422,
      fields: { note: ['Too long.'] },
    });
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    expect(toErrorData(new KendoError('rate_limited', 'Wait.', { retryAfterMs: 7000 }))).toEqual({
      kind: 'rate_limited',
      message: 'Wait.',
      retryAfterMs: 7000,
    });
  });

  it('reports anything else as unexpected', () => {
    expect(toErrorData(new TypeError('x is undefined'))).toEqual({
      kind: 'bad_response',
      message: 'Something unexpected went wrong: x is undefined',
    });
    expect(toErrorData('boom').message).toContain('boom');
  });
});

describe('parseRetryAfter', () => {
  const server = Date.parse('2026-03-13T10:00:00Z');
  it.each([
    ['7', undefined, 7000],
    [' 0 ', undefined, 0],
    ['1.5', undefined, 1500],
    [null, undefined, DEFAULT_RETRY_AFTER_MS],
    ['', undefined, DEFAULT_RETRY_AFTER_MS],
    ['soon', undefined, DEFAULT_RETRY_AFTER_MS],
    ['-5', undefined, DEFAULT_RETRY_AFTER_MS],
    // Measured against the server's Date, not our (here wildly wrong) clock.
    ['Fri, 13 Mar 2026 10:00:20 GMT', server, 20_000],
    ['Fri, 13 Mar 2026 09:59:00 GMT', server, 0],
  ])('%j -> %s ms', (value, serverNow, expected) => {
    expect(parseRetryAfter(value, serverNow, 0)).toBe(expected);
  });

  it('falls back to the local clock without a server Date', () => {
    expect(parseRetryAfter('Fri, 13 Mar 2026 10:00:05 GMT', undefined, server)).toBe(5000);
  });
});

describe('errorFromResponse', () => {
  it.each([
    [401, 'unauthorized', true],
    [403, 'forbidden', true],
    [404, 'not_found', true],
    [422, 'validation', true],
    [429, 'rate_limited', true],
    [500, 'server', false],
    [503, 'server', false],
    [400, 'bad_response', true],
    [409, 'bad_response', true],
    [302, 'bad_response', false],
  ] as const)('%s -> %s', (status, kind, notApplied) => {
    const e = errorFromResponse({ ...base, status, body: undefined });
    expect(e).toMatchObject({ kind, status, definitelyNotApplied: notApplied });
    expect(e.message).not.toMatch(/undefined|\[object/);
  });

  it('reads 422 field messages and the message', () => {
    const body = {
      message: 'The minutes spent field must be at least 1.',
      errors: { minutes_spent: ['The minutes spent field must be at least 1.'], note: 'x', bad: 3 },
    };
    const e = errorFromResponse({ ...base, status: 422, body });
    expect(e.message).toBe('The minutes spent field must be at least 1.');
    expect(e.fields).toEqual({
      minutes_spent: ['The minutes spent field must be at least 1.'],
      note: ['x'],
    });
  });

  it('falls back to the first field message, then to a sentence', () => {
    const e = errorFromResponse({
      ...base,
      status: 422,
      body: { errors: { note: ['Too long.'] } },
    });
    expect(e.message).toBe('Too long.');
    expect(errorFromResponse({ ...base, status: 422, body: '<html>' }).message).toBe(
      'Kendo did not accept this issue.',
    );
  });

  it('gives 429 the wait Kendo asked for, or 30 s', () => {
    const e = errorFromResponse({ ...base, status: 429, body: {}, retryAfter: '7' });
    expect(e.retryAfterMs).toBe(7000);
    expect(e.message).toContain('7 s');
    expect(errorFromResponse({ ...base, status: 429, body: {} }).retryAfterMs).toBe(30_000);
  });

  it('names what was not found', () => {
    const e = errorFromResponse({ ...base, status: 404, body: {}, what: 'time entry' });
    expect(e.message).toBe('Kendo could not find this time entry, or your account cannot see it.');
  });
});
