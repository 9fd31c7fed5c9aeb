import { describe, expect, it } from 'vitest';
import { normalizeServiceUrl, originPattern } from '../../../utils/api/service-url';

describe('normalizeServiceUrl', () => {
  it.each([
    { input: 'https://api.example.org', url: 'https://api.example.org' },
    { input: 'https://api.example.org///', url: 'https://api.example.org' },
    { input: 'https://example.org/tokens/api/', url: 'https://example.org/tokens/api' },
    { input: 'http://127.0.0.1:8787/', url: 'http://127.0.0.1:8787' },
    { input: 'api.example.org', url: 'https://api.example.org' },
    { input: 'localhost:8787/v1', url: 'https://localhost:8787/v1' },
    { input: '  \thttps://api.example.org/ \n', url: 'https://api.example.org' },
    { input: 'HTTPS://API.Example.ORG', url: 'https://api.example.org' },
    { input: 'https://api.example.org/?q=1#top', url: 'https://api.example.org' },
  ])('should turn $input into $url', ({ input, url }) => {
    expect(normalizeServiceUrl(input)).toStrictEqual({ ok: true, value: url });
  });

  it.each([
    'ftp://files.example.org',
    'javascript:alert(1)',
    'javascript://%0Aalert(1)',
    'file:///etc/passwd',
    'https://user:pass@api.example.org',
    'https://user@api.example.org',
    'not a url',
    'http://',
    '',
    '   ',
  ])('should reject %j with a message', (input) => {
    const result = normalizeServiceUrl(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({
      code: 'invalid-url',
      message: expect.stringMatching(/\.$/),
    });
  });
});

describe('originPattern', () => {
  it.each([
    { url: 'http://127.0.0.1:8787', pattern: 'http://127.0.0.1/*' },
    { url: 'https://api.example.org/tokens/api', pattern: 'https://api.example.org/*' },
    { url: 'http://[::1]:8787', pattern: 'http://[::1]/*' },
  ])('should ask for $pattern to reach $url', ({ url, pattern }) => {
    expect(originPattern(url)).toBe(pattern);
  });
});
