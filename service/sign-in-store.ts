import type { Db as DbConnection } from './db';

// One-time codes and sign-in counters, kept in the database (not in process memory) so that every
// process of a service sharing one PostgreSQL sees the same codes, tries and limits.

type Db = Pick<DbConnection, 'query' | 'transaction'>;

export interface Limit {
  max: number;
  windowMs: number;
}

/** What checking a code found: it matched (and is now used up), did not, or is no longer valid. */
export type CodeCheck = { ok: true } | { ok: false; triesLeft: number } | { ok: false; expired: true };

export interface SignInStore {
  /** Replaces any earlier code of `email`: only the newest code is valid. */
  saveCode(email: string, codeHash: string, tries: number, expiresAt: Date): Promise<void>;
  /** Compares `codeHash` with the stored code, counts a wrong try, and deletes a matched code. */
  checkCode(
    email: string,
    codeHash: string,
    now: Date,
    same: (a: string, b: string) => boolean,
  ): Promise<CodeCheck>;
  /**
   * Counts one request under every key when all are under their limit; otherwise counts nothing
   * and answers the seconds until every key is under its limit again.
   */
  hit(entries: readonly { key: string; limit: Limit }[], now: Date): Promise<number | null>;
  /** Forgets every counter (the control route's `reset`). */
  resetCounters(): Promise<void>;
}

export function createSignInStore(db: Db): SignInStore {
  return {
    async saveCode(email, codeHash, tries, expiresAt) {
      await db.query(
        `INSERT INTO sign_in_code (email, code_hash, tries_left, expires_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (email) DO UPDATE SET code_hash = EXCLUDED.code_hash, tries_left = EXCLUDED.tries_left,
           expires_at = EXCLUDED.expires_at, inserted_at = now()`,
        [email, codeHash, tries, expiresAt.toISOString()],
      );
    },

    checkCode: (email, codeHash, now, same) =>
      db.transaction(async (tx): Promise<CodeCheck> => {
        // FOR UPDATE: two processes checking the same code at once see one try each, in turn.
        const { rows } = await tx.query<{ code_hash: string; tries_left: number; live: boolean }>(
          `SELECT code_hash, tries_left, expires_at > $2::timestamptz AS live
           FROM sign_in_code WHERE email = $1 FOR UPDATE`,
          [email, now.toISOString()],
        );
        const row = rows[0];
        if (!row?.live || row.tries_left <= 0) return { ok: false, expired: true };
        if (same(row.code_hash, codeHash)) {
          await tx.query('DELETE FROM sign_in_code WHERE email = $1', [email]);
          return { ok: true };
        }
        await tx.query('UPDATE sign_in_code SET tries_left = tries_left - 1 WHERE email = $1', [email]);
        return { ok: false, triesLeft: row.tries_left - 1 };
      }),

    hit: (entries, now) =>
      db.transaction(async (tx) => {
        let wait = 0;
        for (const { key, limit } of entries) {
          // Serialises the check-then-insert per key across processes, until the transaction ends.
          await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
          const since = new Date(now.getTime() - limit.windowMs).toISOString();
          await tx.query('DELETE FROM sign_in_attempt WHERE key = $1 AND at <= $2::timestamptz', [
            key,
            since,
          ]);
          const { rows } = await tx.query<{ at: Date }>(
            'SELECT at FROM sign_in_attempt WHERE key = $1 ORDER BY at DESC LIMIT $2',
            [key, limit.max],
          );
          // Full: the window frees a slot when the max-th newest request leaves it.
          const oldest = rows.length >= limit.max ? rows.at(-1) : undefined;
          if (oldest) wait = Math.max(wait, new Date(oldest.at).getTime() + limit.windowMs - now.getTime());
        }
        if (wait > 0) return Math.max(1, Math.ceil(wait / 1000));
        for (const { key } of entries) {
          await tx.query('INSERT INTO sign_in_attempt (key, at) VALUES ($1, $2)', [key, now.toISOString()]);
        }
        // Keys nobody uses again (an email asked for once) would otherwise stay for ever.
        await tx.query(`DELETE FROM sign_in_attempt WHERE at < $1::timestamptz - interval '1 day'`, [
          now.toISOString(),
        ]);
        return null;
      }),

    async resetCounters() {
      await db.query('DELETE FROM sign_in_attempt', []);
    },
  };
}
