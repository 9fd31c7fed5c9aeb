// @vitest-environment node
// Check token's answer table (issue 13): what each answer to `GET /user/uploads?size=1` sent with
// the token means, through the client's own fetch, and that the token is in no answer.
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../utils/api/client';
import type { TokenCheck } from '../../../utils/api/token-check';

const SECRET = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJkaWQ6ZXRocjoweDEyMyJ9.SIGNATURE-check';
const SESSION = 'w3ss_session-credential-not-for-checks';

interface Seen {
  url: string;
  authorization: string | null;
}

/** A client whose fetch answers `status` with `body` and notes what was asked. */
function clientAnswering(status: number, body: string, headers: Record<string, string> = {}) {
  const seen: Seen[] = [];
  const client = createApiClient({
    baseUrl: 'https://api.example/',
    credential: SESSION,
    fetch: async (input, init) => {
      seen.push({ url: String(input), authorization: new Headers(init?.headers).get('Authorization') });
      return new Response(body, { status, headers });
    },
  });
  return { client, seen };
}

const json = (code: string, message = 'x'): string => JSON.stringify({ code, message });

describe('ApiClient.checkToken', () => {
  it.each<[string, number, string, TokenCheck['verdict'], string?]>([
    ['an upload list', 200, '[]', 'works'],
    ['a list with an upload', 200, JSON.stringify([{ _id: '1', cid: 'bafy' }]), 'works'],
    [
      'a 200 that is not the list (a captive portal)',
      200,
      '<html>Sign in to Wi-Fi</html>',
      'unknown',
      'bad-response',
    ],
    ['a revoked token', 401, json('ERROR_TOKEN_NOT_FOUND', 'API token no longer valid'), 'revoked'],
    ['a token the service did not sign', 401, json('ERROR_UNRECOGNISED_TOKEN'), 'revoked'],
    ['a missing token', 401, json('ERROR_NO_TOKEN'), 'revoked'],
    ['a 401 without a body', 401, '', 'revoked'],
    ['a blocked token', 403, json('ERROR_TOKEN_BLOCKED'), 'blocked'],
    ['a restricted account', 403, json('ERROR_ACCOUNT_RESTRICTED'), 'restricted'],
    ['another 403', 403, json('ERROR_FORBIDDEN'), 'unknown', 'restricted'],
    ['maintenance', 503, json('ERROR_MAINTENANCE'), 'unknown', 'maintenance'],
    ['a 503 page from a proxy', 503, 'Service Unavailable', 'unknown', 'maintenance'],
    ['the sunset', 410, json('ERROR_FEATURE_HAS_BEEN_SUNSET'), 'unknown', 'sunset'],
    ['the CDN rate limit (plain text, no Retry-After)', 429, 'Too Many Requests', 'unknown', 'rate-limited'],
    ['a server error', 500, json('ERROR_DB'), 'unknown', 'server'],
  ])('should read %s (%i) as %s', async (_label, status, body, verdict, code) => {
    const { client, seen } = clientAnswering(status, body);
    const check = await client.checkToken(SECRET);
    expect(check.verdict).toBe(verdict);
    expect(check.verdict === 'unknown' ? check.error.code : undefined).toBe(code);
    if (check.verdict === 'unknown') expect(check.error.message.length).toBeGreaterThan(10);
    expect(seen).toEqual([
      { url: 'https://api.example/user/uploads?size=1', authorization: `Bearer ${SECRET}` },
    ]);
    expect(JSON.stringify(check)).not.toContain(SECRET);
  });

  it('should say when the service cannot be reached, naming the host and not the token', async () => {
    const client = createApiClient({
      baseUrl: 'https://api.example',
      fetch: async () => {
        throw new TypeError(`Failed to fetch with Bearer ${SECRET}`);
      },
    });
    const check = await client.checkToken(SECRET);
    expect(check).toMatchObject({ verdict: 'unknown', error: { code: 'network' } });
    expect(JSON.stringify(check)).toContain('api.example');
    expect(JSON.stringify(check)).not.toContain(SECRET);
  });

  it('should give up after the timeout and say the service took too long', async () => {
    const client = createApiClient({
      baseUrl: 'https://api.example',
      timeoutMs: 20,
      fetch: (_input, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    });
    expect(await client.checkToken(SECRET)).toMatchObject({ verdict: 'unknown', error: { code: 'timeout' } });
  });

  it('should keep the token out of the answer when the service echoes it back', async () => {
    const echo = json('ERROR_HTTP', `bad token ${SECRET}`);
    for (const status of [400, 403, 429, 500, 503]) {
      const { client } = clientAnswering(status, echo, { 'Retry-After': '5' });
      expect(JSON.stringify(await client.checkToken(SECRET))).not.toContain(SECRET);
    }
  });
});
