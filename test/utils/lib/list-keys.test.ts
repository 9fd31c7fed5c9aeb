import { describe, expect, it } from 'vitest';
import { moveIndex, scrollToShow } from '../../../utils/lib/list-keys';

describe('moveIndex', () => {
  it.each([
    ['ArrowDown', 0, 1],
    ['ArrowDown', 9_999, 9_999],
    ['ArrowUp', 5, 4],
    ['ArrowUp', 0, 0],
    ['PageDown', 0, 7],
    ['PageDown', 9_995, 9_999],
    ['PageUp', 20, 13],
    ['PageUp', 3, 0],
    ['Home', 5_000, 0],
    ['End', 12, 9_999],
  ])('should move %s from row %i to row %i of 10,000', (key, from, to) => {
    expect(moveIndex(key, from, 10_000, 7)).toBe(to);
  });

  it.each(['Enter', 'Tab', 'a', ' ', 'ArrowLeft'])('should leave the key %j to others', (key) => {
    expect(moveIndex(key, 3, 10, 7)).toBeNull();
  });

  it('should not move in an empty list', () => {
    expect(moveIndex('ArrowDown', 0, 0, 7)).toBeNull();
  });

  it('should clamp an index left past the end by a shorter list', () => {
    expect(moveIndex('ArrowUp', 50, 3, 7)).toBe(2);
  });
});

describe('scrollToShow', () => {
  it.each([
    // index, top, expected: rows of 40 px in a box of 200 px
    [0, 0, 0],
    [4, 0, 0],
    [5, 0, 40],
    [2, 200, 80],
    [9_999, 0, 399_800],
    [7, 100, 120],
  ])('should show row %i from scroll position %i at %i', (index, top, expected) => {
    expect(scrollToShow(index, 40, top, 200)).toBe(expected);
  });
});
