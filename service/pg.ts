import pg from 'pg';
import type { Db, Queryable } from './db';

/**
 * A PostgreSQL server behind the interface PGlite offers (`query`, `exec`, `transaction`), so one
 * set of queries serves both. Every connection runs in UTC, as the embedded database does.
 */
export async function openPgDb(databaseUrl: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: databaseUrl, options: '-c TimeZone=UTC', max: 10 });
  // An idle connection the server drops must not crash the service; the next query reconnects.
  pool.on('error', () => {});
  const over = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await client.query(sql, params);
      return { rows: result.rows as T[] };
    },
    exec: (sql) => client.query(sql),
  });
  // Fail at start-up, not on the first request, when the server cannot be reached.
  await pool.query('SELECT 1');
  return {
    ...over(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(over(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
