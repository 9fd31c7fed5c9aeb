import type { TokenRecord } from './records';
import type { GrantRecord, TokenDatabase, UsageRecord } from './schema';

// Everything this device keeps of every account, read and merged at once for export and import
// (utils/backup/). Kept beside db.ts, which is past its size: the same repository shape.

/** Every token record, site grant and usage entry on this device, of every account. */
export interface DeviceData {
  tokens: TokenRecord[];
  grants: GrantRecord[];
  usage: UsageRecord[];
}

/** Reads all of it in one transaction, so the export is one consistent moment. */
export async function readDeviceData(db: TokenDatabase): Promise<DeviceData> {
  const tx = db.transaction(['tokens', 'grants', 'usage'], 'readonly');
  const [tokens, grants, usage] = await Promise.all([
    tx.objectStore('tokens').getAll(),
    tx.objectStore('grants').getAll(),
    tx.objectStore('usage').getAll(),
  ]);
  await tx.done;
  return { tokens, grants, usage };
}

/**
 * Reads what is here and writes what `plan` returns in one transaction: records to put whole
 * (each built from the one read here, so nothing written meanwhile is lost), grants to put and
 * usage entries to add. `plan` is pure and synchronous: nothing but IndexedDB is awaited inside.
 */
export async function mergeDeviceData<T extends DeviceData>(
  db: TokenDatabase,
  plan: (here: DeviceData) => T,
): Promise<T> {
  const tx = db.transaction(['tokens', 'grants', 'usage'], 'readwrite');
  const tokens = tx.objectStore('tokens');
  const grants = tx.objectStore('grants');
  const usage = tx.objectStore('usage');
  const [t, g, u] = await Promise.all([tokens.getAll(), grants.getAll(), usage.getAll()]);
  const changes = plan({ tokens: t, grants: g, usage: u });
  await Promise.all([
    ...changes.tokens.map((record) => tokens.put(record)),
    ...changes.grants.map((grant) => grants.put(grant)),
    ...changes.usage.map((entry) => usage.add(entry)),
  ]);
  await tx.done;
  return changes;
}
