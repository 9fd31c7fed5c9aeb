// The database's shape (idb's DBSchema): its stores, keys and indexes, and the records that are
// not tokens. Each shipped version's upgrade is in upgrades/; repository functions are in db.ts.
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Envelope } from '../lock';
import type { CreateAttempt, Scope, TokenRecord } from './records';

export const DB_NAME = 'w3s-tokens';
export const DB_VERSION = 6;

/** v5: what a row shows of one token: its record without the scope (the list's) and without the secret. */
export type TokenRow = Omit<TokenRecord, 'service' | 'account' | 'secret' | 'sealed'>;

/**
 * v5: every token of one account in one record, so a page paints from one `get` and a sync reads
 * and writes one record instead of one per token. No secret is in it.
 */
export interface ListRecord extends Scope {
  rows: TokenRow[];
  /** When a sync last wrote this list (a sync that changed nothing writes nothing). */
  syncedAt: number | null;
  /**
   * New on every write (layout.ts `revised`): a page that shows revision R learns from a sync's
   * answer whether the store still holds R, without reading the list (issue 14). Absent in a
   * record no write has touched since v5: the next sync writes it once.
   */
  rev?: number;
}

/**
 * v6: what the popup paints first of an account's list (issue 14), written with the list in each
 * of its writes (db.ts `putList`), so the popup's one read before its first paint is as small
 * with 10,000 tokens as with 10 (layout.ts `headOf`). No secret is in it.
 */
export interface HeadRecord extends Scope {
  /**
   * The first rows in name order of the tokens not revoked, and every row anything above or
   * below the list shows from the whole list (a revoke waiting, a review date, an extra, a
   * revoked token). All the list's rows when it has few.
   */
  rows: TokenRow[];
  /** Whether `rows` is the whole list: a page then needs no other read to show it. */
  complete: boolean;
  /** How many tokens are not revoked: the list's length on screen, before the rest is read. */
  live: number;
  syncedAt: number | null;
  /** The list record's revision it was made from. */
  rev?: number;
}

/** A token's secret as kept here: in the clear, sealed under the lock, or neither (none kept). */
export interface SecretEntry {
  secret: string;
  sealed: Envelope | null;
}

/** v5: the account's secrets by token id, read only when a copy or a fill needs one. */
export interface SecretsRecord extends Scope {
  secrets: Record<string, SecretEntry>;
}

export interface AccountRecord extends Scope {
  /** Part of the shipped v1 shape; the email shown comes from the session (utils/account/session.ts). */
  email: string;
  lastSyncedAt: number | null;
  /** Creates not yet settled by a list, and settled ones that made a token (see CreateAttempt). */
  createAttempts: CreateAttempt[];
  /**
   * The list the service gave last, as a digest, and the revision of the list record it left
   * (issue 14): the same list again, over a list record nobody wrote since, changes nothing unless
   * something here is due (db.ts `unchangedSync`). Absent before, and while the lock seals secrets.
   */
  listed?: { digest: string; rev: number };
}

export interface TokenDB extends DBSchema {
  /** v1–v4: one record per token. v5 moves them into `lists` and `secrets` and deletes this store. */
  tokens: {
    key: [string, string, string];
    value: TokenRecord;
    indexes: { 'by-scope': [string, string] };
  };
  accounts: {
    key: [string, string];
    value: AccountRecord;
  };
  /** v3: a person's yes to filling a token into a site (issue 4), per token and origin. */
  grants: {
    key: [string, string, string, string];
    value: GrantRecord;
    indexes: { 'by-scope': [string, string] };
  };
  /** v5: one ListRecord per account. */
  lists: {
    key: [string, string];
    value: ListRecord;
  };
  /** v6: one HeadRecord per account, written with its list record. */
  heads: {
    key: [string, string];
    value: HeadRecord;
  };
  /** v5: one SecretsRecord per account. */
  secrets: {
    key: [string, string];
    value: SecretsRecord;
  };
  /** v3: every copy and fill, with where and when (issue 4). */
  usage: {
    key: number;
    value: UsageRecord;
    indexes: { 'by-scope': [string, string] };
  };
}

export interface GrantRecord extends Scope {
  tokenId: string;
  origin: string;
  grantedAt: number;
  /**
   * The token the shortcut fills on this origin, chosen on the options page (at most one grant
   * per origin). Absent in records written before it existed, which reads as "not chosen": no
   * upgrade needed.
   */
  siteDefault?: boolean;
}

export interface UsageRecord extends Scope {
  tokenId: string;
  kind: 'copy' | 'fill';
  /** Where a fill went; null for a copy. */
  origin: string | null;
  at: number;
}

export type TokenDatabase = IDBPDatabase<TokenDB>;

/** A token record as version 1 stored it. */
export type TokenRecordV1 = Omit<
  TokenRecord,
  'state' | 'pendingRevoke' | 'revokedAt' | 'revokedHere' | 'sealed'
>;

/** The transaction an upgrade runs in (every store may be touched). */
export type UpgradeTx = IDBPTransaction<TokenDB, ArrayLike<StoreNames<TokenDB>>, 'versionchange'>;
