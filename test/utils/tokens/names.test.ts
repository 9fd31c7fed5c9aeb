import { describe, expect, it } from 'vitest';
import { checkName, MAX_NAME_LENGTH, visibleName } from '../../../utils/tokens/names';
import { HOSTILE_NAMES } from '../../helpers/hostile';

describe('checkName', () => {
  it.each([
    { input: '  CI deploy  ', name: 'CI deploy' },
    { input: '\tbackup\n', name: 'backup' },
    { input: 'مفتاح النسخ', name: 'مفتاح النسخ' },
    { input: '部署キー', name: '部署キー' },
    { input: '🚀 launch 👩‍💻', name: '🚀 launch 👩‍💻' },
    { input: 'zero\u200Bwidth', name: 'zero\u200Bwidth' },
    { input: 'a'.repeat(MAX_NAME_LENGTH), name: 'a'.repeat(200) },
    { input: '😀'.repeat(200), name: '😀'.repeat(200) },
    { input: '👩‍💻'.repeat(200), name: '👩‍💻'.repeat(200) },
    { input: ` ${'b'.repeat(200)} `, name: 'b'.repeat(200) },
  ])('should accept $input as $name', ({ input, name }) => {
    expect(checkName(input, [])).toStrictEqual({ ok: true, name, duplicate: false });
  });

  it.each(['', '   ', '\t\n', '\u00A0\u3000', '\u200B', '\u200F\u202E '])(
    'should reject the blank name %j with a message',
    (input) => {
      const result = checkName(input, []);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toMatch(/name/);
    },
  );

  it.each([
    { input: 'a'.repeat(201), length: 201 },
    { input: '😀'.repeat(201), length: 201 },
    { input: '🇫🇷'.repeat(201), length: 201 },
    { input: 'x'.repeat(1000), length: 1000 },
  ])('should reject a name of $length characters, saying how long it is', ({ input, length }) => {
    const result = checkName(input, []);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(`has ${length}`);
  });

  it.each([
    { input: 'Backup', existing: ['backup'], duplicate: true },
    { input: '  backup ', existing: ['BACKUP'], duplicate: true },
    { input: 'backup', existing: ['  Backup  '], duplicate: true },
    { input: 'Ünïcode', existing: ['üNÏCODE'], duplicate: true },
    { input: 'Café', existing: ['Cafe\u0301'], duplicate: true },
    { input: 'backup', existing: ['backup 2', 'back up'], duplicate: false },
    { input: 'backup', existing: [], duplicate: false },
  ])(
    'should flag $input among $existing as duplicate: $duplicate yet allow it',
    ({ input, existing, duplicate }) => {
      expect(checkName(input, existing)).toStrictEqual({ ok: true, name: input.trim(), duplicate });
    },
  );
});

describe('checkName with hostile names', () => {
  it.each(HOSTILE_NAMES)('should accept or refuse a name that is %s', (_label, name, accepted) => {
    const check = checkName(name, []);
    expect(check.ok).toBe(accepted);
    if (!check.ok) expect(check.message).toMatch(/^[A-Z].*\.$/);
  });
});

describe('visibleName', () => {
  it.each([
    ['laptop', 'laptop'],
    [' \t', 'Unnamed token'],
    ['\u200b\u200d\u202e', 'Unnamed token'],
    [' ci ', ' ci '],
  ])('should show %j as %j', (name, shown) => {
    expect(visibleName(name)).toBe(shown);
  });
});
