import { describe, expect, it } from 'vitest';
import { isKendoOrigin, parseKendoAddress } from '../../lib/kendo/address';

describe('parseKendoAddress', () => {
  it.each([
    ['acme', 'acme'],
    ['acme.kendo.dev', 'acme'],
    ['https://acme.kendo.dev', 'acme'],
    ['https://acme.kendo.dev/', 'acme'],
    ['https://acme.kendo.dev/projects/3/issues/HW-0052', 'acme'],
    ['acme.kendo.dev/projects/3?tab=time#top', 'acme'],
    ['  https://acme.kendo.dev  ', 'acme'],
    ['HTTPS://ACME.Kendo.DEV', 'acme'],
    ['Acme', 'acme'],
    ['my-team-2', 'my-team-2'],
    ['x', 'x'],
    ['7', '7'],
    ['a'.repeat(63), 'a'.repeat(63)],
    ['xn--mnchen-3ya.kendo.dev', 'xn--mnchen-3ya'],
  ])('accepts %j as tenant %j', (input, tenant) => {
    expect(parseKendoAddress(input)).toEqual({
      ok: true,
      tenant,
      origin: `https://${tenant}.kendo.dev`,
    });
  });

  it.each([
    ['', /enter your kendo address/i],
    ['   ', /enter your kendo address/i],
    ['https://', /enter your kendo address/i],
    ['http://acme.kendo.dev', /start with https:\/\//],
    ['ftp://acme.kendo.dev', /start with https:\/\//],
    ['javascript://acme.kendo.dev', /start with https:\/\//],
    ['https://acme.kendo.dev:8443', /without a port/],
    ['https://acme.kendo.dev:443', /without a port/],
    ['acme.kendo.dev:443/x', /without a port/],
    ['https://user@acme.kendo.dev', /user name/],
    ['https://evil.com@acme.kendo.dev', /user name/],
    ['https://acme.kendo.dev\\@evil.com', /user name/],
    ['https://acme.kendo.dev.evil.com', /not a Kendo address/],
    ['https://evil.com/acme.kendo.dev', /not a Kendo address/],
    ['acme.kendo.com', /not a Kendo address/],
    ['acme.kendo.dev.', /not a Kendo address/],
    ['kendo.dev', /not a Kendo address/],
    ['https://a.b.kendo.dev', /not a valid Kendo team name/],
    ['-acme', /not a valid Kendo team name/],
    ['acme-', /not a valid Kendo team name/],
    ['ac me', /not a valid Kendo team name/],
    ['ac_me.kendo.dev', /not a valid Kendo team name/],
    ['acmé', /not a valid Kendo team name/],
    ['a'.repeat(64), /not a valid Kendo team name/],
  ])('refuses %j', (input, message) => {
    const result = parseKendoAddress(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(message);
    // Every refusal shows what a good address looks like.
    expect(result.message).toContain('acme.kendo.dev');
  });
});

describe('isKendoOrigin', () => {
  it.each([
    ['https://acme.kendo.dev', true],
    ['https://my-team-2.kendo.dev', true],
    ['https://acme.kendo.dev/', false],
    ['https://acme.kendo.dev:443', false],
    ['https://acme.kendo.dev/api', false],
    ['http://acme.kendo.dev', false],
    ['https://ACME.kendo.dev', false],
    ['https://a.b.kendo.dev', false],
    ['https://kendo.dev', false],
    ['https://acme.kendo.dev.evil.com', false],
    ['https://evilkendo.dev', false],
    ['', false],
  ])('%j -> %s', (origin, expected) => {
    expect(isKendoOrigin(origin)).toBe(expected);
  });
});
