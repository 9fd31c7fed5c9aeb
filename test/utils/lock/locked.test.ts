import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSession, loadStoredSession, saveSession } from '../../../utils/account/session';
import { FIRST_SCREEN_KEY } from '../../../utils/first-screen-key';
import { createVault } from '../../../utils/lock/vault';
import { loadAttempts } from '../../../utils/lock/vault-store';
import { applyList } from '../../../utils/store/db';
import { openTokenDb } from '../../../utils/store/open';

// Issue 11: "locked" means locked, and only the passphrase undoes the lock.
const scope = { service: 'http://127.0.0.1:8787', account: '42' };
const session = {
  serviceUrl: scope.service,
  credential: 'session-credential-xyz',
  account: '42',
  email: 'a@b.c',
};
const SECRET = 'eyJ.secret-one.sig';
const PASSPHRASE = 'pass phrase one';

async function setUp(now = { value: 1_000_000 }) {
  const db = await openTokenDb();
  const created = '2026-01-01T00:00:00.000+00:00';
  await applyList(db, scope, [{ id: '1', name: 't', secret: SECRET, created, hasUploads: false }], 1);
  db.close();
  await saveSession(session);
  const vault = createVault({ openDb: () => openTokenDb(), now: () => now.value, iterations: 1_000 });
  // The popup's kept first screen, as an opening before the lock left it (utils/first-screen.ts):
  // it showed the ends of the secrets, which a sealed store no longer shows.
  await fakeBrowser.storage.session.set({
    [FIRST_SCREEN_KEY]: { key: 'k', html: '<main>…-ne.sig</main>', until: 1 },
  });
  expect((await vault.enable(PASSPHRASE)).ok).toBe(true);
  expect(await fakeBrowser.storage.session.get(FIRST_SCREEN_KEY)).toEqual({});
  return { vault, now };
}

/** Everything an extension page or DevTools could read: both storage areas. */
async function readable(): Promise<string> {
  const [local, memory] = await Promise.all([
    fakeBrowser.storage.local.get(null),
    fakeBrowser.storage.session.get(null),
  ]);
  return JSON.stringify([local, memory]);
}

describe('the vault, locked', () => {
  it.each([
    ['Lock now', (vault: ReturnType<typeof createVault>) => vault.lock()],
    [
      'the idle lock',
      async (vault: ReturnType<typeof createVault>, now?: { value: number }) => {
        if (now) now.value += 16 * 60_000;
        expect(await vault.lockIfIdle()).toBe(true);
      },
    ],
  ])('should keep neither the credential nor the data key in the clear after %s', async (_, close) => {
    const { vault, now } = await setUp();
    // Unlocked, the credential is in storage.session for the background.
    expect((await loadSession())?.credential).toBe(session.credential);
    await fakeBrowser.storage.session.set({
      [FIRST_SCREEN_KEY]: { key: 'k', html: '<main>t</main>', until: 1 },
    });
    const keyBefore = JSON.stringify(await fakeBrowser.storage.session.get(null));
    await close(vault, now);
    const after = await readable();
    expect(after).not.toContain(session.credential);
    expect(after).not.toContain(SECRET);
    expect(keyBefore).toContain('vault.key.v1');
    expect(after).not.toContain('vault.key.v1');
    // Nor the popup's kept first screen (utils/first-screen.ts): it was drawn unlocked.
    expect(keyBefore).toContain(FIRST_SCREEN_KEY);
    expect(after).not.toContain(FIRST_SCREEN_KEY);
    expect((await loadSession())?.credential).toBe('');
    // The sealed credential comes back with the passphrase.
    expect((await vault.unlock(PASSPHRASE)).ok).toBe(true);
    expect((await loadSession())?.credential).toBe(session.credential);
  });

  it('should refuse a sign-in while locked, and store nothing of it in the clear', async () => {
    const { vault } = await setUp();
    await vault.lock();
    const other = { ...session, credential: 'another-credential-abc' };
    expect(await vault.saveSession(other)).toBe(
      'Unlock first, then sign in: with the lock on, a sign-in is kept only sealed.',
    );
    expect(await readable()).not.toContain(other.credential);
    await vault.unlock(PASSPHRASE);
    expect(await vault.saveSession(other)).toBeNull();
    expect((await loadSession())?.credential).toBe(other.credential);
    expect(JSON.stringify(await loadStoredSession())).not.toContain(other.credential);
  });

  it('should count twelve wrong passphrases sent at once as twelve', async () => {
    const { vault } = await setUp();
    await vault.lock();
    const replies = await Promise.all(Array.from({ length: 12 }, () => vault.unlock('wrong one')));
    expect(replies.every((r) => !r.ok)).toBe(true);
    expect((await loadAttempts()).failures).toBe(12);
    // The first three are checked; from the third on, the wait is said.
    expect(replies.map((r) => (r.ok ? 'ok' : r.message)).slice(0, 4)).toEqual([
      'Wrong passphrase.',
      'Wrong passphrase.',
      'Wrong passphrase. Try again in 2 seconds.',
      'Try again in 2 seconds.',
    ]);
  });

  it('should make the next wait grow with every attempt made during a wait', async () => {
    const { vault, now } = await setUp();
    await vault.lock();
    await Promise.all(Array.from({ length: 6 }, () => vault.unlock('wrong one')));
    now.value += 2_000;
    // Six attempts so far: the seventh, wrong, waits 2^(7-2) seconds.
    expect(await vault.unlock('wrong one')).toMatchObject({
      ok: false,
      message: 'Wrong passphrase. Try again in 32 seconds.',
    });
  });

  it.each([
    ['turning the lock off', (v: ReturnType<typeof createVault>, current: string) => v.disable(current)],
    [
      'a new passphrase',
      (v: ReturnType<typeof createVault>, current: string) => v.change(current, 'pass phrase two'),
    ],
  ])('should ask for the current passphrase before %s, throttled like an unlock', async (_, call) => {
    const { vault, now } = await setUp();
    const before = await readable();
    const wrong = await Promise.all(Array.from({ length: 3 }, () => call(vault, 'not the passphrase')));
    expect(wrong.map((r) => (r.ok ? 'ok' : r.message))).toEqual([
      'Wrong passphrase.',
      'Wrong passphrase.',
      'Wrong passphrase. Try again in 2 seconds.',
    ]);
    // Nothing changed: still on, still sealed under the same key.
    const { 'vault.attempts.v1': attempts, ...rest } = await fakeBrowser.storage.local.get(null);
    expect(attempts).toMatchObject({ failures: 3 });
    expect(JSON.stringify([rest, await fakeBrowser.storage.session.get(null)])).toBe(before);
    // The wait holds for the right passphrase too, and a wrong unlock shares the same count.
    expect((await call(vault, PASSPHRASE)).ok).toBe(false);
    expect((await loadAttempts()).failures).toBe(4);
    now.value += 2_000;
    expect((await call(vault, PASSPHRASE)).ok).toBe(true);
    expect((await loadAttempts()).failures).toBe(0);
  });
});
