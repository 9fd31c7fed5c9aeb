import { createHash } from 'node:crypto';
import type { Db } from './db';

// The Idempotency-Key extension of `POST /user/tokens` (docs/idempotency.md): one create per
// (account, key) for 24 h. Kept in the database, so every process sharing it agrees.

/** Longest key accepted, as the contract says. */
export const MAX_IDEMPOTENCY_KEY = 255;

export type OnceResult = { kind: 'created' | 'replayed'; id: string } | { kind: 'reused' };

/** What tells a retry (same body) from a reuse of the key for another create. */
export function bodyHash(name: string): string {
  return createHash('sha256').update(JSON.stringify({ name })).digest('hex');
}

/**
 * Runs `create` at most once per (user, key). The key's row is claimed first, in the same
 * transaction as the create: a second request with that key waits on the row's primary key until
 * the first commits, then finds it. A row older than 24 h is claimed again as if new.
 */
export async function createOnce(
  db: Db,
  userId: string,
  key: string,
  hash: string,
  create: (tx: Pick<Db, 'query'>) => Promise<string>,
): Promise<OnceResult> {
  return db.transaction(async (tx) => {
    const claimed = await tx.query(
      `INSERT INTO idempotency_key (user_id, key, body_hash) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, key) DO UPDATE
         SET body_hash = EXCLUDED.body_hash, token_id = NULL, inserted_at = now()
         WHERE idempotency_key.inserted_at < now() - interval '24 hours'
       RETURNING 1`,
      [userId, key, hash],
    );
    if (claimed.rows.length === 0) {
      const { rows } = await tx.query<{ body_hash: string; token_id: string | null }>(
        'SELECT body_hash, token_id::text AS token_id FROM idempotency_key WHERE user_id = $1 AND key = $2',
        [userId, key],
      );
      const row = rows[0];
      if (!row || row.body_hash !== hash || row.token_id === null) return { kind: 'reused' };
      return { kind: 'replayed', id: row.token_id };
    }
    const id = await create(tx);
    await tx.query('UPDATE idempotency_key SET token_id = $3 WHERE user_id = $1 AND key = $2', [
      userId,
      key,
      id,
    ]);
    return { kind: 'created', id };
  });
}
