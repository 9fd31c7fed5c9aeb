/**
 * AES-GCM envelopes under a random data key, the data key wrapped by a key derived from the
 * passphrase (PBKDF2-SHA-256). WebCrypto only. Every envelope has its own 96-bit IV and is bound
 * to its record by the additional authenticated data, so a ciphertext moved to another record
 * (or another account) does not open. https://developer.mozilla.org/docs/Web/API/SubtleCrypto/encrypt#aes-gcm
 */
export interface Envelope {
  v: 1;
  iv: string;
  ct: string;
}

/** What is stored while the lock is on: the salt, the cost, and the wrapped data key. */
export interface VaultMeta {
  v: 1;
  salt: string;
  iterations: number;
  wrapped: Envelope;
}

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. */
export const PBKDF2_ITERATIONS = 600_000;
const WRAP_AAD = 'w3s-vault-data-key';
const text = new TextEncoder();

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const fromBase64 = (b64: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const random = (n: number): Uint8Array<ArrayBuffer> => crypto.getRandomValues(new Uint8Array(n));
const gcm = (iv: Uint8Array<ArrayBuffer>, aad: string): AesGcmParams => ({
  name: 'AES-GCM',
  iv,
  additionalData: text.encode(aad),
});

export async function seal(
  key: CryptoKey,
  plain: string | Uint8Array<ArrayBuffer>,
  aad: string,
): Promise<Envelope> {
  const iv = random(12);
  const data = typeof plain === 'string' ? text.encode(plain) : plain;
  const ct = new Uint8Array(await crypto.subtle.encrypt(gcm(iv, aad), key, data));
  return { v: 1, iv: toBase64(iv), ct: toBase64(ct) };
}

/** The plaintext bytes, or null for a wrong key, a tampered envelope or another record's AAD. */
export async function openBytes(key: CryptoKey, envelope: Envelope, aad: string): Promise<Uint8Array | null> {
  if (envelope?.v !== 1) return null;
  try {
    const iv = fromBase64(envelope.iv);
    return new Uint8Array(await crypto.subtle.decrypt(gcm(iv, aad), key, fromBase64(envelope.ct)));
  } catch {
    return null;
  }
}

export async function open(key: CryptoKey, envelope: Envelope, aad: string): Promise<string | null> {
  const bytes = await openBytes(key, envelope, aad);
  return bytes && new TextDecoder().decode(bytes);
}

/** A fresh data key. Extractable: while unlocked, its raw bytes wait in `storage.session` (see vault.ts). */
export function newDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

export async function exportKey(key: CryptoKey): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', key)));
}

export function importKey(raw: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromBase64(raw), 'AES-GCM', true, ['encrypt', 'decrypt']);
}

async function passphraseKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', text.encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Wraps `dataKey` under `passphrase` with a fresh salt. */
export async function wrapDataKey(
  dataKey: CryptoKey,
  passphrase: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<VaultMeta> {
  const salt = random(16);
  const wrapping = await passphraseKey(passphrase, salt, iterations);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', dataKey));
  return { v: 1, salt: toBase64(salt), iterations, wrapped: await seal(wrapping, raw, WRAP_AAD) };
}

/** The data key, or null when the passphrase is wrong (or the stored envelope was changed). */
export async function unwrapDataKey(meta: VaultMeta, passphrase: string): Promise<CryptoKey | null> {
  const wrapping = await passphraseKey(passphrase, fromBase64(meta.salt), meta.iterations);
  const raw = await openBytes(wrapping, meta.wrapped, WRAP_AAD);
  if (!raw) return null;
  return crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, 'AES-GCM', true, [
    'encrypt',
    'decrypt',
  ]);
}

/** Binds a token's secret to its record: service, account and token id. */
export function secretAad(record: { service: string; account: string; id: string }): string {
  return JSON.stringify(['token', record.service, record.account, record.id]);
}

export function credentialAad(session: { serviceUrl: string; account: string }): string {
  return JSON.stringify(['credential', session.serviceUrl, session.account]);
}
