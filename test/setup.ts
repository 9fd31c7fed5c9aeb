// Every unit test starts from an empty IndexedDB, a blank fake browser and an empty document.
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});

// Testing Library only cleans up by itself when test globals are on; they are off here.
afterEach(cleanup);
