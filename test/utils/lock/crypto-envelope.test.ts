import { describe, expect, it } from 'vitest';
import {
  credentialAad,
  type Envelope,
  exportKey,
  importKey,
  newDataKey,
  open,
  PBKDF2_ITERATIONS,
  seal,
  secretAad,
  unwrapDataKey,
  wrapDataKey,
} from '../../../utils/lock/crypto-envelope';

const record = { service: 'http://127.0.0.1:8787', account: '42', id: '7' };
const SECRET = 'eyJhbGciOiJIUzI1NiJ9.payload-7.signature';
// Tests derive with few iterations; one test checks the real default.
const FAST = 1_000;

/** Flips one bit of a base64 field. */
function flip(b64: string, at = 0): string {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  bytes[at] = (bytes[at] ?? 0) ^ 1;
  return btoa(String.fromCharCode(...bytes));
}

describe('crypto-envelope', () => {
  it('should open what it sealed, and never hold the plaintext in the envelope', async () => {
    const key = await newDataKey();
    const envelope = await seal(key, SECRET, secretAad(record));
    expect(JSON.stringify(envelope)).not.toContain('payload-7');
    expect(await open(key, envelope, secretAad(record))).toBe(SECRET);
  });

  it('should use a fresh 96-bit IV for every envelope', async () => {
    const key = await newDataKey();
    const a = await seal(key, SECRET, 'x');
    const b = await seal(key, SECRET, 'x');
    expect(atob(a.iv)).toHaveLength(12);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ct).not.toBe(b.ct);
  });

  it.each<[string, (e: Envelope) => Envelope]>([
    ['a changed ciphertext', (e) => ({ ...e, ct: flip(e.ct, 3) })],
    ['a changed tag', (e) => ({ ...e, ct: flip(e.ct, atob(e.ct).length - 1) })],
    ['a changed IV', (e) => ({ ...e, iv: flip(e.iv) })],
    ['an unknown version', (e) => ({ ...e, v: 2 as 1 })],
    ['garbage', () => ({ v: 1, iv: '!!', ct: '??' })],
  ])('should refuse %s', async (_label, tamper) => {
    const key = await newDataKey();
    const envelope = await seal(key, SECRET, secretAad(record));
    expect(await open(key, tamper(envelope), secretAad(record))).toBeNull();
  });

  it.each([
    ['another token', secretAad({ ...record, id: '8' })],
    ['another account', secretAad({ ...record, account: '43' })],
    ['another service', secretAad({ ...record, service: 'https://evil.example' })],
    ['the session credential', credentialAad({ serviceUrl: record.service, account: record.account })],
  ])('should refuse an envelope moved to %s', async (_label, aad) => {
    const key = await newDataKey();
    const envelope = await seal(key, SECRET, secretAad(record));
    expect(await open(key, envelope, aad)).toBeNull();
  });

  it('should refuse another data key', async () => {
    const envelope = await seal(await newDataKey(), SECRET, 'x');
    expect(await open(await newDataKey(), envelope, 'x')).toBeNull();
  });

  it('should unwrap the data key with the right passphrase only', async () => {
    const key = await newDataKey();
    const meta = await wrapDataKey(key, 'correct horse battery', FAST);
    const envelope = await seal(key, SECRET, 'x');
    expect(await unwrapDataKey(meta, 'wrong horse battery')).toBeNull();
    expect(await unwrapDataKey(meta, 'correct horse battery ')).toBeNull();
    const unwrapped = await unwrapDataKey(meta, 'correct horse battery');
    expect(unwrapped && (await open(unwrapped, envelope, 'x'))).toBe(SECRET);
  });

  it('should refuse a tampered wrapped key or salt', async () => {
    const meta = await wrapDataKey(await newDataKey(), 'pass phrase', FAST);
    const wrapped = { ...meta.wrapped, ct: flip(meta.wrapped.ct, 5) };
    expect(await unwrapDataKey({ ...meta, wrapped }, 'pass phrase')).toBeNull();
    expect(await unwrapDataKey({ ...meta, salt: flip(meta.salt) }, 'pass phrase')).toBeNull();
  });

  it('should derive with at least 600,000 PBKDF2 iterations and a fresh salt by default', async () => {
    const key = await newDataKey();
    const a = await wrapDataKey(key, 'pass phrase');
    const b = await wrapDataKey(key, 'pass phrase', FAST);
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(a.iterations).toBe(PBKDF2_ITERATIONS);
    expect(a.salt).not.toBe(b.salt);
    expect(await unwrapDataKey(a, 'pass phrase')).not.toBeNull();
  });

  it('should make a re-keyed envelope unreadable with the old passphrase', async () => {
    // Changing the passphrase makes a new data key and seals every secret again (vault.ts).
    const oldKey = await newDataKey();
    const oldMeta = await wrapDataKey(oldKey, 'old passphrase', FAST);
    const newKey = await newDataKey();
    const newMeta = await wrapDataKey(newKey, 'new passphrase', FAST);
    const plain = await open(oldKey, await seal(oldKey, SECRET, 'x'), 'x');
    const resealed = await seal(newKey, plain ?? '', 'x');
    const viaOld = await unwrapDataKey(oldMeta, 'old passphrase');
    expect(viaOld && (await open(viaOld, resealed, 'x'))).toBeNull();
    expect(await unwrapDataKey(newMeta, 'old passphrase')).toBeNull();
    const viaNew = await unwrapDataKey(newMeta, 'new passphrase');
    expect(viaNew && (await open(viaNew, resealed, 'x'))).toBe(SECRET);
  });

  it('should carry the data key through storage.session as raw bytes', async () => {
    const key = await newDataKey();
    const envelope = await seal(key, SECRET, 'x');
    expect(await open(await importKey(await exportKey(key)), envelope, 'x')).toBe(SECRET);
  });
});
