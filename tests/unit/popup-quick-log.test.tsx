import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  button,
  buttons,
  describedBy,
  field,
  member,
  mount,
  ORIGIN,
  region,
  reply,
  sentOf,
  setup,
  type,
  unmount,
  until,
} from './popup-harness';

beforeEach(() => setup());
afterEach(unmount);

async function logForm() {
  const c = await mount();
  return until(() => region(c, 'Log time') as HTMLFormElement | null, 'the Log time form');
}

describe('quick log', () => {
  it('is a form named Log time with the fields of UI.md', async () => {
    const form = await logForm();
    expect(form.tagName).toBe('FORM');
    for (const label of ['Issue', 'Duration', 'Started at', 'Note']) field(form, label);
    expect(button(form, 'Log time').type).toBe('submit');
  });

  it('shows a bad duration at the field and sends nothing', async () => {
    const form = await logForm();
    type(field(form, 'Issue'), 'KD-0042');
    type(field(form, 'Duration'), '1:75');
    button(form, 'Log time').click();
    const duration = field(form, 'Duration');
    await until(() => duration.getAttribute('aria-invalid') === 'true', 'invalid duration');
    expect(describedBy(duration)).toContain('minutes go from 00 to 59');
    expect(sentOf('logTime')).toHaveLength(0);
  });

  it('logs 1h 30m as 90 minutes, clears the form and says so', async () => {
    const form = await logForm();
    type(field(form, 'Issue'), 'kd-0042');
    type(field(form, 'Duration'), '1h 30m');
    type(field(form, 'Note'), 'review');
    button(form, 'Log time').click();
    const status = form.querySelector('[role="status"]')!;
    await until(() => status.textContent === 'Logged 1h 30m on KD-0042', 'the confirmation');
    expect(sentOf('logTime').map((m) => m.data)).toEqual([
      { issue: 'kd-0042', minutes: 90, note: 'review' },
    ]);
    expect(field(form, 'Duration').value).toBe('');
    expect(field(form, 'Note').value).toBe('');
    expect(field(form, 'Issue').value).toBe('kd-0042');
  });

  it('sends a given start as a time, and refuses one in the future', async () => {
    const form = await logForm();
    type(field(form, 'Issue'), 'KD-0042');
    type(field(form, 'Duration'), '45');
    type(field(form, 'Started at'), '2999-05-01T09:15');
    button(form, 'Log time').click();
    await until(() => describedBy(field(form, 'Started at')).includes('future'), 'future error');
    expect(sentOf('logTime')).toHaveLength(0);
    type(field(form, 'Started at'), '2020-05-01T09:15');
    button(form, 'Log time').click();
    await until(() => sentOf('logTime').length === 1, 'logTime sent');
    expect(sentOf('logTime')[0]?.data.startedAt).toBe(new Date(2020, 4, 1, 9, 15).getTime());
  });

  it("puts the background's field messages next to their fields", async () => {
    reply('logTime', () => ({
      ok: false,
      error: {
        kind: 'invalid',
        message: 'Kendo has no issue KD-9999 that you can see.',
        fields: { issue: ['Kendo has no issue KD-9999 that you can see.'] },
      },
    }));
    const form = await logForm();
    type(field(form, 'Issue'), 'KD-9999');
    type(field(form, 'Duration'), '30m');
    button(form, 'Log time').click();
    await until(
      () => describedBy(field(form, 'Issue')).includes('no issue KD-9999'),
      'issue error',
    );
    expect(describedBy(field(form, 'Duration'))).toBe('');
  });

  it('shows an error without fields under the form', async () => {
    reply('logTime', () => ({
      ok: false,
      error: { kind: 'internal', message: 'Storage is full.' },
    }));
    const form = await logForm();
    type(field(form, 'Issue'), 'KD-1');
    type(field(form, 'Duration'), '30m');
    button(form, 'Log time').click();
    await until(
      () => form.querySelector('[role="alert"]')?.textContent === 'Storage is full.',
      'alert',
    );
  });

  it('counts characters near the 10,000 limit and refuses a longer note', async () => {
    const form = await logForm();
    type(field(form, 'Issue'), 'KD-1');
    type(field(form, 'Duration'), '30m');
    type(field(form, 'Note'), 'x'.repeat(100));
    expect(describedBy(field(form, 'Note'))).toBe('');
    type(field(form, 'Note'), 'x'.repeat(10_001));
    expect(describedBy(field(form, 'Note'))).toMatch(/10.001 \/ 10.000/);
    button(form, 'Log time').click();
    await until(() => describedBy(field(form, 'Note')).includes('at most'), 'note error');
    expect(sentOf('logTime')).toHaveLength(0);
  });

  it('fills in the issue of the active tab and offers suggestions', async () => {
    reply('suggestIssues', () => ({
      ok: true,
      value: [{ key: 'KD-0007', title: 'Recent one', projectId: 1 }],
    }));
    await fakeBrowser.windows.create({ focused: true } as never);
    await fakeBrowser.tabs.create({ url: `${ORIGIN}/projects/1/issues/KD-0042`, active: true });
    const form = await logForm();
    await until(() => field(form, 'Issue').value === 'KD-0042', 'prefilled issue');
    // Suggestions cost a request to Kendo: none until the user goes to the field, then one.
    expect(sentOf('suggestIssues')).toHaveLength(0);
    field(form, 'Issue').focus();
    field(form, 'Issue').blur();
    field(form, 'Issue').focus();
    const chip = await until(() => button(form, 'Use KD-0007: Recent one'), 'suggestion');
    expect(sentOf('suggestIssues')).toHaveLength(1);
    // The field stays a plain textbox (a <datalist> would make it a combobox).
    expect(field(form, 'Issue').hasAttribute('list')).toBe(false);
    chip.click();
    await until(() => field(form, 'Issue').value === 'KD-0007', 'suggestion taken');
  });
});

describe('status line', () => {
  it('offers to connect when nothing is connected, and hides the timer and form', async () => {
    await setup(null);
    const c = await mount();
    (await until(() => button(c, 'Connect to Kendo'), 'Connect')).click();
    await until(() => sentOf('openOptions').length === 1, 'openOptions sent');
    expect(region(c, 'Log time')).toBeNull();
  });

  it('asks for a new token when Kendo rejected the old one', async () => {
    await setup({ ...member, status: 'rejected' });
    const c = await mount();
    await until(() => c.textContent?.includes('Kendo no longer accepts your token'), 'message');
    button(c, 'Enter a new token').click();
    await until(() => sentOf('openOptions').length === 1, 'openOptions sent');
  });

  it('tells a viewer their role cannot log time, and offers no way to', async () => {
    await setup({ ...member, canLog: false });
    const c = await mount();
    await until(() => c.textContent?.includes('Your Kendo role (viewer) cannot log time.'), 'role');
    expect(region(c, 'Log time')).toBeNull();
    expect(buttons(c, 'Start timer')).toHaveLength(0);
  });
});
