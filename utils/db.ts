import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { ApiToken } from './api-shapes';
import { planReconcile, type Scope, type TokenRecord } from './reconcile';

export const DB_NAME = 'w3s-tokens';
export const DB_VERSION = 1;

export interface AccountRecord extends Scope {
  email: string;
  lastSyncedAt: number | null;
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
}

export type TokenDatabase = IDBPDatabase<TokenDB>;

/**
 * Opens the one database. Upgrades are cumulative `if (oldVersion < N)` blocks, never edited once
 * shipped. A newer version opened elsewhere (another extension page after an update) makes this
 * connection close instead of blocking it.
 */
export function openTokenDb(): Promise<TokenDatabase> {
  return openDB<TokenDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const tokens = db.createObjectStore('tokens', { keyPath: ['service', 'account', 'id'] });
        tokens.createIndex('by-scope', ['service', 'account']);
        db.createObjectStore('accounts', { keyPath: ['service', 'account'] });
      }
    },
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
    },
  });
}

export function listTokens(db: TokenDatabase, scope: Scope): Promise<TokenRecord[]> {
  return db.getAllFromIndex('tokens', 'by-scope', [scope.service, scope.account]);
}

export function getAccount(db: TokenDatabase, scope: Scope): Promise<AccountRecord | undefined> {
  return db.get('accounts', [scope.service, scope.account]);
}

export async function saveAccount(db: TokenDatabase, scope: Scope, email: string): Promise<void> {
  const tx = db.transaction('accounts', 'readwrite');
  const previous = await tx.store.get([scope.service, scope.account]);
  await tx.store.put({ ...scope, email, lastSyncedAt: previous?.lastSyncedAt ?? null });
  await tx.done;
}

/** Applies a fresh list from the service in a single transaction; returns the scope's tokens after it. */
export async function applyServerList(
  db: TokenDatabase,
  scope: Scope,
  remote: readonly ApiToken[],
  now: number,
): Promise<TokenRecord[]> {
  const tx = db.transaction(['tokens', 'accounts'], 'readwrite');
  const tokens = tx.objectStore('tokens');
  const local = await tokens.index('by-scope').getAll([scope.service, scope.account]);
  const plan = planReconcile(scope, local, remote, now);
  const accounts = tx.objectStore('accounts');
  const account = await accounts.get([scope.service, scope.account]);
  await Promise.all([
    ...plan.put.map((record) => tokens.put(record)),
    ...plan.remove.map((id) => tokens.delete([scope.service, scope.account, id])),
    accounts.put({ ...scope, email: account?.email ?? '', lastSyncedAt: now }),
  ]);
  const after = await tokens.index('by-scope').getAll([scope.service, scope.account]);
  await tx.done;
  return after;
}

export async function removeToken(db: TokenDatabase, scope: Scope, id: string): Promise<void> {
  await db.delete('tokens', [scope.service, scope.account, id]);
}

export async function markCopied(db: TokenDatabase, scope: Scope, id: string, at: number): Promise<void> {
  const tx = db.transaction('tokens', 'readwrite');
  const record = await tx.store.get([scope.service, scope.account, id]);
  if (record) await tx.store.put({ ...record, lastCopiedAt: at });
  await tx.done;
}
