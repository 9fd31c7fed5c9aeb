import { CID } from 'multiformats/cid';
import type { Db } from '../db';
import { type Block, readCar } from './car';

/** One item of `GET /user/uploads`, keys in the original's order. */
export interface UploadRow {
  _id: string;
  type: string;
  name: string;
  created: string;
  updated: string;
  cid: string;
  dagSize: number;
  pins: [];
  deals: [];
  parts: [];
}

export interface ContentStatus {
  cid: string;
  dagSize: number;
  created: string;
  pins: [];
  deals: [];
}

export interface NewUpload {
  userId: string;
  /** The API token that sent it; null for a session credential (no token gets the credit). */
  tokenId: string | null;
  name: string;
  /** The temporary file holding the CAR. */
  path: string;
}

export interface UploadStore {
  /** Checks and stores a CAR, upserting the upload per (account, root); throws InvalidCarError. */
  saveCar(upload: NewUpload): Promise<{ root: string }>;
  /** Newest first; only uploads made before `before` when it is given. */
  listUploads(userId: string, page: { before?: Date; size: number }): Promise<UploadRow[]>;
  countUploads(userId: string): Promise<number>;
  /** Soft delete by content CID; the id, or null when this account has no such live upload. */
  deleteUpload(userId: string, cid: string): Promise<string | null>;
  status(cid: string): Promise<ContentStatus | null>;
  /** The blocks stored under a root, in arrival order, a page at a time; null for an unknown root. */
  blocks(cid: string): Promise<AsyncIterable<Block> | null>;
}

const ts = (column: string): string => `to_json(${column}) #>> '{}'`;
const dagSize = (cid: string): string =>
  `(SELECT coalesce(sum(octet_length(b.bytes)), 0)::float8 FROM content_block b WHERE b.root_cid = ${cid})`;
const PAGE = 64;

export function createUploadStore(db: Db): UploadStore {
  return {
    async saveCar({ userId, tokenId, name, path }) {
      const { root, blocks } = await readCar(path);
      const contentCid = root.toV1().toString();
      // One transaction: a CAR found bad halfway leaves nothing behind.
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO content (cid) VALUES ($1) ON CONFLICT DO NOTHING', [contentCid]);
        for await (const block of blocks) {
          await tx.query(
            'INSERT INTO content_block (root_cid, cid, bytes) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
            [contentCid, block.cid.toString(), block.bytes],
          );
        }
        // A re-upload renames and revives the upload; the token that first sent it keeps the credit.
        await tx.query(
          `INSERT INTO upload (user_id, auth_key_id, content_cid, source_cid, name, type)
           VALUES ($1, $2, $3, $4, $5, 'Car')
           ON CONFLICT (user_id, source_cid) DO UPDATE SET name = EXCLUDED.name, updated_at = now(),
             deleted_at = NULL, auth_key_id = coalesce(upload.auth_key_id, EXCLUDED.auth_key_id)`,
          [userId, tokenId, contentCid, root.toString(), name],
        );
      });
      return { root: root.toString() };
    },

    async listUploads(userId, { before, size }) {
      const { rows } = await db.query<UploadRow>(
        `SELECT u.id::text AS "_id", u.type, u.name, ${ts('u.inserted_at')} AS created,
           ${ts('u.updated_at')} AS updated, u.content_cid AS cid, ${dagSize('u.content_cid')} AS "dagSize",
           '[]'::json AS pins, '[]'::json AS deals, '[]'::json AS parts
         FROM upload u WHERE u.user_id = $1 AND u.deleted_at IS NULL AND ($2::timestamptz IS NULL OR u.inserted_at < $2::timestamptz)
         ORDER BY u.inserted_at DESC, u.id DESC LIMIT $3`,
        [userId, before?.toISOString() ?? null, size],
      );
      return rows.map((row) => ({ ...row, dagSize: Number(row.dagSize) }));
    },

    async countUploads(userId) {
      const { rows } = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM upload WHERE user_id = $1 AND deleted_at IS NULL',
        [userId],
      );
      return Number(rows[0]?.n ?? 0);
    },

    async deleteUpload(userId, cid) {
      const { rows } = await db.query<{ id: string }>(
        `UPDATE upload SET deleted_at = now(), updated_at = now()
         WHERE user_id = $1 AND content_cid = $2 AND deleted_at IS NULL RETURNING id::text AS id`,
        [userId, cid],
      );
      return rows[0]?.id ?? null;
    },

    async status(cid) {
      const { rows } = await db.query<ContentStatus>(
        `SELECT c.cid, ${dagSize('c.cid')} AS "dagSize", ${ts('c.inserted_at')} AS created,
           '[]'::json AS pins, '[]'::json AS deals
         FROM content c WHERE c.cid = $1`,
        [cid],
      );
      const row = rows[0];
      return row ? { ...row, dagSize: Number(row.dagSize) } : null;
    },

    async blocks(cid) {
      const { rows } = await db.query('SELECT 1 FROM content WHERE cid = $1', [cid]);
      if (rows.length === 0) return null;
      return pages(db, cid);
    },
  };
}

/** Reads blocks PAGE at a time, so a large upload is never loaded whole. */
async function* pages(db: Db, root: string): AsyncGenerator<Block> {
  let after = 0;
  for (;;) {
    const { rows } = await db.query<{ seq: string; cid: string; bytes: Uint8Array }>(
      'SELECT seq::text AS seq, cid, bytes FROM content_block WHERE root_cid = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      [root, after, PAGE],
    );
    for (const row of rows) yield { cid: CID.parse(row.cid), bytes: new Uint8Array(row.bytes) };
    if (rows.length < PAGE) return;
    after = Number(rows.at(-1)?.seq);
  }
}
