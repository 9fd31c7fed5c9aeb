// The database's shape (idb's DBSchema): its stores, keys and indexes, and the records that are
// not tokens. Each shipped version's upgrade is in upgrades/; repository functions are in db.ts.
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { CreateAttempt, Scope, TokenRecord } from './records';

export const DB_NAME = 'w3s-tokens';
export const DB_VERSION = 4;

export interface AccountRecord extends Scope {
  /** Part of the shipped v1 shape; the email shown comes from the session (utils/account/session.ts). */
  email: string;
  lastSyncedAt: number | null;
  /** Creates not yet settled by a list, and settled ones that made a token (see CreateAttempt). */
  createAttempts: CreateAttempt[];
}

export interface TokenDB extends DBSchema {
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
