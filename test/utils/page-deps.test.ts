import { IDBObjectStore } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageAccountsDeps } from '../../utils/account/accounts-deps';
import { saveSession } from '../../utils/account/session';
import { pageTokensDeps } from '../../utils/page-deps';
import { type PageHead, pageHead } from '../../utils/page-head';
import { saveCopyFormat } from '../../utils/settings';
import { applyList, markCopied, readList } from '../../utils/store/db';
import { openExisting, readListEarly } from '../../utils/store/existing';
import { openTokenDb } from '../../utils/store/open';
import { apiToken } from '../helpers/fake-api';

const ada = {
  serviceUrl: 'http://127.0.0.1:8787',
  credential: 'w3ss_ada',
  account: '42',
  email: 'ada@example.org',
};
const scope = { service: ada.serviceUrl, account: ada.account };

/** What the popup's first script reads (utils/page-head.ts), for a guess of `guess`. */
async function headFor(guess: typeof scope | null): Promise<PageHead> {
  (await openTokenDb()).close();
  const keys = [
    'sessions.v2',
    'session.v1',
    'copyFormat.v1',
    `settings.v2:${scope.service} ${scope.account}`,
  ];
  const db = openExisting('w3s-tokens');
  return {
    guess,
    local: fakeBrowser.storage.local.get(keys),
    session: fakeBrowser.storage.session.get('createDraft'),
    db,
    list: guess ? readListEarly(db, guess) : null,
  };
}

// Issue 14: the first reads of a page are made before its code loads, then taken over once.
describe('page adapters with the first reads made early', () => {
  it('should answer the first session, copy format and draft from them, and read storage after', async () => {
    await saveSession(ada);
    await saveCopyFormat(scope, 'env');
    await fakeBrowser.storage.session.set({ createDraft: 'laptop' });
    const head = await headFor(scope);
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');
    const session = vi.spyOn(fakeBrowser.storage.session, 'get');
    const deps = pageTokensDeps(undefined, head);

    expect(await deps.loadSession()).toEqual({ ...ada, credential: '' });
    expect(await deps.loadCopyFormat?.(scope)).toBe('env');
    expect(await deps.loadDraft?.()).toBe('laptop');
    expect(local).not.toHaveBeenCalled();
    expect(session).not.toHaveBeenCalled();
    // Later reads are fresh: a switch of account, a reload.
    await saveCopyFormat(scope, 'header');
    local.mockClear();
    expect(await deps.loadSession()).toEqual({ ...ada, credential: '' });
    expect(await deps.loadCopyFormat?.(scope)).toBe('header');
    expect(local).toHaveBeenCalledTimes(2);
  });

  it('should read the copy format afresh for an account that is not the guessed one', async () => {
    await saveSession(ada);
    await saveCopyFormat(scope, 'env');
    const deps = pageTokensDeps(undefined, await headFor({ ...scope, account: '7' }));
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(await deps.loadCopyFormat?.(scope)).toBe('env');
    expect(local).toHaveBeenCalledTimes(1);
  });

  it('should paint the guessed account from the list the first script read, and read any other afresh', async () => {
    const db = await openTokenDb();
    await applyList(db, scope, [apiToken('1', 'laptop')], 1000);
    const head = await headFor(scope);
    await head.list;
    // Written after the first read: the first list shown is that read's, a later one is fresh.
    await markCopied(db, scope, '1', 2000);
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    const deps = pageTokensDeps(undefined, head);
    const first = await deps.readList?.(scope);
    expect(get).not.toHaveBeenCalled();
    expect(first?.tokens.map((t) => [t.name, t.lastCopiedAt])).toEqual([['laptop', null]]);
    expect(first?.rev).toBeTypeOf('number');
    expect(await deps.readList?.(scope)).toEqual(await readList(db, scope));
    expect(get).toHaveBeenCalled();
    db.close();
  });

  it('should read the list afresh for another account than the guessed one, or when the first read could not be made', async () => {
    const db = await openTokenDb();
    await applyList(db, scope, [apiToken('1', 'laptop')], 1000);
    const other = pageTokensDeps(undefined, await headFor({ ...scope, account: '7' }));
    expect((await other.readList?.(scope))?.tokens.map((t) => t.name)).toEqual(['laptop']);
    const failed = pageTokensDeps(undefined, { ...(await headFor(scope)), list: Promise.resolve(null) });
    expect((await failed.readList?.(scope))?.tokens.map((t) => t.name)).toEqual(['laptop']);
    db.close();
  });

  it('should use the database opened early', async () => {
    const head = await headFor(scope);
    const open = vi.spyOn(indexedDB, 'open');
    const db = await pageTokensDeps(undefined, head).openDb();
    expect(db.version).toBeGreaterThan(0);
    expect(open).not.toHaveBeenCalled();
  });

  it('should read the first reads once, the same for every caller', () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(pageHead()).toBe(pageHead());
    expect(get).toHaveBeenCalledTimes(1);
  });
});

describe('the account switcher', () => {
  it("should list the accounts first from the popup's early read, then afresh", async () => {
    await saveSession(ada);
    const stored = fakeBrowser.storage.local.get(['sessions.v2', 'session.v1']);
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');
    const deps = pageAccountsDeps(undefined, stored);
    expect(await deps.listSessions()).toEqual([{ ...ada, credential: '' }]);
    expect(local).not.toHaveBeenCalled();
    expect(await deps.listSessions()).toEqual([{ ...ada, credential: '' }]);
    expect(local).toHaveBeenCalledTimes(1);
  });

  it('should list the accounts without reading a credential, and read it only to sign out', async () => {
    await saveSession(ada);
    const session = vi.spyOn(fakeBrowser.storage.session, 'get');
    const deps = pageAccountsDeps();
    const [listed] = await deps.listSessions();
    expect(listed).toEqual({ ...ada, credential: '' });
    expect(session).not.toHaveBeenCalled();
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(null, { status: 204 }));
    await deps.signOut(listed as typeof ada);
    expect(session).toHaveBeenCalled();
    expect(fetch.mock.calls[0]?.[1]?.headers).toMatchObject({ Authorization: 'Bearer w3ss_ada' });
    expect(await deps.listSessions()).toEqual([]);
  });

  it("should follow the background's record of the services' holds, and nothing else in storage", async () => {
    const listener = vi.fn();
    const stop = pageTokensDeps().followHold?.(listener);
    await fakeBrowser.storage.local.set({ serviceHolds: { [ada.serviceUrl]: { readOnly: 'maintenance' } } });
    await fakeBrowser.storage.local.set({ 'settings.v2:x': {} });
    await fakeBrowser.storage.session.set({ serviceHolds: {} });
    await vi.waitFor(() => expect(listener).toHaveBeenCalledTimes(1));
    stop?.();
    await fakeBrowser.storage.local.set({ serviceHolds: {} });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
