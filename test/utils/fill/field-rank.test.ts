import { describe, expect, it } from 'vitest';
import { type FieldFacts, fieldScore, pickField, skipReason } from '../../../utils/fill/field-rank';

const field = (changes: Partial<FieldFacts> = {}): FieldFacts => ({
  tag: 'input',
  type: 'text',
  text: 'api token',
  disabled: false,
  readOnly: false,
  skip: null,
  ...changes,
});

describe('skipReason', () => {
  it.each([
    ['a visible text input', {}, null],
    ['a password input', { type: 'password' }, null],
    ['a type-less input', { type: '' }, null],
    ['a textarea', { tag: 'textarea', type: '' }, null],
    ['a checkbox', { type: 'checkbox' }, 'type'],
    ['an email input', { type: 'email' }, 'type'],
    ['a type=hidden input', { type: 'hidden' }, 'hidden'],
    ['a display:none input', { skip: 'hidden' }, 'hidden'],
    ['a disabled input that is hidden too', { skip: 'hidden', disabled: true }, 'hidden'],
    ['a disabled input', { disabled: true }, 'disabled'],
    ['a read-only input', { readOnly: true }, 'read-only'],
    ['an input a person cannot see', { skip: 'covered' }, 'covered'],
    ['a disabled input that is covered too', { skip: 'covered', disabled: true }, 'disabled'],
    ['a checkbox that is tiny too', { type: 'checkbox', skip: 'tiny' }, 'type'],
  ] as const)('should judge %s: %s', (_label, changes, expected) => {
    expect(skipReason(field(changes as Partial<FieldFacts>))).toBe(expected);
  });
});

describe('fieldScore', () => {
  it.each([
    ['API key', 8],
    ['apikey', 8],
    ['api_key', 8],
    ['Authorization header', 6],
    ['Bearer', 6],
    ['access token', 5],
    ['client secret', 4],
    ['key', 2],
    ['keyboard', 0],
    ['email', 0],
    ['', 0],
  ])('should score %j as %i', (text, expected) => {
    expect(fieldScore(field({ text }))).toBe(expected);
  });
});

describe('pickField', () => {
  it.each([
    ['no fields', [], -1],
    ['no field that asks for a token', [field({ text: 'email' }), field({ text: 'search' })], -1],
    ['the only token field', [field({ text: 'name' }), field({ text: 'token' })], 1],
    ['the strongest hint', [field({ text: 'secret' }), field({ text: 'API key' })], 1],
    ['the first of equals', [field({ text: 'token' }), field({ text: 'token' })], 0],
    ['past a hidden decoy', [field({ text: 'API key', skip: 'hidden' }), field({ text: 'token' })], 1],
    [
      'past a see-through decoy',
      [field({ text: 'API key', skip: 'transparent' }), field({ text: 'secret' })],
      1,
    ],
    ['past a covered decoy', [field({ text: 'API key', skip: 'covered' }), field({ text: 'secret' })], 1],
    ['nothing when every token field is a decoy', [field({ skip: 'style' }), field({ disabled: true })], -1],
  ] as const)('should pick %s', (_label, fields, expected) => {
    expect(pickField(fields)).toBe(expected);
  });
});
