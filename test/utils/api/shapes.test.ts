import { afterEach, describe, expect, it } from 'vitest';
import {
  parseAccountInfo,
  parseIdBody,
  parseStorageUsage,
  parseToken,
  parseTokenList,
  parseVersion,
} from '../../../utils/api/shapes';

const wire = {
  _id: '315318824629961583',
  name: 'my first token',
  secret: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJkaWQ6ZXRocjoweDEyMyJ9.c2lnbmF0dXJl',
  created: '2021-11-29T16:08:33.077+00:00',
  hasUploads: true,
};
const parsed = {
  id: wire._id,
  name: wire.name,
  secret: wire.secret,
  created: wire.created,
  hasUploads: true,
};

afterEach(() => {
  expect(Object.prototype).not.toHaveProperty('polluted');
});

describe('parseToken', () => {
  it('should read a token from the wire shape and ignore extra fields', () => {
    expect(parseToken({ ...wire, deleted_at: null, user_id: '7' })).toStrictEqual(parsed);
  });

  it.each([
    { id: '315318824629961583', expected: '315318824629961583' },
    { id: '123456789012345678901234567890', expected: '123456789012345678901234567890' },
    { id: 42, expected: '42' },
    { id: Number.MAX_SAFE_INTEGER, expected: '9007199254740991' },
  ])('should keep the id $id exactly', ({ id, expected }) => {
    expect(parseToken({ ...wire, _id: id })?.id).toBe(expected);
  });

  it.each([
    Number.MAX_SAFE_INTEGER + 1,
    // A bigint id sent as a JSON number has already lost digits.
    JSON.parse('315318824629961583') as number,
    -1,
    1.5,
    Number.NaN,
    '',
    'abc',
    '12a',
    ' 12',
    '-1',
    '1.5',
    '1e3',
    null,
    true,
  ])('should reject the id %s', (id) => {
    expect(parseToken({ ...wire, _id: id })).toBeUndefined();
  });

  it.each([
    ['_id', undefined],
    ['name', undefined],
    ['name', 7],
    ['secret', undefined],
    ['secret', null],
    ['created', undefined],
    ['created', 1638202113077],
    ['created', 'not a date'],
    ['created', ''],
  ])('should reject a token whose %s is %s', (key, value) => {
    expect(parseToken({ ...wire, [key]: value })).toBeUndefined();
  });

  it.each([undefined, 'true', 1, null])('should read hasUploads %s as false', (hasUploads) => {
    expect(parseToken({ ...wire, hasUploads })?.hasUploads).toBe(false);
  });

  it.each([null, 'token', 42, [wire]])('should reject %j as a token', (value) => {
    expect(parseToken(value)).toBeUndefined();
  });

  const inheriting = (key: keyof typeof wire): unknown => {
    const { [key]: inherited, ...own } = wire;
    return Object.assign(Object.create({ [key]: inherited }), own);
  };

  it.each(['_id', 'name', 'secret', 'created'] as const)('should not take %s from a prototype', (key) => {
    expect(parseToken(inheriting(key))).toBeUndefined();
  });

  it('should not take hasUploads from a prototype', () => {
    expect(parseToken(inheriting('hasUploads'))).toStrictEqual({ ...parsed, hasUploads: false });
  });

  it('should neither take fields from nor pollute through __proto__', () => {
    const { _id, ...rest } = wire;
    const text = JSON.stringify(rest).replace('{', `{"__proto__":{"_id":"1","polluted":true},`);
    expect(parseToken(JSON.parse(text))).toBeUndefined();
    expect(
      parseToken(JSON.parse(JSON.stringify(wire).replace('{', '{"__proto__":{"polluted":true},'))),
    ).toStrictEqual(parsed);
  });
});

describe('parseTokenList', () => {
  it('should read every token of a valid list', () => {
    expect(parseTokenList([wire, { ...wire, _id: '2', hasUploads: false }])).toStrictEqual([
      parsed,
      { ...parsed, id: '2', hasUploads: false },
    ]);
  });

  it('should reject the whole list when one item is bad', () => {
    expect(parseTokenList([wire, { ...wire, _id: 'x' }, wire])).toBeUndefined();
  });

  it.each([null, {}, { tokens: [wire] }, 'text'])('should reject the non-array %j', (value) => {
    expect(parseTokenList(value)).toBeUndefined();
  });

  it('should read 100,000 tokens', () => {
    const list = Array.from({ length: 100_000 }, (_, i) => ({ ...wire, _id: String(i) }));
    expect(parseTokenList(list)).toHaveLength(100_000);
  });
});

describe('parseIdBody', () => {
  it.each([
    { body: { _id: '315318824629961583' }, expected: '315318824629961583' },
    { body: { _id: 7 }, expected: '7' },
    { body: { _id: 'abc' }, expected: null },
    { body: {}, expected: null },
    { body: '', expected: null },
    { body: null, expected: null },
    { body: JSON.parse('{"__proto__":{"_id":"5"}}'), expected: null },
  ])('should read $body as $expected', ({ body, expected }) => {
    expect(parseIdBody(body)).toBe(expected);
  });
});

describe('parseVersion', () => {
  it('should read version and mode', () => {
    expect(parseVersion({ version: '7.0.0', commit: 'abc', branch: 'main', mode: 'rw' })).toStrictEqual({
      version: '7.0.0',
      mode: 'rw',
    });
  });

  it.each([{ version: '7.0.0' }, { mode: 'rw' }, { version: 7, mode: 'rw' }, null, []])(
    'should reject %j',
    (value) => {
      expect(parseVersion(value)).toBeUndefined();
    },
  );
});

describe('parseAccountInfo', () => {
  const info = { _id: '42', issuer: 'did:ethr:0x1', name: 'Ada', email: 'ada@example.org' };

  it.each([
    { tags: { HasAccountRestriction: true }, restricted: true },
    { tags: { HasAccountRestriction: 'true' }, restricted: false },
    { tags: undefined, restricted: false },
  ])('should read tags $tags as restricted: $restricted', ({ tags, restricted }) => {
    expect(parseAccountInfo({ info: { ...info, tags } })).toStrictEqual({
      id: '42',
      email: 'ada@example.org',
      name: 'Ada',
      accountRestricted: restricted,
    });
  });

  it('should default a missing email and name to empty strings', () => {
    expect(parseAccountInfo({ info: { _id: 42 } })).toStrictEqual({
      id: '42',
      email: '',
      name: '',
      accountRestricted: false,
    });
  });

  it.each([
    { name: 'no info', value: info },
    { name: 'no id', value: { info: { email: 'a@b.c' } } },
    { name: 'info under __proto__', value: JSON.parse(`{"__proto__":{"info":${JSON.stringify(info)}}}`) },
    { name: 'info only on its prototype', value: Object.create({ info }) },
    { name: 'null', value: null },
  ])('should reject $name', ({ value }) => {
    expect(parseAccountInfo(value)).toBeUndefined();
  });
});

describe('parseStorageUsage', () => {
  const used = { uploaded: 5, psaPinned: 2, total: 7 };

  it.each([
    {
      name: 'a limit as a string',
      value: { usedStorage: used, storageLimitBytes: '1099511627776' },
      limit: 1024 ** 4,
    },
    { name: 'no limit', value: { usedStorage: used }, limit: null },
    {
      name: 'a limit that is not digits',
      value: { usedStorage: used, storageLimitBytes: 'lots' },
      limit: null,
    },
  ])('should read $name', ({ value, limit }) => {
    expect(parseStorageUsage(value)).toStrictEqual({ usedBytes: 7, limitBytes: limit });
  });

  it.each([
    { name: 'no usedStorage', value: { storageLimitBytes: '1' } },
    { name: 'a total that is not a number', value: { usedStorage: { total: '7' } } },
    { name: 'a negative total', value: { usedStorage: { total: -1 } } },
    { name: 'usedStorage only on the prototype', value: Object.create({ usedStorage: used }) },
    { name: 'null', value: null },
  ])('should reject $name', ({ value }) => {
    expect(parseStorageUsage(value)).toBeUndefined();
  });
});
