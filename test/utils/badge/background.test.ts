import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readAttention, watchBadge } from '../../../utils/badge/background';
import { applyList, requestRevoke, setReviewBy } from '../../../utils/store/db';
import { openTokenDb } from '../../../utils/store/open';
import { testScope, testSession } from '../../helpers/session';

const token = (id: string) => ({
  id,
  name: `token ${id}`,
  secret: `SECRET-${id}`,
  created: '2026-01-01T00:00:00.000+00:00',
  hasUploads: false,
});

async function seed(pending: string[]): Promise<void> {
  const db = await openTokenDb('badge');
  await applyList(db, testScope, ['1', '2', '3'].map(token), 1);
  // Another account's waiting revoke must not count here.
  const other = { ...testScope, account: '43' };
  await applyList(db, other, [token('9')], 1);
  await requestRevoke(db, other, '9', 5);
  for (const id of pending) await requestRevoke(db, testScope, id, 5);
  db.close();
}

describe('readAttention', () => {
  it.each([[[]], [['1']], [['1', '3']]])(
    'should count the signed-in account’s waiting revokes %j',
    async (ids) => {
      await seed(ids);
      const attention = await readAttention({
        listSessions: async () => [testSession],
        openDb: () => openTokenDb('badge'),
        isLocked: async () => false,
      });
      expect(attention).toEqual({ pendingRevokes: ids.length, locked: false, dueReviews: 0 });
    },
  );

  it('should count the waiting revokes of every signed-in account, and of no other', async () => {
    await seed(['1']);
    const attention = await readAttention({
      listSessions: async () => [testSession, { ...testSession, account: '43' }],
      openDb: () => openTokenDb('badge'),
      isLocked: async () => false,
    });
    expect(attention).toEqual({ pendingRevokes: 2, locked: false, dueReviews: 0 });
  });

  it('should show only the lock when nobody is signed in', async () => {
    await seed(['1']);
    const attention = await readAttention({
      listSessions: async () => [],
      openDb: () => openTokenDb('badge'),
      isLocked: async () => true,
    });
    expect(attention).toEqual({ pendingRevokes: 0, locked: true, dueReviews: 0 });
  });

  it('should count the account’s active tokens whose review date has come, not those waiting to be revoked', async () => {
    await seed(['3']);
    const db = await openTokenDb('badge');
    await setReviewBy(db, testScope, '1', 1_000);
    await setReviewBy(db, testScope, '2', 5_000);
    await setReviewBy(db, testScope, '3', 1_000);
    await setReviewBy(db, { ...testScope, account: '43' }, '9', 1_000);
    db.close();
    const read = (now: number) =>
      readAttention(
        {
          listSessions: async () => [testSession],
          openDb: () => openTokenDb('badge'),
          isLocked: async () => false,
        },
        now,
      );
    expect((await read(999)).dueReviews).toBe(0);
    expect((await read(1_000)).dueReviews).toBe(1);
    expect((await read(5_000)).dueReviews).toBe(2);
  });
});

describe('watchBadge', () => {
  it('should read nothing and tell the browser nothing for storage writes that are not the lock or the session', async () => {
    await seed(['1']);
    const setBadgeText = vi.fn(async () => {});
    Object.assign(fakeBrowser.action, {
      setBadgeText,
      setBadgeBackgroundColor: async () => {},
      setTitle: async () => {},
    });
    const openDb = vi.fn(() => openTokenDb('badge'));
    const isLocked = vi.fn(async () => false);
    const badge = watchBadge({ listSessions: async () => [testSession], openDb, isLocked });
    await badge.tokensChanged(testScope, [{ id: '1', state: 'pending-revoke' }]);
    expect(setBadgeText).toHaveBeenLastCalledWith({ text: '1' });
    const [reads, locks, shown] = [
      openDb.mock.calls.length,
      isLocked.mock.calls.length,
      setBadgeText.mock.calls.length,
    ];
    // The lock's activity on every use, the clipboard's mark, the settings: none of the badge's business.
    await fakeBrowser.storage.session.set({ 'vault.activity.v1': 5, 'clipboard-mark.v1': { at: 1 } });
    await fakeBrowser.storage.local.set({ 'settings.v1': {} });
    // The engine wrote, and the count is the same: nothing to tell the browser.
    await badge.tokensChanged(testScope, [
      { id: '1', state: 'pending-revoke' },
      { id: '2', state: 'active' },
    ]);
    expect([openDb.mock.calls.length, isLocked.mock.calls.length, setBadgeText.mock.calls.length]).toEqual([
      reads,
      locks,
      shown,
    ]);
    // The lock's key going (locked): the lock's state is read again, the tokens are not.
    isLocked.mockResolvedValue(true);
    await fakeBrowser.storage.session.set({ 'vault.key.v1': 'k' });
    await vi.waitFor(() => expect(isLocked.mock.calls.length).toBe(locks + 1));
    await badge.tokensChanged(testScope, [{ id: '1', state: 'pending-revoke' }]);
    expect(openDb.mock.calls.length).toBe(reads);
  });
});
