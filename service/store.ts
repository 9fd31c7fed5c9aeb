import { randomBytes } from 'node:crypto';
import type { Db } from './db';
import { bodyHash, createOnce, type OnceResult } from './idempotency';

export interface SessionUser {
  id: string;
  issuer: string;
}

/** One row of `GET /user/tokens`, keys in the original's order. */
export interface TokenRow {
  _id: string;
  name: string;
  secret: string;
  created: string;
  hasUploads: boolean;
}

export interface ApiKeyRow {
  id: string;
  user: SessionUser;
  deleted: boolean;
  blocked: boolean;
}

export interface UserRow {
  _id: string;
  issuer: string;
  name: string;
  email: string;
  github: unknown;
  publicAddress: string;
  created: string;
  updated: string;
}

export type TagName =
  | 'HasAccountRestriction'
  | 'HasDeleteRestriction'
  | 'HasPsaAccess'
  | 'HasSuperHotAccess'
  | 'StorageLimitBytes';

export interface Store {
  /** The persisted signing secret, created on first use. */
  secret(): Promise<string>;
  /**
   * Creates the account when the email is new, then a session for it that expires at `expiresAt`;
   * ends the account's expired sessions and its oldest live ones past `maxSessions`.
   */
  createSession(email: string, credentialHash: string, session: NewSession): Promise<void>;
  /** The account of a session that has not ended nor expired at `now`. */
  findSessionUser(credentialHash: string, now: Date): Promise<SessionUser | null>;
  /** Ends a session; false when there was none under that hash. */
  endSession(credentialHash: string): Promise<boolean>;
  findUser(userId: string): Promise<UserRow | null>;
  tags(userId: string): Promise<Partial<Record<TagName, string>>>;
  uploadedBytes(userId: string): Promise<number>;
  listTokens(userId: string): Promise<TokenRow[]>;
  createToken(userId: string, name: string, secret: string): Promise<string>;
  /** The same, at most once per (user, Idempotency-Key) for 24 h (service/idempotency.ts). */
  createTokenOnce(userId: string, name: string, secret: string, key: string): Promise<OnceResult>;
  /** Soft delete; null when nothing of this user's was live under that id. Throws on a non-numeric id. */
  deleteToken(userId: string, tokenId: string): Promise<string | null>;
  /** The token with exactly this secret in the account whose issuer is `sub`, deleted ones included. */
  findApiKey(sub: string, secret: string): Promise<ApiKeyRow | null>;
  /** An administrator's block; false when there is no such token. */
  setTokenBlocked(tokenId: string, blocked: boolean): Promise<boolean>;
  setTag(email: string, tag: TagName, value: string): Promise<boolean>;
}

export interface NewSession {
  now: Date;
  expiresAt: Date;
  maxSessions: number;
}

// Postgres renders timestamptz as `2021-11-29T16:08:33.077+00:00` (trailing zeros of the
// fraction dropped), which is what PostgREST handed the original's clients.
const ts = (column: string): string => `to_json(${column}) #>> '{}'`;

export function createStore(db: Db): Store {
  const one = async <T>(sql: string, params: unknown[]): Promise<T | null> =>
    (await db.query<T>(sql, params)).rows[0] ?? null;

  return {
    async secret() {
      const generated = randomBytes(32).toString('base64url');
      await db.query(`INSERT INTO service_secret (name, value) VALUES ('salt', $1) ON CONFLICT DO NOTHING`, [
        generated,
      ]);
      const row = await one<{ value: string }>(`SELECT value FROM service_secret WHERE name = 'salt'`, []);
      return row?.value ?? generated;
    },

    async createSession(email, credentialHash, { now, expiresAt, maxSessions }) {
      // The original's users came from magic.link: a `did:ethr` issuer and an Ethereum address.
      const address = `0x${randomBytes(20).toString('hex')}`;
      await db.transaction(async (tx) => {
        const { rows } = await tx.query<{ id: string }>(
          `INSERT INTO public.user (name, email, issuer, public_address) VALUES ($1, $1, $2, $3)
           ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email RETURNING id::text AS id`,
          [email, `did:ethr:${address}`, address],
        );
        const userId = rows[0]?.id;
        await tx.query('INSERT INTO session (user_id, credential_hash, expires_at) VALUES ($1, $2, $3)', [
          userId,
          credentialHash,
          expiresAt.toISOString(),
        ]);
        // The upsert above locks the account's row, so concurrent sign-ins (even from other
        // processes) trim one after the other and never leave more than maxSessions.
        await tx.query(
          `DELETE FROM session WHERE user_id = $1 AND (expires_at <= $2::timestamptz OR id NOT IN (
             SELECT id FROM session WHERE user_id = $1 AND expires_at > $2::timestamptz ORDER BY id DESC LIMIT $3))`,
          [userId, now.toISOString(), maxSessions],
        );
      });
    },

    findSessionUser: (credentialHash, now) =>
      one<SessionUser>(
        `SELECT u.id::text AS id, u.issuer FROM session s JOIN public.user u ON u.id = s.user_id
         WHERE s.credential_hash = $1 AND s.expires_at > $2::timestamptz`,
        [credentialHash, now.toISOString()],
      ),

    async endSession(credentialHash) {
      const { rows } = await db.query('DELETE FROM session WHERE credential_hash = $1 RETURNING id', [
        credentialHash,
      ]);
      return rows.length > 0;
    },

    findUser: (userId) =>
      one<UserRow>(
        `SELECT id::text AS "_id", issuer, name, email, github, public_address AS "publicAddress",
           ${ts('inserted_at')} AS created, ${ts('updated_at')} AS updated
         FROM public.user WHERE id = $1`,
        [userId],
      ),

    async tags(userId) {
      const { rows } = await db.query<{ tag: TagName; value: string }>(
        'SELECT tag::text AS tag, value FROM user_tag WHERE user_id = $1 AND deleted_at IS NULL',
        [userId],
      );
      return Object.fromEntries(rows.map((row) => [row.tag, row.value]));
    },

    async uploadedBytes(userId) {
      const row = await one<{ bytes: string }>(
        `SELECT coalesce(sum(octet_length(b.bytes)), 0)::text AS bytes
         FROM upload u JOIN content_block b ON b.root_cid = u.content_cid
         WHERE u.user_id = $1 AND u.deleted_at IS NULL`,
        [userId],
      );
      return Number(row?.bytes ?? 0);
    },

    async listTokens(userId) {
      // No meaningful ORDER BY, like the original: clients must sort. random() makes sure they do.
      const { rows } = await db.query<TokenRow>(
        `SELECT k.id::text AS "_id", k.name, k.secret, ${ts('k.inserted_at')} AS created,
           -- Deleted uploads count too: once a token has uploaded, it stays "used", as in the original.
           EXISTS (SELECT 1 FROM upload u WHERE u.auth_key_id = k.id) AS "hasUploads"
         FROM auth_key k WHERE k.user_id = $1 AND k.deleted_at IS NULL ORDER BY random()`,
        [userId],
      );
      return rows;
    },

    async createToken(userId, name, secret) {
      const row = await one<{ id: string }>(
        'INSERT INTO auth_key (name, secret, user_id) VALUES ($1, $2, $3) RETURNING id::text AS id',
        [name, secret, userId],
      );
      if (!row) throw new Error('insert returned no row');
      return row.id;
    },

    createTokenOnce(userId, name, secret, key) {
      return createOnce(db, userId, key, bodyHash(name), async (tx) => {
        const { rows } = await tx.query<{ id: string }>(
          'INSERT INTO auth_key (name, secret, user_id) VALUES ($1, $2, $3) RETURNING id::text AS id',
          [name, secret, userId],
        );
        if (!rows[0]) throw new Error('insert returned no row');
        return rows[0].id;
      });
    },

    async deleteToken(userId, tokenId) {
      const row = await one<{ id: string }>(
        `UPDATE auth_key SET deleted_at = now(), updated_at = now()
         WHERE id = $1::bigint AND user_id = $2 AND deleted_at IS NULL RETURNING id::text AS id`,
        [tokenId, userId],
      );
      return row?.id ?? null;
    },

    async findApiKey(sub, secret) {
      const row = await one<{
        id: string;
        userId: string;
        issuer: string;
        deleted: boolean;
        blocked: boolean;
      }>(
        `SELECT k.id::text AS id, u.id::text AS "userId", u.issuer, k.deleted_at IS NOT NULL AS deleted,
           k.blocked_at IS NOT NULL AS blocked
         FROM auth_key k JOIN public.user u ON u.id = k.user_id
         WHERE u.issuer = $1 AND k.secret = $2 ORDER BY k.deleted_at IS NULL DESC LIMIT 1`,
        [sub, secret],
      );
      return (
        row && {
          id: row.id,
          user: { id: row.userId, issuer: row.issuer },
          deleted: row.deleted,
          blocked: row.blocked,
        }
      );
    },

    async setTokenBlocked(tokenId, blocked) {
      const row = await one(
        `UPDATE auth_key SET blocked_at = CASE WHEN $2 THEN coalesce(blocked_at, now()) END
         WHERE id = $1::bigint RETURNING id`,
        [tokenId, blocked],
      );
      return row !== null;
    },

    async setTag(email, tag, value) {
      const user = await one<{ id: string }>('SELECT id::text AS id FROM public.user WHERE email = $1', [
        email,
      ]);
      if (!user) return false;
      await db.transaction(async (tx) => {
        await tx.query(
          'UPDATE user_tag SET deleted_at = now() WHERE user_id = $1 AND tag = $2 AND deleted_at IS NULL',
          [user.id, tag],
        );
        await tx.query(
          `INSERT INTO user_tag (user_id, tag, value, reason) VALUES ($1, $2, $3, 'control route')`,
          [user.id, tag, value],
        );
      });
      return true;
    },
  };
}
