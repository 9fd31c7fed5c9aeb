/**
 * A stable local key for an account on a server without `/user/info`: a hash of the credential,
 * so the credential itself is never used as a key or shown.
 */
export async function credentialFingerprint(credential: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(credential));
  const hex = Array.from(new Uint8Array(digest).slice(0, 12), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
  return `credential:${hex}`;
}
