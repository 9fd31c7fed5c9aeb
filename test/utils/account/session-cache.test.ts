import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  cachedLoadSession,
  clearSession,
  dropClearCredential,
  loadShownAccount,
  type Session,
  saveSealedSession,
  saveSession,
  switchSession,
} from '../../../utils/account/session';

const work: Session = { serviceUrl: 'http://127.0.0.1:8787', credential: 'cred-work', account: '1', email: '' };
const home: Session = { ...work, credential: 'cred-home', account: '2' };
const scopeOf = (s: Session) => ({ service: s.serviceUrl, account: s.account });

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
    expect((await load())?.email).toBe('');
    // Another context writes: this module's own write count does not move, the change event does.
    const stored = await fakeBrowser.storage.local.get('sessions.v2');
    const sessions = stored['sessions.v2'] as { active: string; list: Session[] };
    await fakeBrowser.storage.local.set({
      'sessions.v2': { ...sessions, list: [{ ...work, email: 'w@x.y' }] },
    });
    expect((await load())?.email).toBe('w@x.y');
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
