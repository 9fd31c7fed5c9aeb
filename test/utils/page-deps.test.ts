import { IDBObjectStore } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageAccountsDeps } from '../../utils/account/accounts-deps';
import { saveSession } from '../../utils/account/session';
import { pageTokensDeps } from '../../utils/page-deps';
import { firstReads, type PageHead, pageHead } from '../../utils/page-head';
import { saveCopyFormat } from '../../utils/settings';
import { applyList, markCopied, readList } from '../../utils/store/db';
import { HEAD_ROWS } from '../../utils/store/layout';
import { openTokenDb } from '../../utils/store/open';
import { apiToken } from '../helpers/fake-api';

const ada = {
  serviceUrl: 'http://127.0.0.1:8787',
  credential: 'w3ss_ada',
  account: '42',
  email: 'ada@example.org',
};
const scope = { service: ada.serviceUrl, account: ada.account };

/** What the popup's first script reads (utils/page-head.ts), on a database already at its version. */
async function headNow(): Promise<PageHead> {
  (await openTokenDb()).close();
  return firstReads();
}

// Issue 14: the first reads of a page are made before its code loads, then taken over once.
describe('page adapters with the first reads made early', () => {
  it('should answer the first session and draft from them, and read storage after', async () => {
    await saveSession(ada);
    await fakeBrowser.storage.session.set({ createDraft: 'laptop' });
    const head = await headNow();
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');
    const session = vi.spyOn(fakeBrowser.storage.session, 'get');
    const deps = pageTokensDeps(undefined, head);

    expect(await deps.loadSession()).toEqual({ ...ada, credential: '' });
    expect(await deps.loadDraft?.()).toBe('laptop');
    expect(local).not.toHaveBeenCalled();
    expect(session).not.toHaveBeenCalled();
    // Later reads are fresh: a switch of account, a reload.
    local.mockClear();
    expect(await deps.loadSession()).toEqual({ ...ada, credential: '' });
    expect(local).toHaveBeenCalledTimes(1);
  });

  it("should read the shown account's copy format from storage, not from the first reads", async () => {
    await saveSession(ada);
    await saveCopyFormat(scope, 'env');
    const deps = pageTokensDeps(undefined, await headNow());
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(await deps.loadCopyFormat?.(scope)).toBe('env');
    expect(local).toHaveBeenCalledWith(
      expect.arrayContaining([`settings.v2:${scope.service} ${scope.account}`]),
    );
  });

  it('should paint the shown account from the list the first script read, and read it afresh after', async () => {
    await saveSession(ada);
    const db = await openTokenDb();
    await applyList(db, scope, [apiToken('1', 'laptop')], 1000);
    const head = firstReads();
    expect((await head.list)?.scope).toEqual(scope);
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

  // Issue 14: one small record before the first paint, whatever the list's length.
  it('should paint the first rows of a long list from its head, and the whole list when it has none yet', async () => {
    await saveSession(ada);
    const db = await openTokenDb();
    await applyList(
      db,
      scope,
      Array.from({ length: 100 }, (_, i) => apiToken(String(i), `token ${String(i).padStart(3, '0')}`)),
      1000,
    );
    const painted = await pageTokensDeps(undefined, firstReads()).readList?.(scope);
    expect(painted?.tokens).toHaveLength(HEAD_ROWS);
    expect(painted?.partial).toEqual({ live: 100 });
    // A list not written since v6 has no head: its first paint reads the list.
    await db.delete('heads', [scope.service, scope.account]);
    const whole = await pageTokensDeps(undefined, firstReads()).readList?.(scope);
    expect(whole?.tokens).toHaveLength(100);
    expect(whole?.partial).toBeUndefined();
    db.close();
  });

  it('should read the list afresh for another account than the one read first, or when that read could not be made', async () => {
    await saveSession(ada);
    const db = await openTokenDb();
    await applyList(db, scope, [apiToken('1', 'laptop')], 1000);
    const other = { ...scope, account: '7' };
    await applyList(db, other, [apiToken('2', 'CI')], 1000);
    const switched = pageTokensDeps(undefined, firstReads());
    expect((await switched.readList?.(other))?.tokens.map((t) => t.name)).toEqual(['CI']);
    const failed = pageTokensDeps(undefined, { ...firstReads(), list: Promise.resolve(null) });
    expect((await failed.readList?.(scope))?.tokens.map((t) => t.name)).toEqual(['laptop']);
    db.close();
  });

  it('should read no list early when nobody is signed in', async () => {
    expect(await (await headNow()).list).toBeNull();
  });

  it('should use the database opened early', async () => {
    const head = await headNow();
    const open = vi.spyOn(indexedDB, 'open');
    const db = await pageTokensDeps(undefined, head).openDb();
    expect(db.version).toBeGreaterThan(0);
    expect(open).not.toHaveBeenCalled();
  });

  // Issue 14: the page reads the background's record itself, so the popup asks it nothing as it opens.
  it("should know the shown account's service hold from the first reads, then from storage", async () => {
    await saveSession(ada);
    const until = Date.now() + 60_000;
    await fakeBrowser.storage.local.set({
      serviceHolds: { [ada.serviceUrl]: { readOnly: 'maintenance' }, 'https://other.example': { until } },
    });
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const deps = pageTokensDeps(undefined, await headNow());
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(await deps.loadHold?.()).toMatchObject({ code: 'maintenance' });
    expect(local).not.toHaveBeenCalled();
    await fakeBrowser.storage.local.set({ serviceHolds: { [ada.serviceUrl]: { until, strikes: 1 } } });
    expect(await deps.loadHold?.()).toMatchObject({ code: 'rate-limited', retryAt: until });
    expect(local).toHaveBeenCalledTimes(1);
    await fakeBrowser.storage.local.set({ serviceHolds: { [ada.serviceUrl]: { until: Date.now() - 1 } } });
    expect(await deps.loadHold?.()).toBeNull();
    expect(send).not.toHaveBeenCalled();
  });

  it('should know no hold when nobody is signed in or nothing is recorded', async () => {
    expect(await pageTokensDeps(undefined, await headNow()).loadHold?.()).toBeNull();
    await saveSession(ada);
    expect(await pageTokensDeps(undefined, await headNow()).loadHold?.()).toBeNull();
  });

  // Issue 14: left in storage.session by the background, read with the popup's first reads.
  it('should take the question a menu or shortcut fill left once, about the account shown', async () => {
    await saveSession(ada);
    const question = { id: '1', origin: 'https://a.example', scope };
    await fakeBrowser.storage.session.set({ pendingFill: { question, at: Date.now() } });
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const deps = pageTokensDeps(undefined, await headNow());
    expect(await deps.pendingFill?.()).toEqual(question);
    await vi.waitFor(async () => expect(await fakeBrowser.storage.session.get('pendingFill')).toEqual({}));
    expect(await deps.pendingFill?.()).toBeNull();
    // Left about another account (switched between the menu click and the popup): not asked, gone.
    const other = { ...question, scope: { ...scope, account: 'someone-else' } };
    await fakeBrowser.storage.session.set({ pendingFill: { question: other, at: Date.now() } });
    expect(await deps.pendingFill?.()).toBeNull();
    await vi.waitFor(async () => expect(await fakeBrowser.storage.session.get('pendingFill')).toEqual({}));
    expect(send).not.toHaveBeenCalled();
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
