/**
 * The hostile-input table of issue 5, shared by the API client, store and component tests.
 * Names are what another client of the service may have created (the service takes any non-empty
 * string); responses are what a broken or hostile server may answer.
 */

const LONG = 'x'.repeat(10_000);

/** [label, name, accepted by checkName at create]. */
export const HOSTILE_NAMES: readonly (readonly [string, string, boolean])[] = [
  ['empty', '', false],
  ['whitespace only', ' \t\n ', false],
  ['zero-width characters only', '\u200b\u200c\u200d\u2060\ufeff', false],
  ['direction marks only', '\u200e\u200f\u202e', false],
  ['10,000 characters', LONG, false],
  ['a right-to-left override', 'invoice\u202Egpj.exe', true],
  ['zero-width characters inside', 'pay\u200bments', true],
  ['HTML and script', '<img src=x onerror="globalThis.pwned=1"><script>globalThis.pwned=1</script>', true],
  ['an entity', '&lt;b&gt;bold&lt;/b&gt; &amp;', true],
  ['emoji', '🚀 deploy 👩‍👩‍👧‍👦 🇺🇦', true],
  ['Arabic', 'مفتاح النشر', true],
];

const token = (id: string, name = 'ci'): Record<string, unknown> => ({
  _id: id,
  name,
  secret: `eyJhbGciOiJIUzI1NiJ9.payload-${id}.sig`,
  created: '2026-01-01T00:00:00.000+00:00',
  hasUploads: false,
});

/** [label, status, raw body]: every one must be refused whole as a list of tokens. */
export const HOSTILE_LISTS: readonly (readonly [string, number, string])[] = [
  ['not JSON (an HTML error page)', 200, '<html><body>Bad gateway</body></html>'],
  ['truncated JSON', 200, '[{"_id":"1","name":"ci"'],
  ['an empty body', 200, ''],
  ['an object instead of an array', 200, JSON.stringify({ tokens: [token('1')] })],
  ['null', 200, 'null'],
  ['a number', 200, '42'],
  ['an id that is a fraction', 200, JSON.stringify([{ ...token('1'), _id: 1.5 }])],
  ['an id that is not digits', 200, JSON.stringify([token('1; DROP TABLE')])],
  ['a name that is a number', 200, JSON.stringify([{ ...token('1'), name: 7 }])],
  ['a secret that is an object', 200, JSON.stringify([{ ...token('1'), secret: { s: 1 } }])],
  ['a missing secret', 200, JSON.stringify([{ _id: '1', name: 'ci', created: '2026-01-01T00:00:00Z' }])],
  ['a created date that is not a date', 200, JSON.stringify([{ ...token('1'), created: 'yesterday' }])],
  ['fields only under __proto__', 200, `[{"__proto__":${JSON.stringify(token('1'))}}]`],
  ['an array under __proto__', 200, `{"__proto__":[${JSON.stringify(token('1'))}]}`],
  [
    '100,000 items, the last one bad',
    200,
    JSON.stringify([...Array.from({ length: 99_999 }, (_, i) => token(String(i + 1))), { _id: 'x' }]),
  ],
];

/** A valid list of `count` tokens, as the wire has it. */
export function validList(count: number): string {
  return JSON.stringify(Array.from({ length: count }, (_, i) => token(String(i + 1), `token ${i + 1}`)));
}

/** A fetch that answers every request with `status` and `body`, as a raw server would. */
export function rawFetch(status: number, body: string): typeof fetch {
  return async () => new Response(body, { status, headers: { 'Content-Type': 'application/json' } });
}
