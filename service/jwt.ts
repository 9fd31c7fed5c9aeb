import { createHmac, timingSafeEqual } from 'node:crypto';

/** The API token payload, in the key order the original service signed it. */
export interface ApiTokenClaims {
  sub: string;
  iss: 'web3-storage';
  iat: number;
  name: string;
}

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/**
 * Signs an API token the way the original did (packages/api/src/utils/jwt.js): HS256 keyed with
 * the `SALT` string, `iat` in milliseconds, no `exp`. Hand-rolled so the payload key order is ours.
 */
export function signApiToken(claims: Omit<ApiTokenClaims, 'iss'>, salt: string): string {
  const payload: ApiTokenClaims = {
    sub: claims.sub,
    iss: 'web3-storage',
    iat: claims.iat,
    name: claims.name,
  };
  const input = `${HEADER}.${base64url(JSON.stringify(payload))}`;
  return `${input}.${hmac(input, salt)}`;
}

/** True when `token` is an HS256 JWT whose signature matches `salt`. Claims are not checked. */
export function isSignedBy(token: string, salt: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  const [header, payload, signature] = parts as [string, string, string];
  const expected = Buffer.from(hmac(`${header}.${payload}`, salt));
  const actual = Buffer.from(signature);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

function hmac(input: string, salt: string): string {
  return createHmac('sha256', salt).update(input).digest('base64url');
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

/** The `sub` claim of a token, without checking its signature; null when there is none. */
export function subjectOf(token: string): string | null {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      sub?: unknown;
    };
    return typeof payload.sub === 'string' ? payload.sub : null;
  } catch {
    return null;
  }
}
