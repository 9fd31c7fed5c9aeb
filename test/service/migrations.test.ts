// @vitest-environment node
// A database made before issue 13 (only the first migration, with rows the old hasUploads test
// switch planted: several uploads per token under one made-up root) is brought up to date by
// openDb: duplicates folded into one upload, and the token still counts as used.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../../service/db';
import { MIGRATIONS } from '../../service/migrations';
import { createStore } from '../../service/store';
import { backendName, freshDatabase, onPostgres, type TestDatabase } from './backend';

const OLD_ROWS = `
  CREATE TABLE schema_migration (version INT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now());
  INSERT INTO schema_migration (version) VALUES (1);
  INSERT INTO public.user (name, email, issuer, public_address) VALUES ('a', 'a@example.org', 'did:ethr:0xa', '0xa');
  INSERT INTO auth_key (name, secret, user_id) SELECT 'used', 's', id FROM public.user;
  INSERT INTO upload (user_id, auth_key_id, content_cid) SELECT user_id, id, 'bafkold' FROM auth_key;
  INSERT INTO upload (user_id, auth_key_id, content_cid) SELECT user_id, id, 'bafkold' FROM auth_key;`;

let cleanup: () => Promise<void> = async () => {};
afterAll(() => cleanup());

/** A database at schema version 1 holding OLD_ROWS, opened through openDb. */
async function openOldDatabase(): Promise<Db> {
  if (onPostgres) {
    const database: TestDatabase = await freshDatabase();
    const client = new pg.Client({ connectionString: database.databaseUrl });
    await client.connect();
    await client.query(MIGRATIONS[0] ?? '');
    await client.query(OLD_ROWS);
    await client.end();
    const db = await openDb({ databaseUrl: database.databaseUrl });
    cleanup = async () => {
      await db.close();
      await database.drop();
    };
    return db;
  }
  const dataDir = join(mkdtempSync(join(tmpdir(), 'w3s-migrate-')), 'data');
  const old = await PGlite.create({ dataDir });
  await old.exec(MIGRATIONS[0] ?? '');
  await old.exec(OLD_ROWS);
  await old.close();
  const db = await openDb({ dataDir });
  cleanup = async () => {
    await db.close();
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  };
  return db;
}

describe(`migrations (${backendName})`, () => {
  it('should bring a version 1 database up to date, folding duplicate uploads and keeping hasUploads', async () => {
    const db = await openOldDatabase();
    const { rows } = await db.query<{ version: number }>(
      'SELECT version FROM schema_migration ORDER BY version',
    );
    expect(rows.map((row) => Number(row.version))).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const uploads = await db.query('SELECT source_cid, name, type FROM upload');
    expect(uploads.rows).toEqual([{ source_cid: 'bafkold', name: '', type: 'Car' }]);
    const user = await db.query<{ id: string }>('SELECT id::text AS id FROM public.user');
    const tokens = await createStore(db).listTokens(user.rows[0]?.id ?? '');
    expect(tokens).toEqual([expect.objectContaining({ name: 'used', hasUploads: true })]);
    // Initialising a PGlite directory costs seconds of CPU on shared cores: generous, never asserted.
  }, 120_000);
});
