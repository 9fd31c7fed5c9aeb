import { describe, expect, it } from 'vitest';
import { loadSession, loadStoredSession, saveSession } from '../../../utils/account/session';
import { ACTIVITY_WRITE_MS } from '../../../utils/lock/idle-lock';
import { createVault } from '../../../utils/lock/vault';
import { lastActivity } from '../../../utils/lock/vault-store';
import { applyList, listAllTokens } from '../../../utils/store/db';
import { openTokenDb } from '../../../utils/store/open';

const scope = { service: 'http://127.0.0.1:8787', account: '42' };
const session = {
  serviceUrl: scope.service,
  credential: 'session-credential-xyz',
  account: '42',
  email: 'a@b.c',
};
const created = '2026-01-01T00:00:00.000+00:00';
const SECRETS = ['eyJ.secret-one.sig', 'eyJ.secret-two.sig'];

async function setUp(now = { value: 1_000_000 }) {
  const db = await openTokenDb();
  await applyList(
    db,
    scope,
    SECRETS.map((secret, i) => ({ id: String(i + 1), name: `t${i}`, secret, created, hasUploads: false })),
    1,
  );
  db.close();
  await saveSession(session);
  const vault = createVault({ openDb: () => openTokenDb(), now: () => now.value, iterations: 1_000 });
  return { vault, now };
}

async function stored(): Promise<string> {
  const db = await openTokenDb();
  const tokens = await listAllTokens(db);
  db.close();
  return JSON.stringify([tokens, await loadStoredSession()]);
}

describe('vault', () => {
  it('should seal every stored secret and the credential when turned on, and open them when off', async () => {
    const { vault } = await setUp();
    expect((await vault.enable('pass phrase one')).ok).toBe(true);
    const sealed = await stored();
    for (const secret of [...SECRETS, session.credential]) expect(sealed).not.toContain(secret);
    // Unlocked: the credential is in memory, the secrets open.
    expect((await loadSession())?.credential).toBe(session.credential);
    const db = await openTokenDb();
    const [first] = await listAllTokens(db);
    db.close();
    expect(first && (await vault.reveal(first))).toBe(SECRETS[0]);

    await vault.lock();
    expect(first && (await vault.reveal(first))).toBe('locked');
    expect((await vault.unlock('pass phrase one')).ok).toBe(true);
    expect((await vault.disable('pass phrase one')).ok).toBe(true);
    const plain = await stored();
    for (const secret of [...SECRETS, session.credential]) expect(plain).toContain(secret);
  });

  it('should refuse a wrong passphrase, then make each further try wait longer', async () => {
    const { vault, now } = await setUp();
    await vault.enable('pass phrase one');
    await vault.lock();
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await vault.unlock('wrong'));
    expect(replies.map((r) => (r.ok ? 'ok' : r.message))).toEqual([
      'Wrong passphrase.',
      'Wrong passphrase.',
      'Wrong passphrase. Try again in 2 seconds.',
      'Try again in 2 seconds.',
    ]);
    // Even the right passphrase waits; the wait is kept on disk, not in the page.
    expect((await vault.unlock('pass phrase one')).ok).toBe(false);
    now.value += 2_000;
    expect((await vault.unlock('pass phrase one')).ok).toBe(true);
  });

  it('should re-encrypt on a passphrase change, so the old passphrase opens nothing', async () => {
    const { vault } = await setUp();
    await vault.enable('pass phrase one');
    const before = await stored();
    expect((await vault.change('pass phrase one', 'pass phrase two')).ok).toBe(true);
    expect(await stored()).not.toBe(before);
    await vault.lock();
    expect(await vault.unlock('pass phrase one')).toMatchObject({ ok: false, message: 'Wrong passphrase.' });
    expect((await vault.unlock('pass phrase two')).ok).toBe(true);
    const db = await openTokenDb();
    const tokens = await listAllTokens(db);
    db.close();
    expect(await Promise.all(tokens.map((t) => vault.reveal(t)))).toEqual(SECRETS);
  });

  it('should erase secrets and sign-in but keep names when the passphrase is forgotten', async () => {
    const { vault } = await setUp();
    await vault.enable('pass phrase one');
    await vault.lock();
    expect((await vault.forget('pass phrase new')).ok).toBe(true);
    expect(await loadSession()).toBeNull();
    const db = await openTokenDb();
    const tokens = await listAllTokens(db);
    db.close();
    expect(tokens.map((t) => [t.name, t.secret, t.sealed])).toEqual([
      ['t0', '', null],
      ['t1', '', null],
    ]);
    expect(await vault.status()).toMatchObject({ enabled: true, unlocked: true });
  });

  it('should lock after the idle minutes, and not before', async () => {
    const { vault, now } = await setUp();
    await vault.enable('pass phrase one');
    now.value += 14 * 60_000;
    expect(await vault.lockIfIdle()).toBe(false);
    await vault.touch();
    now.value += 15 * 60_000;
    expect(await vault.lockIfIdle()).toBe(true);
    expect(await vault.status()).toMatchObject({ enabled: true, unlocked: false });
  });

  it('should write a use at most once in ACTIVITY_WRITE_MS, and lock by the latest use all the same (issue 14)', async () => {
    const { vault, now } = await setUp();
    await vault.enable('pass phrase one');
    await vault.touch();
    const first = now.value;
    expect(await lastActivity()).toBe(first);
    // Used again soon after: remembered, not written.
    now.value += ACTIVITY_WRITE_MS - 1;
    await vault.touch();
    expect(await lastActivity()).toBe(first);
    const latest = now.value;
    // Fifteen minutes after the write but not after the latest use: still open.
    now.value = first + 15 * 60_000;
    expect(await vault.lockIfIdle()).toBe(false);
    now.value = latest + 15 * 60_000;
    expect(await vault.lockIfIdle()).toBe(true);
    // Used once the wait is over: written again.
    await vault.unlock('pass phrase one');
    now.value += ACTIVITY_WRITE_MS;
    await vault.touch();
    expect(await lastActivity()).toBe(now.value);
  });

  it('should go by the written use when the background started again (nothing remembered)', async () => {
    const { vault, now } = await setUp();
    await vault.enable('pass phrase one');
    await vault.touch();
    const written = now.value;
    now.value += 1_000;
    await vault.touch();
    const restarted = createVault({ openDb: () => openTokenDb(), now: () => now.value, iterations: 1_000 });
    now.value = written + 15 * 60_000 - 1;
    expect(await restarted.lockIfIdle()).toBe(false);
    now.value = written + 15 * 60_000;
    expect(await restarted.lockIfIdle()).toBe(true);
  });
});
