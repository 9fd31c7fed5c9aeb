// @vitest-environment node
import { compactVerify, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { isSignedBy, signApiToken } from '../../service/jwt';

const decode = (part: string | undefined): string => Buffer.from(part ?? '', 'base64url').toString('utf8');
const claims = { sub: 'did:ethr:0xabc', iat: 1638202113077, name: 'my first token' };

describe('signApiToken', () => {
  it('should write the header and payload byte for byte like the original', () => {
    const [header, payload] = signApiToken(claims, 'salt').split('.');
    expect(decode(header)).toBe('{"alg":"HS256","typ":"JWT"}');
    expect(decode(payload)).toBe(
      '{"sub":"did:ethr:0xabc","iss":"web3-storage","iat":1638202113077,"name":"my first token"}',
    );
  });

  it('should sign with HS256 keyed by the salt string', async () => {
    const token = signApiToken(claims, 'salt');
    const { payload } = await compactVerify(token, new TextEncoder().encode('salt'));
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual({ ...claims, iss: 'web3-storage' });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
  });

  it('should keep the name exactly, whitespace and unicode included', () => {
    const [, payload] = signApiToken({ ...claims, name: '  ✨ é "q" ' }, 'salt').split('.');
    expect(JSON.parse(decode(payload)).name).toBe('  ✨ é "q" ');
  });
});

describe('isSignedBy', () => {
  const token = signApiToken(claims, 'salt');
  const [header, payload, signature] = token.split('.');
  const forged = `${header}.${Buffer.from('{"sub":"someone else"}').toString('base64url')}.${signature}`;

  it.each([
    ['the signing salt', token, 'salt', true],
    ['another salt', token, 'other', false],
    ['a forged payload', forged, 'salt', false],
    ['a truncated signature', `${header}.${payload}.${signature?.slice(1)}`, 'salt', false],
    ['a session credential', 'w3ss_abc', 'salt', false],
    ['an empty string', '', 'salt', false],
  ])('should answer for %s', (_, candidate, salt, expected) => {
    expect(isSignedBy(candidate, salt)).toBe(expected);
  });
});
