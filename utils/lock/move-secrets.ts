import { forgetFirstScreen } from '../first-screen-key';
import type { TokenRecord } from '../store';
import { listAllTokens, putSecrets, type TokenDatabase } from '../store';
import { moveSecret, type SecretTarget } from './secret-policy';

/**
 * Moves every secret on this device (every account) to `target`. The popup's kept first screen
 * goes too: it shows the ends of secrets kept in the clear (maskHint), which a sealed store no
 * longer shows.
 */
export async function moveAllSecrets(
  openDb: () => Promise<TokenDatabase>,
  current: CryptoKey | null,
  target: SecretTarget,
): Promise<void> {
  const db = await openDb();
  try {
    // Encryption is not IndexedDB work: done between a read and a write, never inside one.
    const records: TokenRecord[] = await listAllTokens(db);
    const changes = await Promise.all(records.map((record) => moveSecret(record, current, target)));
    await putSecrets(db, changes);
    await forgetFirstScreen();
  } finally {
    db.close();
  }
}
