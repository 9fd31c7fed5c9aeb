import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Listener = (...args: never[]) => unknown;

function fakeEvent() {
  const listeners = new Set<Listener>();
  return {
    addListener: (l: Listener) => void listeners.add(l),
    removeListener: (l: Listener) => void listeners.delete(l),
    hasListener: (l: Listener) => listeners.has(l),
    hasListeners: () => listeners.size > 0,
    trigger: async (...args: unknown[]) => {
      for (const l of listeners) await (l as (...a: unknown[]) => unknown)(...args);
    },
  };
}

/**
 * In-memory contextMenus, commands, permissions.onAdded and action.openPopup on WXT's fake
 * browser, which leaves them unimplemented. Returns the menu items as created and the events to trigger.
 */
export function fakeMenusAndCommands() {
  const items = new Map<string, object>();
  const onClicked = fakeEvent();
  const onCommand = fakeEvent();
  Object.assign(fakeBrowser.contextMenus, {
    create: (item: { id: string }) => {
      if (items.has(item.id)) throw new Error(`duplicate menu id ${item.id}`);
      items.set(item.id, item);
      return item.id;
    },
    removeAll: async () => items.clear(),
    onClicked,
  });
  Object.assign(fakeBrowser.commands, { onCommand });
  const onAdded = fakeEvent();
  Object.assign(fakeBrowser.permissions, { onAdded });
  const openPopup = vi.fn(async () => {});
  Object.assign(fakeBrowser.action, { openPopup });
  return { items, onClicked, onCommand, onAdded, openPopup };
}
