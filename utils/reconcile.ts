import type { ApiToken } from './api-shapes';

export interface Scope {
  /** Normalised service URL. */
  service: string;
  /** The account's id on that service (`/user/info` `_id`). */
  account: string;
}

/** One token as kept on this device: what the service said, plus what only this device knows. */
export interface TokenRecord extends Scope {
  id: string;
  name: string;
  secret: string;
  created: string;
  createdMs: number;
  hasUploads: boolean;
  /** Local only: when this device last copied the token. */
  lastCopiedAt: number | null;
  /** Local only: when this device first saw the token. */
  firstSeenAt: number;
}

export interface ReconcilePlan {
  put: TokenRecord[];
  remove: string[];
}

/**
 * The service is the truth about which tokens exist and their server fields; this device is the
 * truth about its own fields, which every sync keeps. Pure: the caller applies the plan in one
 * IndexedDB transaction.
 */
export function planReconcile(
  scope: Scope,
  local: readonly TokenRecord[],
  remote: readonly ApiToken[],
  now: number,
): ReconcilePlan {
  const byId = new Map(local.map((record) => [record.id, record]));
  const seen = new Set<string>();
  const put: TokenRecord[] = [];
  for (const token of remote) {
    seen.add(token.id);
    const previous = byId.get(token.id);
    const next: TokenRecord = {
      ...scope,
      id: token.id,
      name: token.name,
      secret: token.secret,
      created: token.created,
      createdMs: Date.parse(token.created),
      hasUploads: token.hasUploads,
      lastCopiedAt: previous?.lastCopiedAt ?? null,
      firstSeenAt: previous?.firstSeenAt ?? now,
    };
    if (!previous || !sameServerFields(previous, next)) put.push(next);
  }
  const remove = local.filter((record) => !seen.has(record.id)).map((record) => record.id);
  return { put, remove };
}

function sameServerFields(a: TokenRecord, b: TokenRecord): boolean {
  return (
    a.name === b.name && a.secret === b.secret && a.created === b.created && a.hasUploads === b.hasUploads
  );
}
