/** A random salt, hex: the digest of a short secret cannot be looked up in a table of guesses. */
export function newSalt(random: Crypto = crypto): string {
  return hex(random.getRandomValues(new Uint8Array(16)));
}

/** Hex SHA-256 of `salt` + `text`: what the background keeps instead of the copied secret. */
export async function digestOf(
  text: string,
  salt: string,
  subtle: SubtleCrypto = crypto.subtle,
): Promise<string> {
  const bytes = new TextEncoder().encode(`${salt}\u0000${text}`);
  return hex(new Uint8Array(await subtle.digest('SHA-256', bytes)));
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
