// Every unit test starts from an empty IndexedDB, a blank fake browser and an empty document.
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import english from '../public/_locales/en/messages.json';
import { formatMessage } from './helpers/messages';

// WXT's fake browser throws on browser.i18n: tests read the English messages, as an English
// browser would. Plain functions, not spies, so `restoreMocks` keeps them between tests.
fakeBrowser.i18n.getMessage = (key: string, substitutions?: string | string[]) =>
  formatMessage(english, key, substitutions);
fakeBrowser.i18n.getUILanguage = () => 'en';

// happy-dom has no idle callbacks; the browsers the extension runs in all have them. Here the page
// is idle at once, as a page with nothing else to do is.
if (typeof globalThis.requestIdleCallback !== 'function') {
  globalThis.requestIdleCallback = (run) =>
    setTimeout(() => run({ didTimeout: false, timeRemaining: () => 50 })) as unknown as number;
  globalThis.cancelIdleCallback = (handle) => clearTimeout(handle);
}

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});

// Testing Library only cleans up by itself when test globals are on; they are off here.
afterEach(cleanup);
