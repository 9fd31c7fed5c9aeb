import { browser } from 'wxt/browser';
import { framePattern } from './frames';

// Host permissions asked for frames of other origins (issue 11) are given back when nothing needs
// them any more: the last grant for that host removed, or the person signed out. The service's
// own host stays: the extension cannot talk to it without.

/** The match patterns of `removed` origins that neither a grant still kept nor the service needs. */
export function patternsToRelease(
  removed: readonly string[],
  kept: readonly string[],
  serviceUrl: string | null,
): string[] {
  const keep = new Set(kept.map(framePattern));
  if (serviceUrl) keep.add(framePattern(serviceUrl));
  return [...new Set(removed.map(framePattern))].filter((p) => !keep.has(p));
}

/** Gives back the host permissions of `removed` origins that no kept grant and not the service needs. */
export async function releaseOrigins(
  removed: readonly string[],
  kept: readonly string[],
  serviceUrl: string | null,
): Promise<void> {
  const drop = patternsToRelease(removed, kept, serviceUrl);
  // Removing a host the extension does not hold, or one the manifest requires, only fails.
  if (drop.length > 0) await browser.permissions.remove({ origins: drop }).catch(() => false);
}

/** Signing out: every host permission held for frames is given back, the service's kept. */
export async function releaseFrameOrigins(serviceUrl: string | null): Promise<void> {
  const { origins = [] } = await browser.permissions.getAll();
  const held = origins.filter((p) => /^https?:\/\/[^*/]+\/\*$/.test(p)).map((p) => p.slice(0, -2));
  await releaseOrigins(held, [], serviceUrl);
}
