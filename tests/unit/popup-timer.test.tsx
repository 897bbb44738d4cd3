import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { idleItem, timerItem } from '../../lib/storage';
import {
  button,
  buttons,
  describedBy,
  field,
  mount,
  ORIGIN,
  region,
  reply,
  sentOf,
  setup,
  timerOn,
  type,
  unmount,
  until,
} from './popup-harness';

beforeEach(() => setup());
afterEach(unmount);

async function openTab(url: string) {
  await fakeBrowser.windows.create({ focused: true } as never);
  return fakeBrowser.tabs.create({ url, active: true });
}

describe('popup timer', () => {
  it('paints a stored timer with its key, its title as text and a ticking elapsed time', async () => {
    await timerItem.setValue(timerOn('KD-0042', 'Export <b>CSV</b>', Date.now() - 3_725_000));
    const c = await mount();
    await until(() => buttons(c, 'Stop timer').length === 1, 'Stop timer');
    expect(c.textContent).toContain('KD-0042');
    expect(c.querySelector('.title')?.textContent).toBe('Export <b>CSV</b>');
    expect(c.querySelector('b')).toBeNull();
    const elapsed = c.querySelector('[role="timer"]')!;
    expect(elapsed.textContent).toMatch(/^1:02:0[5-9]$/);
    const first = elapsed.textContent;
    await until(() => elapsed.textContent !== first, 'the next second');
  });

  it('follows storage: a timer started elsewhere appears, and one stopped elsewhere goes', async () => {
    const c = await mount();
    expect(buttons(c, 'Stop timer')).toHaveLength(0);
    await timerItem.setValue(timerOn('KD-0007'));
    await until(() => buttons(c, 'Stop timer').length === 1, 'Stop timer');
    await timerItem.setValue(null);
    await until(() => buttons(c, 'Stop timer').length === 0, 'no Stop timer');
  });

  it('stops the timer it shows, by id', async () => {
    await timerItem.setValue(timerOn('KD-0042'));
    const c = await mount();
    (await until(() => button(c, 'Stop timer'), 'Stop timer')).click();
    await until(() => sentOf('stopTimer').length === 1, 'stopTimer sent');
    expect(sentOf('stopTimer')[0]?.data).toEqual({ timerId: 't-KD-0042' });
  });

  it('asks before discarding, and Keep timer sends nothing', async () => {
    await timerItem.setValue(timerOn('KD-0042'));
    const c = await mount();
    (await until(() => button(c, 'Discard timer'), 'Discard timer')).click();
    await until(() => c.textContent?.includes('Discard this timer?'), 'the question');
    button(c, 'Keep timer').click();
    await until(() => buttons(c, 'Discard timer').length === 1, 'back to the buttons');
    button(c, 'Discard timer').click();
    (await until(() => button(c, 'Yes, discard'), 'Yes, discard')).click();
    await until(() => sentOf('discardTimer').length === 1, 'discardTimer sent');
    expect(sentOf('discardTimer')[0]?.data).toEqual({ timerId: 't-KD-0042' });
  });

  it('refuses a start in the future at the field, and sends a corrected start', async () => {
    await timerItem.setValue(timerOn('KD-0042'));
    const c = await mount();
    (await until(() => button(c, 'Change start time'), 'Change start time')).click();
    const form = await until(() => region(c, 'Change start time'), 'the start form');
    type(field(form, 'Started at'), '2999-01-01T10:00');
    button(form, 'Save start').click();
    await until(
      () => describedBy(field(form, 'Started at')).includes('cannot be in the future'),
      'error at the field',
    );
    expect(sentOf('updateTimer')).toHaveLength(0);

    const earlier = new Date(Date.now() - 2 * 3600_000);
    earlier.setSeconds(0, 0);
    const pad = (n: number) => String(n).padStart(2, '0');
    type(
      field(form, 'Started at'),
      `${earlier.getFullYear()}-${pad(earlier.getMonth() + 1)}-${pad(earlier.getDate())}T${pad(earlier.getHours())}:${pad(earlier.getMinutes())}`,
    );
    button(form, 'Save start').click();
    await until(() => sentOf('updateTimer').length === 1, 'updateTimer sent');
    expect(sentOf('updateTimer')[0]?.data).toEqual({
      timerId: 't-KD-0042',
      startedAt: earlier.getTime(),
    });
  });

  it('saves the note when the field is left', async () => {
    await timerItem.setValue(timerOn('KD-0042'));
    const c = await mount();
    const note = await until(() => field(region(c, 'Timer')!, 'Note'), 'Note');
    type(note, 'pairing with Ann');
    note.dispatchEvent(new Event('blur'));
    await until(() => sentOf('updateTimer').length > 0, 'updateTimer sent');
    expect(sentOf('updateTimer')[0]?.data).toEqual({
      timerId: 't-KD-0042',
      note: 'pairing with Ann',
    });
  });

  it('offers the active tab issue, titled by the background, and starts a timer on it', async () => {
    reply('resolveIssue', () => ({ ok: true, value: { id: 9, title: 'Add <i>pagination</i>' } }));
    await openTab(`${ORIGIN}/projects/3/issues/kd-0043`);
    const c = await mount();
    await until(() => c.textContent?.includes('Add <i>pagination</i>'), 'resolved title');
    expect(c.querySelector('.timer .key')?.textContent).toBe('KD-0043');
    button(c, 'Start timer').click();
    await until(() => sentOf('startTimer').length === 1, 'startTimer sent');
    expect(sentOf('startTimer')[0]?.data).toMatchObject({
      issue: { origin: ORIGIN, projectId: 3, key: 'KD-0043' },
    });
  });

  it('offers to switch when the timer runs on another issue than the tab', async () => {
    await timerItem.setValue(timerOn('KD-0042'));
    await openTab(`${ORIGIN}/projects/1/issues/KD-0043`);
    const c = await mount();
    const start = await until(() => button(c, 'Start timer on KD-0043'), 'switch button');
    expect(buttons(c, 'Stop timer')).toHaveLength(1);
    start.click();
    await until(() => sentOf('startTimer').length === 1, 'startTimer sent');
  });

  it('uses the last other tab when the popup itself is open as the active tab', async () => {
    await openTab(`${ORIGIN}/projects/1/issues/KD-0042`);
    const self = await fakeBrowser.tabs.create({
      url: fakeBrowser.runtime.getURL('/popup.html'),
      active: true,
    });
    fakeBrowser.tabs.getCurrent = (async () => self) as never;
    const c = await mount();
    await until(() => buttons(c, 'Start timer').length === 1, 'Start timer');
    expect(c.querySelector('.timer .key')?.textContent).toBe('KD-0042');
  });

  it('says what to do when the tab is not a Kendo issue', async () => {
    await openTab('https://example.com/');
    const c = await mount();
    await until(() => c.textContent?.includes('Open a Kendo issue to start a timer'), 'hint');
    expect(buttons(c, 'Start timer')).toHaveLength(0);
  });

  it('asks the background to deliver and refresh when it opens', async () => {
    await mount();
    await until(() => sentOf('popupOpened').length === 1, 'popupOpened sent');
  });

  it('offers the idle choices for the running timer and sends the one picked', async () => {
    const timer = timerOn('KD-0042', 'T', Date.now() - 3600_000);
    await timerItem.setValue(timer);
    await idleItem.setValue({ timerId: timer.id, since: Date.now() - 1800_000, back: Date.now() });
    const c = await mount();
    const prompt = await until(() => region(c, 'Time away'), 'idle prompt');
    expect(prompt.textContent).toContain('You were away for 30 min');
    expect(buttons(prompt, 'Keep idle time')).toHaveLength(1);
    expect(buttons(prompt, 'Discard idle time')).toHaveLength(1);
    button(prompt, 'Stop timer at ').click();
    await until(() => sentOf('resolveIdle').length === 1, 'resolveIdle sent');
    expect(sentOf('resolveIdle')[0]?.data).toEqual({ choice: 'stop' });
  });
});
