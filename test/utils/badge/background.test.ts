import { describe, expect, it } from 'vitest';
import { readAttention } from '../../../utils/badge/background';
import { applyList, requestRevoke } from '../../../utils/store/db';
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
      expect(attention).toEqual({ pendingRevokes: ids.length, locked: false });
    },
  );

  it('should count the waiting revokes of every signed-in account, and of no other', async () => {
    await seed(['1']);
    const attention = await readAttention({
      listSessions: async () => [testSession, { ...testSession, account: '43' }],
      openDb: () => openTokenDb('badge'),
      isLocked: async () => false,
    });
    expect(attention).toEqual({ pendingRevokes: 2, locked: false });
  });

  it('should show only the lock when nobody is signed in', async () => {
    await seed(['1']);
    const attention = await readAttention({
      listSessions: async () => [],
      openDb: () => openTokenDb('badge'),
      isLocked: async () => true,
    });
    expect(attention).toEqual({ pendingRevokes: 0, locked: true });
  });
});
