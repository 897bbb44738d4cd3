// @vitest-environment node
// The keyboard shortcut and the link menu: both act on the same timer service as the buttons.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerCommands, TOGGLE_COMMAND } from '../../lib/background/commands';
import { timerItem } from '../../lib/storage';
import { outbox, useBackground } from './support/background';

useBackground();

/** An event the fake browser does not provide: listeners, and a way to fire them. */
function fakeEvent<A extends unknown[]>() {
  const listeners: ((...args: A) => unknown)[] = [];
  return {
    addListener: (l: (...args: A) => unknown) => void listeners.push(l),
    removeListener: (l: (...args: A) => unknown) => void listeners.splice(listeners.indexOf(l), 1),
    hasListener: (l: (...args: A) => unknown) => listeners.includes(l),
    fire: (...args: A) => Promise.all(listeners.map((l) => l(...args))),
  };
}

/**
 * A tab showing `url`, active in the window the service worker sees as last focused. (The fake
 * browser counts as last focused the window focused before the current one: hence two.)
 */
async function activeTab(url: string): Promise<void> {
  await fakeBrowser.windows.create({ focused: true } as never);
  await fakeBrowser.tabs.create({ url, active: true });
  await fakeBrowser.windows.create({ focused: true } as never);
}

function stubMenusAndCommands() {
  const onCommand = fakeEvent<[string]>();
  const onClicked = fakeEvent<[{ menuItemId: string; linkUrl?: string }]>();
  const create = vi.fn();
  Object.assign(fakeBrowser.commands, { onCommand });
  Object.assign(fakeBrowser.contextMenus, {
    create,
    removeAll: vi.fn(async () => undefined),
    onClicked,
  });
  return { onCommand, onClicked, create };
}

describe('the keyboard shortcut', () => {
  it("starts a timer on the active tab's issue, and stops it the second time", async () => {
    const { onCommand } = stubMenusAndCommands();
    registerCommands();
    await activeTab('https://acme.kendo.dev/projects/1/issues/KD-0042');
    await onCommand.fire(TOGGLE_COMMAND);
    expect(await timerItem.getValue()).toMatchObject({
      issue: { origin: 'https://acme.kendo.dev', projectId: 1, key: 'KD-0042' },
    });
    await onCommand.fire(TOGGLE_COMMAND);
    expect(await timerItem.getValue()).toBeNull();
    expect((await outbox()).map((x) => x.issue.key)).toEqual(['KD-0042']);
  });

  it('does nothing on a page that is not an issue', async () => {
    const { onCommand } = stubMenusAndCommands();
    registerCommands();
    await activeTab('https://acme.kendo.dev/projects/1');
    await onCommand.fire(TOGGLE_COMMAND);
    expect(await timerItem.getValue()).toBeNull();
  });
});

describe('the link menu', () => {
  it('is offered on links to Kendo issues and starts a timer on the linked issue', async () => {
    const { onClicked, create } = stubMenusAndCommands();
    registerCommands();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0]?.[0]).toMatchObject({
      contexts: ['link'],
      targetUrlPatterns: ['https://*.kendo.dev/projects/*/issues/*'],
    });
    const id = (create.mock.calls[0]?.[0] as { id: string }).id;
    await onClicked.fire({
      menuItemId: id,
      linkUrl: 'https://acme.kendo.dev/projects/3/issues/HW-0052',
    });
    await vi.waitFor(async () =>
      expect(await timerItem.getValue()).toMatchObject({ issue: { projectId: 3, key: 'HW-0052' } }),
    );
  });
});
