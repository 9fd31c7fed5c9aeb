// How v5 keeps tokens (schema.ts): a record per account for what rows show and one for the
// secrets. The repository (db.ts) and the v5 upgrade turn token records into them and back.
import { compareNames, secretHint } from '../lib';
import type { Scope, TokenRecord } from './records';
import type { HeadRecord, ListRecord, SecretEntry, SecretsRecord, TokenRow } from './schema';

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
  // Kept in name order, the pages' first order: their sort of it is one pass of checks (issue 14).
  const rows = records.map(toRow).sort(compareNames);
  return {
    list: revised({ ...scope, rows, syncedAt }),
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

/**
 * The rows a list's head keeps in name order (issue 14): the popup's first screen and the rows
 * either side of it, with room for a taller window.
 */
export const HEAD_ROWS = 24;

/** Whether anything beside the list shows `row` whatever its place in it: a banner, a count, the revoked tokens. */
const shownBeside = (row: TokenRow): boolean =>
  row.state !== 'active' || row.reviewBy != null || row.extraOf != null;

/**
 * What the popup paints first of `list` (HeadRecord): its first HEAD_ROWS rows in name order of
 * the tokens not revoked, and every row shown beside the list, so what the page works out from
 * all the tokens (a review due, the extras, the revokes waiting, the revoked) is the same from
 * the head. The rows stay in the list's order (name order).
 */
export function headOf(list: ListRecord): HeadRecord {
  const { rows, syncedAt, rev, service, account } = list;
  let live = 0;
  const kept = rows.filter((row) => {
    if (row.state !== 'revoked') live += 1;
    return (row.state !== 'revoked' && live <= HEAD_ROWS) || shownBeside(row);
  });
  const head: HeadRecord = {
    service,
    account,
    rows: kept,
    complete: kept.length === rows.length,
    live,
    syncedAt,
  };
  return rev === undefined ? head : { ...head, rev };
}
