import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../utils/api/client';
import { listTokens, requestRevoke } from '../../../utils/store/db';
import { openTokenDb } from '../../../utils/store/open';
import type { TokenDatabase } from '../../../utils/store/schema';
import { type SyncContext, syncAccount } from '../../../utils/sync/sync';
import { HOSTILE_LISTS, HOSTILE_NAMES, rawFetch } from '../../helpers/hostile';
import { testScope as scope } from '../../helpers/session';

const api = (status: number, body: string) =>
  createApiClient({ baseUrl: scope.service, credential: 'c', fetch: rawFetch(status, body) });

const wire = (id: string, name: string) => ({
  _id: id,
  name,
  secret: `eyJhbGciOiJIUzI1NiJ9.payload-${id}.sig`,
  created: '2026-01-01T00:00:00.000+00:00',
  hasUploads: false,
});

describe('syncAccount with hostile service answers', () => {
  let db: TokenDatabase;
  let ctx: (status: number, body: string) => SyncContext;
  beforeEach(async () => {
    db = await openTokenDb();
    ctx = (status, body) => ({ api: api(status, body), db, scope, now: () => 1_000, random: () => 0.5 });
    const list = JSON.stringify([wire('1', 'laptop'), wire('2', 'ci')]);
    expect((await syncAccount(ctx(200, list))).ok).toBe(true);
    await requestRevoke(db, scope, '2', 1_000);
  });
  afterEach(() => db.close());

  it.each(HOSTILE_LISTS)(
    'should leave the store unchanged after a list that is %s',
    async (_label, status, body) => {
      const before = await listTokens(db, scope);
      const result = await syncAccount(ctx(status, body));
      expect(result.ok).toBe(false);
      // Not read as "every token was revoked elsewhere", and the waiting revoke still waits.
      expect(await listTokens(db, scope)).toEqual(before);
      expect(before.map((t) => [t.id, t.state]).sort()).toEqual([
        ['1', 'active'],
        ['2', 'pending-revoke'],
      ]);
    },
  );

  it('should keep every hostile name exactly as the service sent it', async () => {
    const names = HOSTILE_NAMES.map(([, name]) => name).filter((name) => name !== '');
    const list = JSON.stringify(names.map((name, i) => wire(String(i + 10), name)));
    // The revoke of 2 is sent first; this answer to it is taken as "already gone".
    const result = await syncAccount(ctx(200, list));
    expect(result.ok).toBe(true);
    const stored = await listTokens(db, scope);
    const byId = new Map(stored.map((t) => [t.id, t.name]));
    expect(names.map((_, i) => byId.get(String(i + 10)))).toEqual(names);
  });
});
