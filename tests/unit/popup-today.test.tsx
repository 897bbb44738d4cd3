import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entriesItem, pendingDeletesItem } from '../../lib/storage';
import type { Entry } from '../../lib/types';
import {
  button,
  buttons,
  describedBy,
  entry,
  field,
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

/** Local wall time today (or `dayOffset` days away). */
function at(h: number, m = 0, dayOffset = 0): Date {
  const d = new Date();
  d.setDate(d.getDate() + dayOffset);
  d.setHours(h, m, 0, 0);
  return d;
}

const early = entry(1, 'KD-0001', at(0, 5), 30, { note: 'standup' });
const titled = entry(2, 'KD-0042', at(0, 40), 90, { issue_title: 'Export <b>CSV</b>' });
const yesterday = entry(3, 'KD-0003', at(23, 30, -1), 60);

async function cache(entries: Entry[], extra = {}) {
  await entriesItem.setValue({
    origin: ORIGIN,
    userId: 2,
    weekStart: 0,
    fetchedAt: Date.now(),
    entries,
    ...extra,
  });
}

async function today() {
  const c = await mount();
  return until(() => region(c, 'Today'), 'the Today region');
}

beforeEach(() => setup());
afterEach(unmount);

describe('today', () => {
  it("lists today's entries newest first, with title and note as text, and the total", async () => {
    await cache([early, titled, yesterday]);
    const section = await today();
    const items = [...section.querySelectorAll('li')];
    expect(items.map((li) => li.querySelector('.key')?.textContent)).toEqual([
      'KD-0042',
      'KD-0001',
    ]);
    expect(items[0]?.textContent).toContain('Export <b>CSV</b>');
    expect(section.querySelector('b')).toBeNull();
    expect(items[0]?.textContent).toContain('1h 30m');
    expect(items[1]?.textContent).toContain('standup');
    expect(section.textContent).toContain('Total 2h');
    expect(buttons(items[0]!, 'Edit')).toHaveLength(1);
    expect(buttons(items[0]!, 'Delete')[0]?.getAttribute('aria-label')).toBe(
      'Delete KD-0042 1h 30m',
    );
  });

  it('says when nothing is logged, and draws the day and the week', async () => {
    await cache([yesterday]);
    const section = await today();
    expect(section.textContent).toContain('Nothing logged today yet.');
    const week = section.querySelector('.week[role="img"]')!;
    expect(week.getAttribute('aria-label')).toMatch(/^This week: Mon \S+, Tue /);
    expect(week.querySelectorAll('.day')).toHaveLength(7);
    expect(week.querySelectorAll('.day.today')).toHaveLength(1);
    expect(section.querySelector('.timeline')?.getAttribute('aria-label')).toContain('nothing');
  });

  it('places each of today’s entries on the timeline', async () => {
    await cache([early, titled]);
    const section = await today();
    const bars = [...section.querySelectorAll<HTMLElement>('.timeline .bar')];
    expect(bars).toHaveLength(2);
    expect(parseFloat(bars[1]!.style.left)).toBeGreaterThan(parseFloat(bars[0]!.style.left));
    expect(section.querySelector('.timeline')?.getAttribute('aria-label')).toContain('KD-0042');
  });

  it('updates when the cache changes', async () => {
    await cache([]);
    const section = await today();
    await cache([titled]);
    await until(() => section.querySelectorAll('li').length === 1, 'the new entry');
  });

  it('shows a failed refresh discreetly and keeps the list', async () => {
    await cache([titled], { error: { kind: 'network', message: 'Kendo could not be reached.' } });
    const section = await today();
    expect(section.textContent).toContain('Kendo could not be reached.');
    expect(section.querySelectorAll('li')).toHaveLength(1);
  });

  it('edits an entry in place and sends the change', async () => {
    await cache([titled]);
    const section = await today();
    button(section, 'Edit KD-0042').click();
    const form = await until(() => region(section, 'Edit entry'), 'the Edit entry form');
    expect(field(form, 'Duration').value).toBe('1h 30m');
    type(field(form, 'Duration'), '2h');
    type(field(form, 'Note'), 'more');
    button(form, 'Save').click();
    await until(() => sentOf('updateEntry').length === 1, 'updateEntry sent');
    expect(sentOf('updateEntry')[0]?.data).toEqual({
      entryId: 2,
      minutes: 120,
      startedAt: at(0, 40).getTime(),
      note: 'more',
    });
    await until(() => region(section, 'Edit entry') === null, 'the form closed');
  });

  it("shows Kendo's field messages at their fields, and other refusals in words", async () => {
    await cache([titled]);
    reply('updateEntry', () => ({
      ok: false,
      error: { kind: 'validation', message: 'x', fields: { duration: ['At least 1 minute.'] } },
    }));
    const section = await today();
    button(section, 'Edit').click();
    const form = await until(() => region(section, 'Edit entry'), 'form');
    button(form, 'Save').click();
    await until(() => describedBy(field(form, 'Duration')) === 'At least 1 minute.', 'field error');

    reply('updateEntry', () => ({
      ok: false,
      error: { kind: 'forbidden', message: 'This entry is not yours to change.' },
    }));
    button(form, 'Save').click();
    await until(
      () =>
        form.querySelector('[role="alert"]')?.textContent === 'This entry is not yours to change.',
      'forbidden message',
    );
  });

  it('refuses a bad duration in the edit form without sending', async () => {
    await cache([titled]);
    const section = await today();
    button(section, 'Edit').click();
    const form = await until(() => region(section, 'Edit entry'), 'form');
    type(field(form, 'Duration'), 'soon');
    button(form, 'Save').click();
    await until(() => describedBy(field(form, 'Duration')).length > 0, 'duration error');
    expect(sentOf('updateEntry')).toHaveLength(0);
  });

  it('deletes, then offers Undo while the delete waits', async () => {
    await cache([titled]);
    const section = await today();
    button(section, 'Delete').click();
    await until(() => sentOf('deleteEntry').length === 1, 'deleteEntry sent');
    expect(sentOf('deleteEntry')[0]?.data).toEqual({ entryId: 2 });
    await pendingDeletesItem.setValue([
      { entry: titled, origin: ORIGIN, state: 'waiting', until: Date.now() + 5000 },
    ]);
    await until(() => section.textContent?.includes('Deleted KD-0042'), 'deleted row');
    expect(section.textContent).toContain('Total 0m');
    button(section, 'Undo').click();
    await until(() => sentOf('undoDelete').length === 1, 'undoDelete sent');
    expect(sentOf('undoDelete')[0]?.data).toEqual({ entryId: 2 });
  });

  it('keeps offering Undo for a sent delete whose entry left the cache', async () => {
    await cache([]);
    await pendingDeletesItem.setValue([
      { entry: titled, origin: ORIGIN, state: 'deleted', until: Date.now() + 30_000 },
    ]);
    const section = await today();
    await until(() => buttons(section, 'Undo').length === 1, 'Undo');
  });

  it('shows a failed delete with its reason and Retry delete', async () => {
    await cache([titled]);
    await pendingDeletesItem.setValue([
      {
        entry: titled,
        origin: ORIGIN,
        state: 'failed',
        until: 0,
        error: { kind: 'server', message: 'Kendo had a problem.' },
      },
    ]);
    const section = await today();
    expect(section.textContent).toContain('Kendo had a problem.');
    button(section, 'Retry delete').click();
    await until(() => sentOf('deleteEntry').length === 1, 'deleteEntry sent again');
  });
});
