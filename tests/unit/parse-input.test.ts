import { describe, expect, it } from 'vitest';
import { parseIssueInput } from '../../lib/issue/parse-input';

describe('parseIssueInput reads keys', () => {
  it.each([
    ['KD-0042', 'KD-0042', 'KD', 'KD-0042'],
    ['kd-42', 'KD-42', 'KD', 'KD-0042'],
    ['  Kd-42  ', 'KD-42', 'KD', 'KD-0042'],
    ['KD-7', 'KD-7', 'KD', 'KD-0007'],
    ['KD-0', 'KD-0', 'KD', 'KD-0000'],
    ['proj-1', 'PROJ-1', 'PROJ', 'PROJ-0001'],
    ['HW-12345', 'HW-12345', 'HW', 'HW-12345'],
    ['HW-00042', 'HW-00042', 'HW', 'HW-0042'],
    ['a1b2c-3', 'A1B2C-3', 'A1B2C', 'A1B2C-0003'],
  ])('%j -> %s', (input, key, code, paddedKey) => {
    expect(parseIssueInput(input)).toEqual({ ok: true, key, code, paddedKey });
  });
});

describe('parseIssueInput reads issue links', () => {
  it.each([
    ['https://acme.kendo.dev/projects/3/issues/HW-0052', 'HW-0052', 3],
    ['https://acme.kendo.dev/projects/3/issues/hw-52/?tab=time#x', 'HW-52', 3],
    [' https://ACME.kendo.dev/projects/12/issues/KD-0042 ', 'KD-0042', 12],
    ['acme.kendo.dev/projects/3/issues/HW-0052', 'HW-0052', 3],
  ])('%j', (input, key, projectId) => {
    const [code] = key.split('-');
    const result = parseIssueInput(input);
    expect(result).toMatchObject({
      ok: true,
      key,
      code,
      projectId,
      origin: 'https://acme.kendo.dev',
    });
  });

  it('pads the key of a link too', () => {
    expect(parseIssueInput('https://acme.kendo.dev/projects/3/issues/hw-52')).toMatchObject({
      key: 'HW-52',
      paddedKey: 'HW-0052',
    });
  });
});

describe('parseIssueInput refuses', () => {
  it.each([
    [''],
    ['   '],
    ['KD'],
    ['KD-'],
    ['K-1'],
    ['TOOLONG-1'],
    ['1KD-1'],
    ['KD-0042x'],
    ['KD 42'],
    ['KD42'],
    ['42'],
    ['Add pagination'],
    ['KD-1 KD-2'],
    ['http://acme.kendo.dev/projects/3/issues/HW-0052'],
    ['https://acme.kendo.dev.evil.com/projects/3/issues/HW-0052'],
    ['https://acme.kendo.dev:8443/projects/3/issues/HW-0052'],
    ['https://acme.kendo.dev/projects/3/issues'],
    ['https://acme.kendo.dev/projects/3/issues/HW-0052/edit'],
    ['javascript:alert(1)'],
    ['https://'],
  ])('%j', (input) => {
    expect(parseIssueInput(input)).toEqual({
      ok: false,
      message: 'Enter an issue key like KD-0042 or paste the issue’s link.',
    });
  });
});
