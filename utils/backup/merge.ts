import {
  type DeviceData,
  type GrantRecord,
  REVOKED_KEEP_MS,
  type TokenRecord,
  type UsageRecord,
} from '../store';
import type { BackupFile, BackupToken } from './format';

/** What an import adds, by kind, and the tokens it skipped because this device does not know them. */
export interface ImportCounts {
  notes: number;
  reviews: number;
  grants: number;
  usage: number;
  revoked: number;
  skipped: number;
}

export interface ImportPlan extends DeviceData {
  counts: ImportCounts;
}

const key = (...parts: ReadonlyArray<string | number | null>): string => JSON.stringify(parts);
const tokenKey = (t: { service: string; account: string }, id: string): string =>
  key(t.service, t.account, id);
const later = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a == null ? (b ?? null) : b == null ? a : Math.max(a, b);

/**
 * A token known here, merged with the file's: what is set here stays (a note unless empty, a
 * review date, a rotation); what is empty here comes from the file; the latest copy and fill
 * times win. The service's fields, the secret, the state and a waiting revoke are never touched.
 * Returns null when the file adds nothing.
 */
function mergeKnown(here: TokenRecord, file: BackupToken, counts: ImportCounts): TokenRecord | null {
  const next: TokenRecord = { ...here };
  if (!here.note?.trim() && file.note?.trim()) {
    next.note = file.note;
    counts.notes++;
  }
  if (here.reviewBy == null && file.reviewBy != null && here.state === 'active') {
    next.reviewBy = file.reviewBy;
    counts.reviews++;
  }
  if (!here.rotatedTo && file.rotatedTo) next.rotatedTo = file.rotatedTo;
  next.lastCopiedAt = later(here.lastCopiedAt, file.lastCopiedAt);
  next.lastFilledAt = later(here.lastFilledAt, file.lastFilledAt);
  if (file.firstSeenAt > 0 && (here.firstSeenAt <= 0 || file.firstSeenAt < here.firstSeenAt))
    next.firstSeenAt = file.firstSeenAt;
  const changed = (Object.keys(next) as Array<keyof TokenRecord>).some((k) => next[k] !== here[k]);
  return changed ? next : null;
}

/** A revoked token from the file this device never saw: its history, with no secret to keep. */
function revokedRecord(file: BackupToken): TokenRecord {
  return {
    service: file.service,
    account: file.account,
    id: file.id,
    name: file.name,
    secret: '',
    sealed: null,
    created: file.created,
    createdMs: file.createdMs,
    hasUploads: file.hasUploads,
    lastCopiedAt: file.lastCopiedAt,
    lastFilledAt: file.lastFilledAt,
    ...(file.note ? { note: file.note } : {}),
    firstSeenAt: file.firstSeenAt,
    state: 'revoked',
    pendingRevoke: null,
    revokedAt: file.revokedAt,
    revokedHere: file.revokedHere,
  };
}

function planTokens(here: DeviceData, file: BackupFile, now: number, counts: ImportCounts) {
  const byKey = new Map(here.tokens.map((t) => [tokenKey(t, t.id), t]));
  const tokens: TokenRecord[] = [];
  /** Tokens here that are not revoked: only these may get grants. Every known one may get usage. */
  const live = new Set(here.tokens.filter((t) => t.state !== 'revoked').map((t) => tokenKey(t, t.id)));
  const known = new Set(byKey.keys());
  for (const token of file.tokens) {
    const k = tokenKey(token, token.id);
    const local = byKey.get(k);
    if (local) {
      const merged = mergeKnown(local, token, counts);
      if (merged) {
        tokens.push(merged);
        byKey.set(k, merged);
      }
    } else if (token.state === 'revoked') {
      // Older than this device keeps revoked tokens: the next sync would purge it at once.
      if ((token.revokedAt ?? 0) < now - REVOKED_KEEP_MS) continue;
      const record = revokedRecord(token);
      tokens.push(record);
      byKey.set(k, record);
      known.add(k);
      counts.revoked++;
    } else counts.skipped++;
  }
  return { tokens, live, known };
}

function planGrants(here: DeviceData, file: BackupFile, live: ReadonlySet<string>, counts: ImportCounts) {
  const have = new Set(here.grants.map((g) => key(g.service, g.account, g.tokenId, g.origin)));
  const defaults = new Set(
    here.grants.filter((g) => g.siteDefault).map((g) => key(g.service, g.account, g.origin)),
  );
  const grants: GrantRecord[] = [];
  for (const grant of file.grants) {
    const k = key(grant.service, grant.account, grant.tokenId, grant.origin);
    if (have.has(k) || !live.has(tokenKey(grant, grant.tokenId))) continue;
    have.add(k);
    // One default per site: the one chosen here, else the first the file names.
    const site = key(grant.service, grant.account, grant.origin);
    const { siteDefault, ...rest } = grant;
    const isDefault = siteDefault === true && !defaults.has(site);
    if (isDefault) defaults.add(site);
    grants.push(isDefault ? { ...rest, siteDefault: true } : rest);
    counts.grants++;
  }
  return grants;
}

function planUsage(here: DeviceData, file: BackupFile, known: ReadonlySet<string>, counts: ImportCounts) {
  const entryKey = (u: UsageRecord): string => key(u.service, u.account, u.tokenId, u.kind, u.origin, u.at);
  const have = new Set(here.usage.map(entryKey));
  const usage: UsageRecord[] = [];
  for (const entry of file.usage) {
    const k = entryKey(entry);
    if (have.has(k) || !known.has(tokenKey(entry, entry.tokenId))) continue;
    have.add(k);
    usage.push({ ...entry });
    counts.usage++;
  }
  // Oldest first, as the record is kept (IndexedDB orders the usage store by its added key).
  return usage.sort((a, b) => a.at - b.at);
}

/**
 * Merges a file into what is here, by service + account + token id, losing nothing here: see
 * mergeKnown for tokens known on both sides; a revoked token new here is added as history; an
 * active one this device does not know is skipped (counted); grants are a union (for tokens live
 * here), usage entries are added unless already here. Pure: the store applies it in one transaction.
 */
export function planImport(here: DeviceData, file: BackupFile, now: number): ImportPlan {
  const counts: ImportCounts = { notes: 0, reviews: 0, grants: 0, usage: 0, revoked: 0, skipped: 0 };
  const { tokens, live, known } = planTokens(here, file, now, counts);
  const grants = planGrants(here, file, live, counts);
  const usage = planUsage(here, file, known, counts);
  return { tokens, grants, usage, counts };
}
