// Which database the service tests run on. vitest.config.ts runs test/service twice: once on the
// embedded PGlite, once (project `service-postgres`, SERVICE_TEST_DB=postgres) on the PostgreSQL
// server named by TEST_DATABASE_URL, each test file in a database of its own that is dropped after.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { type Db, openDb } from '../../service/db';

export const onPostgres = process.env.SERVICE_TEST_DB === 'postgres';
export const backendName = onPostgres ? 'PostgreSQL' : 'PGlite';

export interface TestDatabase {
  /** Undefined on PGlite (in memory). */
  databaseUrl?: string;
  drop(): Promise<void>;
}

/** The server the PostgreSQL half runs on; its role must be allowed to create databases. */
export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error('TEST_DATABASE_URL is not set: the PostgreSQL suite needs a server (see .ci/run)');
  return url;
}

/** A new, empty database on the test server (PostgreSQL), or nothing to do (PGlite). */
export async function freshDatabase(): Promise<TestDatabase> {
  if (!onPostgres) return { drop: async () => {} };
  const admin = new URL(testDatabaseUrl());
  const name = `w3s_test_${randomUUID().replaceAll('-', '')}`;
  await adminQuery(admin, `CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.href,
    drop: () => adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(url: URL, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url.href });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A migrated database on the backend under test, and how to be rid of it. */
export async function openTestDb(): Promise<{ db: Db; drop: () => Promise<void> }> {
  const database = await freshDatabase();
  const db = await openDb({ databaseUrl: database.databaseUrl });
  return {
    db,
    drop: async () => {
      await db.close();
      await database.drop();
    },
  };
}
