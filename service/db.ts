import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { MIGRATIONS } from './migrations';
import { readTemplate, writeTemplate } from './template';

/** Opens Postgres (in memory when `dataDir` is undefined) and brings its schema up to date. */
export async function openDb(dataDir?: string): Promise<PGlite> {
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

async function migrate(db: PGlite): Promise<void> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migration (version INT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
  );
  const { rows } = await db.query<{ v: number }>(
    'SELECT coalesce(max(version), 0) AS v FROM schema_migration',
  );
  for (let version = (rows[0]?.v ?? 0) + 1; version <= MIGRATIONS.length; version++) {
    const sql = MIGRATIONS[version - 1] ?? '';
    await db.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.query('INSERT INTO schema_migration (version) VALUES ($1)', [version]);
    });
  }
}

/** Postgres errors carry a SQLSTATE `code` and a `severity`; everything else is a bug of ours. */
export function isDbError(error: unknown): error is Error & { code: string } {
  return (
    error instanceof Error && 'severity' in error && typeof (error as { code?: unknown }).code === 'string'
  );
}
