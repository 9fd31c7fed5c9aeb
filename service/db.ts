import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { MIGRATIONS } from './migrations';
import { readTemplate, writeTemplate } from './template';

/** What queries need from a connection or a transaction: PGlite's shape, which pg is adapted to. */
export interface Queryable {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
}

/** One database for the whole service: embedded PGlite, or a PostgreSQL server through `pg`. */
export interface Db extends Queryable {
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** PGlite data directory; undefined keeps everything in memory. Ignored with `databaseUrl`. */
  dataDir?: string;
  /** `postgres://…` of a PostgreSQL server; several services may share it. */
  databaseUrl?: string;
}

/** Opens the database and brings its schema up to date. */
export async function openDb(options: DbOptions = {}): Promise<Db> {
  if (options.databaseUrl) {
    // Loaded only here: the embedded path never needs the driver.
    const { openPgDb } = await import('./pg');
    const db = await openPgDb(options.databaseUrl);
    await migrate(db).catch(async (error: unknown) => {
      await db.close();
      throw error;
    });
    return db;
  }
  return openPglite(options.dataDir);
}

async function openPglite(dataDir?: string): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const fresh = !dataDir || !existsSync(join(dataDir, 'PG_VERSION'));
  const template = fresh ? readTemplate() : undefined;
  const db = await PGlite.create({ dataDir, loadDataDir: template }).catch(async (error: unknown) => {
    // A damaged template must not stop the service: start from initdb instead.
    if (!template) throw error;
    return PGlite.create({ dataDir });
  });
  // `created` is rendered by Postgres itself (to_json), as PostgREST did: UTC, `+00:00`.
  await db.exec(`SET TIME ZONE 'UTC'`);
  await migrate(db);
  if (fresh && !template) await writeTemplate(db);
  return db;
}

// Any constant works; it only has to be the same in every process migrating one database.
const MIGRATION_LOCK = 315318824;

/**
 * Applies the pending migrations in one transaction that first takes an advisory lock, so two
 * services starting at once on one database migrate one after the other: the second one finds
 * nothing left to do. https://www.postgresql.org/docs/15/explicit-locking.html#ADVISORY-LOCKS
 */
async function migrate(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migration (version INT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    const { rows } = await tx.query<{ v: number }>(
      'SELECT coalesce(max(version), 0) AS v FROM schema_migration',
    );
    for (let version = Number(rows[0]?.v ?? 0) + 1; version <= MIGRATIONS.length; version++) {
      await tx.exec(MIGRATIONS[version - 1] ?? '');
      await tx.query('INSERT INTO schema_migration (version) VALUES ($1)', [version]);
    }
  });
}

/** Postgres errors carry a SQLSTATE `code` and a `severity`; everything else is a bug of ours. */
export function isDbError(error: unknown): error is Error & { code: string } {
  return (
    error instanceof Error && 'severity' in error && typeof (error as { code?: unknown }).code === 'string'
  );
}
