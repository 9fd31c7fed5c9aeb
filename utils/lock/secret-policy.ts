import type { ApiToken } from '../api';
import type { Scope, TokenRecord } from '../store';
import { type Envelope, open, seal, secretAad } from './crypto-envelope';

/**
 * How secrets are kept on this device: in the clear (no lock), sealed under the lock's data key
 * (`key` null while locked), or not at all ("keep no secrets on this device").
 */
export type SecretPolicy = { mode: 'plain' } | { mode: 'none' } | { mode: 'sealed'; key: CryptoKey | null };

export interface ProtectedList {
  remote: ApiToken[];
  /** Each token's sealed secret (null: none kept); absent when secrets are kept in the clear. */
  sealed?: Map<string, Envelope | null>;
}

/**
 * Takes the secrets out of a list from the service before it reaches the store. A token already
 * sealed here keeps its envelope (a token's secret never changes), so a sync changes nothing.
 * Locked, a new token's secret is not kept at all: the sync after the next unlock seals it.
 */
export async function protectList(
  policy: SecretPolicy,
  scope: Scope,
  remote: readonly ApiToken[],
  local: readonly TokenRecord[],
): Promise<ProtectedList> {
  if (policy.mode === 'plain') return { remote: [...remote] };
  const known = new Map(local.map((record) => [record.id, record.sealed]));
  const sealed = new Map<string, Envelope | null>();
  for (const token of remote) {
    let envelope: Envelope | null = null;
    if (policy.mode === 'sealed') {
      envelope = known.get(token.id) ?? null;
      if (!envelope && policy.key)
        envelope = await seal(policy.key, token.secret, secretAad({ ...scope, id: token.id }));
    }
    sealed.set(token.id, envelope);
  }
  return { remote: remote.map((token) => ({ ...token, secret: '' })), sealed };
}

/** Where a record's secret goes: sealed under a key, in the clear, or erased. */
export type SecretTarget = { key: CryptoKey } | 'plain' | 'erase';

/** The record's secret moved to `target`; `current` opens what is sealed now. */
export async function moveSecret(
  record: TokenRecord,
  current: CryptoKey | null,
  target: SecretTarget,
): Promise<Pick<TokenRecord, 'service' | 'account' | 'id' | 'secret' | 'sealed'>> {
  const { service, account, id } = record;
  if (target === 'erase') return { service, account, id, secret: '', sealed: null };
  const plain =
    record.secret ||
    (record.sealed && current ? await open(current, record.sealed, secretAad(record)) : null);
  if (target === 'plain') return { service, account, id, secret: plain ?? '', sealed: null };
  const sealed = plain ? await seal(target.key, plain, secretAad(record)) : null;
  return { service, account, id, secret: '', sealed };
}
