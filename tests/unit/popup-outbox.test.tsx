import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outboxItem } from '../../lib/storage';
import type { OutboxItem } from '../../lib/types';
import {
  button,
  buttons,
  describedBy,
  field,
  mount,
  ORIGIN,
  region,
  sentOf,
  setup,
  type,
  unmount,
  until,
} from './popup-harness';

function item(
  localId: string,
  state: OutboxItem['state'],
  extra: Partial<OutboxItem> = {},
): OutboxItem {
  const start = Date.now() - 3600_000;
  return {
    localId,
    issue: { origin: ORIGIN, projectId: 1, key: 'KD-0042', title: 'Export' },
    body: { minutes_spent: 90, started_at: new Date(start).toISOString(), note: 'n' },
    deviceStartedAt: start,
    state,
    attempts: 1,
    nextAttemptAt: 0,
    createdAt: start,
    source: 'timer',
    ...extra,
  };
}

beforeEach(() => setup());
afterEach(unmount);

describe('waiting to sync', () => {
  it('is absent while the outbox is empty, and appears when an entry waits', async () => {
    const c = await mount();
    await until(() => region(c, 'Log time'), 'the popup');
    expect(region(c, 'Waiting to sync')).toBeNull();
    await outboxItem.setValue([
      item('a', 'queued', {
        lastError: { kind: 'server', message: 'Kendo had a problem on its side.' },
      }),
    ]);
    const section = await until(() => region(c, 'Waiting to sync'), 'the region');
    expect(section.tagName).toBe('SECTION');
    expect(section.textContent).toContain('KD-0042');
    expect(section.textContent).toContain('1h 30m');
    expect(section.textContent).toContain('Kendo had a problem on its side.');
    button(section, 'Retry').click();
    await until(() => sentOf('retryOutbox').length === 1, 'retryOutbox sent');
    expect(sentOf('retryOutbox')[0]?.data).toEqual({ localId: 'a' });
  });

  it('says in words why each entry waits', async () => {
    await outboxItem.setValue([item('a', 'sending'), item('b', 'paused'), item('c', 'queued')]);
    const c = await mount();
    const rows = [
      ...(await until(() => region(c, 'Waiting to sync'), 'region')).querySelectorAll('li'),
    ];
    expect(rows[0]?.textContent).toContain('Sending…');
    expect(rows[1]?.textContent).toContain('token');
    expect(rows[2]?.textContent).toContain('Waiting to send');
  });

  it("lets the user fix an entry Kendo refused, with Kendo's messages at the fields", async () => {
    await outboxItem.setValue([
      item('a', 'needs-user', {
        lastError: {
          kind: 'validation',
          message: 'Kendo did not accept this entry: The minutes spent must be at least 1.',
          fields: { minutes_spent: ['The minutes spent must be at least 1.'] },
        },
      }),
    ]);
    const c = await mount();
    const section = await until(() => region(c, 'Waiting to sync'), 'region');
    expect(describedBy(field(section, 'Duration'))).toBe('The minutes spent must be at least 1.');
    type(field(section, 'Duration'), '45m');
    type(field(section, 'Issue'), 'KD-0050');
    button(section, 'Send again').click();
    await until(() => sentOf('fixOutbox').length === 1, 'fixOutbox sent');
    expect(sentOf('fixOutbox')[0]?.data).toMatchObject({
      localId: 'a',
      minutes: 45,
      issue: 'KD-0050',
    });
  });

  it('refuses in the fix form what the edit form refuses: a long note, a start in the future', async () => {
    await outboxItem.setValue([
      item('a', 'needs-user', { lastError: { kind: 'validation', message: 'No.' } }),
    ]);
    const c = await mount();
    const section = await until(() => region(c, 'Waiting to sync'), 'region');
    type(field(section, 'Note'), 'x'.repeat(10_001));
    type(field(section, 'Started at'), '2999-01-01T10:00');
    button(section, 'Send again').click();
    await until(() => describedBy(field(section, 'Note')).includes('10'), 'note error');
    expect(describedBy(field(section, 'Started at'))).toMatch(/future/);
    expect(sentOf('fixOutbox')).toHaveLength(0);
  });

  it('asks before discarding a refused entry', async () => {
    await outboxItem.setValue([
      item('a', 'needs-user', { lastError: { kind: 'not_found', message: 'Gone.' } }),
    ]);
    const c = await mount();
    const section = await until(() => region(c, 'Waiting to sync'), 'region');
    button(section, 'Discard entry').click();
    await until(() => buttons(section, 'Yes, discard').length === 1, 'the question');
    expect(sentOf('discardOutbox')).toHaveLength(0);
    button(section, 'Yes, discard').click();
    await until(() => sentOf('discardOutbox').length === 1, 'discardOutbox sent');
    expect(sentOf('discardOutbox')[0]?.data).toEqual({ localId: 'a' });
  });
});
