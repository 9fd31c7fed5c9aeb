// How v5 keeps tokens (schema.ts): a record per account for what rows show and one for the
// secrets. The repository (db.ts) and the v5 upgrade turn token records into them and back.
import { secretHint } from '../lib';
import type { Scope, TokenRecord } from './records';
import type { ListRecord, SecretEntry, SecretsRecord, TokenRow } from './schema';

/**
 * What a row keeps of a token: everything but the scope and the secret, plus the secret's last
 * characters when (and only when) the secret is kept in the clear: what the popup showed before
 * v5. Sealed under the lock or not kept, the row has no hint, as the list showed none.
 */
export function toRow(record: TokenRecord): TokenRow {
  const { service: _s, account: _a, secret, sealed: _sealed, hint: _hint, ...row } = record;
  const hint = record.state === 'revoked' ? undefined : secretHint(secret);
  return hint === undefined ? row : { ...row, hint };
}

/** A token as the pages hold it: no secret, the hint of one kept in the clear. */
export function withoutSecret(scope: Scope, record: TokenRecord): TokenRecord {
  return toRecord(scope, toRow(record));
}

/** A row as the token record the pages and the engine work with; no secret unless `entry` gives one. */
export function toRecord(scope: Scope, row: TokenRow, entry?: SecretEntry): TokenRecord {
  return {
    service: scope.service,
    account: scope.account,
    ...row,
    secret: entry?.secret ?? '',
    sealed: entry?.sealed ?? null,
  };
}

/** `list` as it is written: with a new revision (ListRecord.rev). Every write of a list goes through here. */
export function revised<T extends ListRecord>(list: T): T {
  const [high = 0, low = 0] = crypto.getRandomValues(new Uint32Array(2));
  return { ...list, rev: (high >>> 11) * 2 ** 32 + low };
}

/** Token records of one account as its two v5 records (a revoked token keeps no secret). */
export function splitRecords(
  scope: Scope,
  records: readonly TokenRecord[],
  syncedAt: number | null,
): { list: ListRecord; secrets: SecretsRecord } {
  const secrets: Record<string, SecretEntry> = {};
  for (const record of records) {
    if (record.state !== 'revoked' && (record.secret !== '' || record.sealed !== null))
      secrets[record.id] = { secret: record.secret, sealed: record.sealed };
  }
  return {
    list: revised({ ...scope, rows: records.map(toRow), syncedAt }),
    secrets: { ...scope, secrets },
  };
}

/** The two v5 records of an account as token records, with their secrets. */
export function joinRecords(
  scope: Scope,
  list: ListRecord | undefined,
  secrets: SecretsRecord | undefined,
): TokenRecord[] {
  const entries = secrets?.secrets ?? {};
  return (list?.rows ?? []).map((row) => toRecord(scope, row, entries[row.id]));
}
