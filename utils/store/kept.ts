import { openTokenDb } from './open';
import type { TokenDatabase } from './schema';

/**
 * The background's connection, opened once and shared by every call (issue 14): a sync, a fill or
 * the menu no longer waits for `indexedDB.open` first. `close()` on what it gives is a no-op: the
 * connection outlives the call. It is closed and forgotten when another context opens a newer
 * version or deletes the database (`versionchange`, which `openTokenDb` answers by closing), or
 * when the browser closes it; the next call opens again. A service worker that stops closes it too.
 */
export function keptTokenDb(
  open: () => Promise<TokenDatabase> = () => openTokenDb(),
): () => Promise<TokenDatabase> {
  let kept: Promise<TokenDatabase> | null = null;
  const forget = (which: Promise<TokenDatabase>) => () => {
    if (kept === which) kept = null;
  };
  return () => {
    if (kept) return kept;
    const opening = open().then((db) => {
      db.addEventListener('versionchange', forget(opening));
      db.addEventListener('close', forget(opening));
      return shared(db);
    });
    kept = opening;
    opening.catch(forget(opening));
    return opening;
  };
}

/** `db` whose `close()` does nothing; everything else is `db`'s own (bound, so idb's wrapping still applies). */
function shared(db: TokenDatabase): TokenDatabase {
  return new Proxy(db, {
    get(target, property) {
      if (property === 'close') return () => {};
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
