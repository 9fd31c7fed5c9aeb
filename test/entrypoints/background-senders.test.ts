import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { saveSession } from '../../utils/account/session';
import type { Message } from '../../utils/messages';
import { applyList, listTokens } from '../../utils/store/db';
import { openTokenDb } from '../../utils/store/open';
import { fakeMenusAndCommands } from '../helpers/fake-menus';

const session = { serviceUrl: 'http://127.0.0.1:8787', credential: 'c', account: '42', email: 'a@b.c' };
const scope = { service: session.serviceUrl, account: session.account };
const mark = { salt: 'a'.repeat(32), digest: 'b'.repeat(64) };

// Every message type of the contract (utils/messages.ts), and the offscreen document's request.
const MESSAGES: (Message | { type: string; [key: string]: unknown })[] = [
  { type: 'tokens/sync', now: true },
  { type: 'tokens/create', name: 'planted by a page' },
  { type: 'tokens/revoke', id: '1' },
  { type: 'tokens/fill', id: '1', confirmed: 'https://evil.example' },
  { type: 'tokens/sync', opening: true },
  { type: 'clipboard/copied', ...mark },
  { type: 'clipboard/clear-if', ...mark },
];

const FOREIGN_SENDERS = [
  [
    'a content script of this extension in a web page',
    { id: fakeBrowser.runtime.id, url: 'https://evil.example/', tab: { id: 7 } },
  ],
  [
    'another extension',
    { id: 'otherextensionotherextensionothe', url: 'chrome-extension://otherextension/popup.html' },
  ],
  ['a web page (externally_connectable)', { url: 'https://evil.example/', origin: 'https://evil.example' }],
  ['a sender with no id or URL', {}],
] as const;

describe('background message boundary', () => {
  let fetchCalls: string[];
  beforeEach(async () => {
    fakeMenusAndCommands();
    fetchCalls = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetchCalls.push(url);
      return new Response('[]', { status: 200 });
    });
    const db = await openTokenDb();
    const created = '2026-01-01T00:00:00.000+00:00';
    await applyList(db, scope, [{ id: '1', name: 'ci', secret: 's1', created, hasUploads: false }], 1);
    db.close();
    await saveSession(session);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it.each(
    FOREIGN_SENDERS.flatMap(([who, sender]) =>
      MESSAGES.map((message) => [who, message.type, message, sender] as const),
    ),
  )('should do nothing when %s sends %s', async (_who, _type, message, sender) => {
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    background.main();
    // A partial sender, as each of these would present itself.
    const from = sender as Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];
    const replies = await fakeBrowser.runtime.onMessage.trigger(message, from);
    expect(replies.every((reply) => reply === undefined)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fetchCalls).toEqual([]);
    expect(inject).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    const db = await openTokenDb();
    const tokens = await listTokens(db, scope);
    db.close();
    expect(tokens.map((t) => [t.id, t.state])).toEqual([['1', 'active']]);
  });

  it('should act on the same revoke from its own popup (the check is not vacuous)', async () => {
    background.main();
    const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    const replies = await fakeBrowser.runtime.onMessage.trigger({ type: 'tokens/revoke', id: '1' }, popup);
    expect(replies.some((reply) => reply !== undefined)).toBe(true);
    expect(fetchCalls.length).toBeGreaterThan(0);
    const db = await openTokenDb();
    const [token] = await listTokens(db, scope);
    db.close();
    expect(token?.state).not.toBe('active');
  });
});
