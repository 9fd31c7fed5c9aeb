import { relativeTime, t } from '../lib';
import type { GrantRecord, UsageRecord } from '../store';

/** What the options page shows of a token's use: its last fill and every site it went to. */
export interface TokenUsage {
  lastFill: { origin: string; at: number } | null;
  /** Origins the token was filled into, most recent first. */
  origins: string[];
}

/** Folds the usage record (oldest first, as IndexedDB keeps it) into one summary per token. */
export function summarizeUsage(records: readonly UsageRecord[]): Map<string, TokenUsage> {
  const byToken = new Map<string, TokenUsage>();
  for (const record of records) {
    if (record.kind !== 'fill' || record.origin === null) continue;
    const usage = byToken.get(record.tokenId) ?? { lastFill: null, origins: [] };
    if (!usage.lastFill || record.at >= usage.lastFill.at)
      usage.lastFill = { origin: record.origin, at: record.at };
    usage.origins = [record.origin, ...usage.origins.filter((o) => o !== record.origin)];
    byToken.set(record.tokenId, usage);
  }
  return byToken;
}

/** "Last filled on example.com, 2 days ago", or "Never filled". */
export function describeLastFill(usage: TokenUsage | undefined, now: number, locale?: string): string {
  const last = usage?.lastFill;
  if (!last) return t('neverFilled');
  return t('lastFilled', hostOf(last.origin), relativeTime(last.at, now, locale));
}

export function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}

/**
 * The token the keyboard shortcut fills on `origin`: the site's default chosen on the options
 * page; else the one last filled there that is still allowed there (removing the grant on the
 * options page forgets it). Only active tokens count. Null when there is none.
 */
export function siteDefault(
  usage: readonly UsageRecord[],
  grants: readonly GrantRecord[],
  origin: string,
  active: ReadonlySet<string>,
): string | null {
  const here = grants.filter((g) => g.origin === origin && active.has(g.tokenId));
  const chosen = here.find((g) => g.siteDefault);
  if (chosen) return chosen.tokenId;
  const allowed = new Set(here.map((g) => g.tokenId));
  let best: UsageRecord | null = null;
  for (const use of usage) {
    if (use.kind !== 'fill' || use.origin !== origin || !allowed.has(use.tokenId) || !active.has(use.tokenId))
      continue;
    if (!best || use.at >= best.at) best = use;
  }
  return best?.tokenId ?? null;
}
