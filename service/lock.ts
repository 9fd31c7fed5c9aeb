import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// PGlite has no lock of its own: two processes on one data dir corrupt it. A service holds this
// file while it runs; `account.ts` reads it to find the service instead of opening the dir itself.
const FILE = 'reference-service.lock';

export interface LockInfo {
  pid: number;
  url?: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock of a live service on `dataDir`, or null when the dir is free. */
export function readLock(dataDir: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(join(dataDir, FILE), 'utf8')) as LockInfo;
    return Number.isInteger(info.pid) && alive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

/** Takes the lock (replacing a stale one) or throws when a live service holds it. */
export function acquireLock(dataDir: string): { update(info: LockInfo): void; release(): void } {
  const path = join(dataDir, FILE);
  const holder = readLock(dataDir);
  if (holder)
    throw new Error(`data dir ${dataDir} is in use by process ${holder.pid} ${holder.url ?? ''}`.trim());
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path, JSON.stringify({ pid: process.pid }));
  return {
    update: (info) => writeFileSync(path, JSON.stringify(info)),
    release: () => rmSync(path, { force: true }),
  };
}
