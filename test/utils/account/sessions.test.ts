import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  cachedLoadSession,
  clearSession,
  dropClearCredential,
  endSession,
  listSessions,
  loadSession,
  loadShownAccount,
  loadStoredSessions,
  type Session,
  saveSealedSession,
  saveSession,
  sessionEnded,
  switchSession,
} from '../../../utils/account/session';
import { accountKey, accountLabel, migrateSessions } from '../../../utils/account/sessions';
import { createVault } from '../../../utils/lock/vault';
import { openTokenDb } from '../../../utils/store/open';

const work: Session = {
  serviceUrl: 'http://127.0.0.1:8787',
  credential: 'cred-work',
  account: '1',
  email: 'w@x.y',
};
const home: Session = {
  serviceUrl: 'http://127.0.0.1:8787',
  credential: 'cred-home',
  account: '2',
  email: 'h@x.y',
};
const other: Session = {
  serviceUrl: 'https://svc.example',
  credential: 'cred-other',
  account: '1',
  email: '',
};
const scopeOf = (s: Session) => ({ service: s.serviceUrl, account: s.account });

describe('migrateSessions', () => {
  it('should move a version-1 session into a list of one, made active', () => {
    expect(migrateSessions(work, undefined)).toEqual({ active: accountKey(work), list: [work] });
  });

  it('should prefer the version-2 list over a leftover version-1 session', () => {
    const v2 = { active: accountKey(home), list: [home] };
    expect(migrateSessions(work, v2)).toEqual(v2);
  });

  it.each([
    [undefined, undefined],
    [null, null],
    ['session', 42],
    [{ serviceUrl: 'x', account: '1' }, { list: 'nope' }],
  ])('should read nothing from %j / %j', (v1, v2) => {
    expect(migrateSessions(v1, v2)).toEqual({ active: null, list: [] });
  });

  it('should leave out unreadable and duplicate entries, and fall back to the first when the active one is gone', () => {
    const v2 = { active: 'gone 9', list: [home, { serviceUrl: 1 }, { ...home, email: 'dup' }, work] };
    expect(migrateSessions(undefined, v2)).toEqual({ active: accountKey(home), list: [home, work] });
  });
});

describe('accountLabel', () => {
  it('should name the account by email, or by the start of its id, and its service by host', () => {
    expect(accountLabel(work)).toEqual({ name: 'w@x.y', host: '127.0.0.1:8787' });
    expect(accountLabel({ ...other, account: 'abcdef0123456789' })).toEqual({
      name: 'abcdef012345',
      host: 'svc.example',
    });
  });
});

describe('several signed-in accounts', () => {
  it('should migrate a stored version-1 session and its credential in memory on the first write', async () => {
    const sealed = { ...work, credential: '' };
    await fakeBrowser.storage.local.set({ 'session.v1': sealed });
    await fakeBrowser.storage.session.set({ 'credential.v1': 'cred-work' });
    expect(await loadSession()).toEqual(work);
    await saveSession(home, { activate: false });
    const local = await fakeBrowser.storage.local.get(null);
    expect(local['session.v1']).toBeUndefined();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({
      'credentials.v2': { [accountKey(work)]: 'cred-work' },
    });
    expect(await loadSession()).toEqual(work);
    expect(await listSessions()).toEqual([work, home]);
  });

  it('should keep each account apart, switch, and sign out of one only', async () => {
    await saveSession(work);
    await saveSession(home);
    await saveSession(other);
    expect(await loadSession()).toEqual(other);
    expect(await loadSession(scopeOf(work))).toEqual(work);
    expect(await switchSession(scopeOf(home))).toBe(true);
    expect(await loadSession()).toEqual(home);
    expect((await listSessions()).map((s) => s.credential)).toEqual(['cred-home', 'cred-work', 'cred-other']);
    expect(await switchSession({ service: work.serviceUrl, account: '9' })).toBe(false);

    await clearSession(scopeOf(work));
    expect(await loadSession()).toEqual(home);
    expect(await loadSession(scopeOf(work))).toBeNull();
    // Signing out of the active account makes another one active.
    await clearSession();
    expect(await loadSession()).toEqual(other);
    await clearSession('all');
    expect(await loadSession()).toBeNull();
    expect((await loadStoredSessions()).list).toEqual([]);
  });

  it('should sign in again to the same account in place, not as a second entry', async () => {
    await saveSession(work);
    await saveSession(home);
    await saveSession({ ...work, credential: 'cred-work-2' });
    expect((await listSessions()).map((s) => [s.account, s.credential])).toEqual([
      ['1', 'cred-work-2'],
      ['2', 'cred-home'],
    ]);
  });

  it('should seal every account’s credential with the lock, keep none readable while locked, and bring each back', async () => {
    await saveSession(work);
    await saveSession(home);
    const vault = createVault({ openDb: () => openTokenDb(), now: () => 1_000, iterations: 1_000 });
    expect((await vault.enable('pass phrase one')).ok).toBe(true);
    const disk = JSON.stringify(await fakeBrowser.storage.local.get(null));
    for (const secret of ['cred-work', 'cred-home']) expect(disk).not.toContain(secret);
    expect(await loadSession()).toEqual(home);
    expect(await loadSession(scopeOf(work))).toEqual(work);

    await vault.lock();
    expect((await listSessions()).map((s) => s.credential)).toEqual(['', '']);
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain('cred-');
    expect((await vault.unlock('pass phrase one')).ok).toBe(true);
    expect(await listSessions()).toEqual([home, work]);
    // Turned off: both in the clear again, the active one still active.
    expect((await vault.disable('pass phrase one')).ok).toBe(true);
    expect((await loadStoredSessions()).list.map((s) => s.credential).sort()).toEqual([
      'cred-home',
      'cred-work',
    ]);
    expect(await loadSession()).toEqual(home);
  });
});

/** Counts reads of the stored sessions (storage.local) and credentials (storage.session). */
function countReads(): () => number {
  const local = vi.spyOn(fakeBrowser.storage.local, 'get');
  const session = vi.spyOn(fakeBrowser.storage.session, 'get');
  return () => local.mock.calls.length + session.mock.calls.length;
}

describe('cachedLoadSession (the background, issue 14)', () => {
  it('should read storage once for any number of calls while nothing changes', async () => {
    await saveSession(work);
    await saveSession(home, { activate: false });
    const load = cachedLoadSession();
    const reads = countReads();
    for (let i = 0; i < 5; i++) {
      expect(await load()).toEqual(work);
      expect(await load(scopeOf(home))).toEqual(home);
    }
    expect(reads()).toBe(2);
  });

  it('should read again after a switch, a sign-out or a new credential made in this context', async () => {
    await saveSession(work);
    await saveSession(home, { activate: false });
    const load = cachedLoadSession();
    expect((await load())?.account).toBe('1');
    await switchSession(scopeOf(home));
    expect((await load())?.account).toBe('2');
    await clearSession(scopeOf(home));
    expect(await load(scopeOf(home))).toBeNull();
    await saveSession({ ...work, credential: 'cred-new' });
    expect((await load())?.credential).toBe('cred-new');
  });

  it('should forget a credential in the clear the moment the lock drops it', async () => {
    await saveSealedSession(work, null);
    const load = cachedLoadSession();
    expect((await load())?.credential).toBe('cred-work');
    await dropClearCredential();
    expect((await load())?.credential).toBe('');
  });

  it('should read again when another page changed the sessions (storage.onChanged)', async () => {
    await saveSession(work);
    const load = cachedLoadSession();
    expect((await load())?.email).toBe('w@x.y');
    // Another context writes: this module's own write count does not move, the change event does.
    const stored = await fakeBrowser.storage.local.get('sessions.v2');
    const sessions = stored['sessions.v2'] as { active: string; list: Session[] };
    await fakeBrowser.storage.local.set({
      'sessions.v2': { ...sessions, list: [{ ...work, email: 'changed@x.y' }] },
    });
    expect((await load())?.email).toBe('changed@x.y');
  });
});

describe('loadShownAccount (the pages)', () => {
  it('should give the shown account without its credential, reading storage.local only', async () => {
    await saveSession(work);
    await saveSealedSession(home, null);
    const session = vi.spyOn(fakeBrowser.storage.session, 'get');
    expect(await loadShownAccount()).toEqual({ ...home, credential: '' });
    await switchSession(scopeOf(work));
    expect(await loadShownAccount()).toEqual({ ...work, credential: '' });
    expect(session).not.toHaveBeenCalled();
    await clearSession('all');
    expect(await loadShownAccount()).toBeNull();
  });
});

// Issue 18: a page opened after the service ended a session says so, not merely "not signed in".
describe('a session the service ended', () => {
  it('should be remembered before the account goes, until the next sign-in', async () => {
    await saveSession(work);
    const seen: boolean[] = [];
    fakeBrowser.storage.onChanged.addListener((changes) => {
      if ('sessions.v2' in changes) void sessionEnded().then((ended) => seen.push(ended));
    });
    await endSession(scopeOf(work));
    expect(await loadSession()).toBeNull();
    expect(await sessionEnded()).toBe(true);
    await vi.waitFor(() => expect(seen).toEqual([true]));
    await saveSession(work);
    expect(await sessionEnded()).toBe(false);
  });

  it('should be forgotten by a sign-out here, and never name a credential', async () => {
    await saveSession(work);
    await saveSession(home);
    await endSession(scopeOf(work));
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('cred-work');
    expect((await loadSession())?.account).toBe(home.account);
    await clearSession(scopeOf(home));
    expect(await sessionEnded()).toBe(false);
  });
});
