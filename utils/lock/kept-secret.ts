import type { TokenRecord } from '../store';
import { open, secretAad } from './crypto-envelope';
import * as store from './vault-store';

/** The record's secret from this device; 'locked' when the lock must open first; null when not kept. */
export async function keptSecret(record: TokenRecord): Promise<string | 'locked' | null> {
  const [meta, key] = await Promise.all([store.loadMeta(), store.loadKey()]);
  if (meta && !key) return 'locked';
  if (record.secret) return record.secret;
  return record.sealed && key ? open(key, record.sealed, secretAad(record)) : null;
}
