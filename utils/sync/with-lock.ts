const local = new Map<string, Promise<unknown>>();

/**
 * Runs `fn` while holding the named lock, across the popup, the options page and the background
 * (Web Locks are shared by every context of the extension's origin). Where Web Locks are missing
 * (unit tests), a promise chain gives the same order within one context.
 * https://developer.mozilla.org/en-US/docs/Web/API/Web_Locks_API
 */
export function withLock<T>(
  name: string,
  fn: () => Promise<T>,
  locks: LockManager | undefined = globalThis.navigator?.locks,
): Promise<T> {
  if (locks) return locks.request(name, fn) as Promise<T>;
  const previous = local.get(name) ?? Promise.resolve();
  const next = previous.then(fn, fn);
  local.set(
    name,
    next.catch(() => {}),
  );
  return next;
}
