import { describe, expect, it, vi } from 'vitest';
import { listTokens } from '../../../utils/store/db';
import { keptTokenDb } from '../../../utils/store/kept';
import { openTokenDb } from '../../../utils/store/open';
import { DB_NAME, DB_VERSION } from '../../../utils/store/schema';

const scope = { service: 'http://127.0.0.1:8787', account: '42' };

function deleteDb(): Promise<'deleted' | 'blocked'> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onblocked = () => resolve('blocked');
    request.onsuccess = () => resolve('deleted');
    request.onerror = () => reject(request.error);
  });
}

describe('keptTokenDb (the background connection, issue 14)', () => {
  it('opens once for every call, and a call closing it leaves it open for the next', async () => {
    const open = vi.fn(() => openTokenDb());
    const openDb = keptTokenDb(open);
    const [a, b] = await Promise.all([openDb(), openDb()]);
    a.close();
    const c = await openDb();
    expect(open).toHaveBeenCalledTimes(1);
    expect(await listTokens(b, scope)).toEqual([]);
    expect(await listTokens(c, scope)).toEqual([]);
    expect(c.version).toBe(DB_VERSION);
  });

  it('gives way to a deletion elsewhere, and the next call opens the database again', async () => {
    const open = vi.fn(() => openTokenDb());
    const openDb = keptTokenDb(open);
    await openDb();
    expect(await deleteDb()).toBe('deleted');
    const again = await openDb();
    expect(open).toHaveBeenCalledTimes(2);
    expect(await listTokens(again, scope)).toEqual([]);
  });

  it('gives way to a newer version opened elsewhere', async () => {
    const openDb = keptTokenDb();
    await openDb();
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, DB_VERSION + 1);
      request.onblocked = () => reject(new Error('blocked by the kept connection'));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
  });

  it('opens again after an open that failed', async () => {
    const open = vi
      .fn<() => ReturnType<typeof openTokenDb>>()
      .mockRejectedValueOnce(new Error('quota'))
      .mockImplementation(() => openTokenDb());
    const openDb = keptTokenDb(open);
    await expect(openDb()).rejects.toThrow('quota');
    expect((await openDb()).version).toBe(DB_VERSION);
    expect(open).toHaveBeenCalledTimes(2);
  });
});
