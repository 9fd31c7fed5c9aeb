import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../utils/api/client';
import { HOSTILE_LISTS, HOSTILE_NAMES, rawFetch, validList } from '../../helpers/hostile';

const client = (status: number, body: string) =>
  createApiClient({ baseUrl: 'http://127.0.0.1:8787', credential: 'c', fetch: rawFetch(status, body) });

describe('api client with hostile responses', () => {
  it.each(HOSTILE_LISTS)(
    'should refuse a token list that is %s, in a sentence',
    async (_label, status, body) => {
      const result = await client(status, body).listTokens();
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'bad-response',
          message: 'The token service sent an answer this extension does not understand.',
        },
      });
      // Nothing leaked into every object's prototype.
      expect(({} as Record<string, unknown>).name).toBeUndefined();
      expect(({} as Record<string, unknown>)._id).toBeUndefined();
    },
  );

  it.each([
    ['not JSON', 500, '<html>Internal error</html>'],
    ['a 429 page from the CDN', 429, 'Too Many Requests'],
    ['an error whose message is an object', 400, '{"code":"HTTP_ERROR","message":{"html":"<b>x</b>"}}'],
    ['an error with __proto__', 403, '{"__proto__":{"code":"ERROR_DELETE_RESTRICTED"}}'],
  ])('should turn an error answer that is %s into a sentence', async (_label, status, body) => {
    const result = await client(status, body).listTokens();
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.error.message;
    expect(message).toMatch(/^[A-Z].*\.$/);
    expect(message).not.toContain('<');
  });

  it.each([
    ['{"_id":7.5}', null],
    ['{"_id":{"$gt":""}}', null],
    ['"text"', null],
    ['{"__proto__":{"_id":"9"}}', null],
    ['{"_id":"12"}', '12'],
  ])('should read a create answer %s as id %s', async (body, id) => {
    expect(await client(201, body).createToken('ci')).toEqual({ ok: true, value: { id } });
  });

  it.each([
    ['an empty body (unknown or already deleted id)', '', { ok: true, value: { alreadyGone: true } }],
    ['its id', '{"_id":"1"}', { ok: true, value: { alreadyGone: false } }],
    [
      'an HTML page (a captive portal)',
      '<html>Sign in to the Wi-Fi</html>',
      { ok: false, error: expect.objectContaining({ code: 'bad-response' }) },
    ],
    [
      'an object without an id',
      '{"deleted":true}',
      { ok: false, error: expect.objectContaining({ code: 'bad-response' }) },
    ],
  ])('should read a revoke answered 200 with %s', async (_label, body, expected) => {
    expect(await client(200, body).revokeToken('1')).toEqual(expected);
  });

  it('should read a list of 100,000 valid tokens', async () => {
    const result = await client(200, validList(100_000)).listTokens();
    expect(result.ok && result.value.length).toBe(100_000);
  });

  it.each(HOSTILE_NAMES)('should send a name that is %s unchanged', async (_label, name) => {
    let sent: unknown;
    const fetch: typeof globalThis.fetch = async (_url, init) => {
      sent = JSON.parse(String(init?.body));
      return new Response('{"_id":"1"}', { status: 201 });
    };
    await createApiClient({ baseUrl: 'http://127.0.0.1:8787', credential: 'c', fetch }).createToken(name);
    expect(sent).toEqual({ name });
  });
});
