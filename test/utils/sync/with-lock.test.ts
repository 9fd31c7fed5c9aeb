import { describe, expect, it, vi } from 'vitest';
import { withLock } from '../../../utils/sync/with-lock';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('withLock', () => {
  it('should run calls for one name one at a time, in order', async () => {
    const log: string[] = [];
    const first = deferred();
    const a = withLock('serial', async () => {
      log.push('a start');
      await first.promise;
      log.push('a end');
      return 'a';
    });
    const b = withLock('serial', async () => {
      log.push('b');
      return 'b';
    });
    await settle();
    expect(log).toEqual(['a start']);
    first.resolve();
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(log).toEqual(['a start', 'a end', 'b']);
  });

  it('should pass a rejection to its caller and still run the calls queued after it', async () => {
    const failing = deferred();
    const a = withLock('after-failure', () => failing.promise);
    const b = withLock('after-failure', async () => 'b');
    failing.reject(new Error('boom'));
    await expect(a).rejects.toThrow('boom');
    expect(await b).toBe('b');
    expect(await withLock('after-failure', async () => 'c')).toBe('c');
  });

  it('should run a call after one that threw synchronously', async () => {
    const a = withLock('sync-throw', () => {
      throw new Error('sync');
    });
    await expect(a).rejects.toThrow('sync');
    expect(await withLock('sync-throw', async () => 'next')).toBe('next');
  });

  it('should not make different names wait for each other', async () => {
    const held = deferred();
    const a = withLock('one', () => held.promise);
    expect(await withLock('two', async () => 'free')).toBe('free');
    held.resolve();
    await a;
  });

  it('should never ask the browser for a Web Lock: the one context that takes it orders its calls itself', async () => {
    const request = vi.fn(async (_name: string, fn: () => Promise<unknown>) => fn());
    const locks = vi.spyOn(navigator, 'locks', 'get').mockReturnValue({ request } as unknown as LockManager);
    expect(await withLock('w3s-token-sync', async () => 42)).toBe(42);
    expect(request).not.toHaveBeenCalled();
    locks.mockRestore();
  });

  it('should start a call at once when nothing for its name is running', async () => {
    const log: string[] = [];
    const done = withLock('idle', async () => {
      log.push('ran');
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual(['ran']);
    await done;
  });
});
