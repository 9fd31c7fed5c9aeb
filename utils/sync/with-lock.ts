const chains = new Map<string, Promise<unknown>>();

/**
 * Runs `fn` once every earlier call for the same `name` has settled, in the order they were made.
 *
 * Only the background takes it: the engine, and the lock's unlocking and re-keying, run there and
 * nowhere else (issue 11: the pages ask it by message), so one promise chain in that one context
 * orders them all. The Web Locks API gave the same order across contexts, which nothing needs any
 * more, at the price of a round trip to the browser before each call's first request: 2–8 ms of a
 * 10-token sync in the benchmark (issue 14).
 */
export function withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const previous = chains.get(name) ?? Promise.resolve();
  const next = previous.then(fn, fn);
  const settled = next.then(
    () => {},
    () => {},
  );
  chains.set(name, settled);
  // The map keeps only a chain still in use: the last call's, until it settles.
  void settled.then(() => {
    if (chains.get(name) === settled) chains.delete(name);
  });
  return next;
}
