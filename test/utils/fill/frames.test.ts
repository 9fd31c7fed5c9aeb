import { describe, expect, it } from 'vitest';
import { type FillTarget, type FrameAnswer, framePattern, pickFrame } from '../../../utils/fill/frames';

const TOP = 'https://ci.example';
const W = 'https://widget.example';
const at = (frameId: number, origin: string, changes: Partial<FrameAnswer> = {}): FrameAnswer => ({
  frameId,
  origin,
  found: true,
  score: 5,
  focused: false,
  focusIn: null,
  frames: [],
  ...changes,
});

describe('pickFrame', () => {
  it.each<[string, FrameAnswer[], FillTarget | null]>([
    ['the top frame alone', [at(0, TOP)], { frameId: 0, origin: TOP }],
    ['no answer from the top frame', [at(3, W)], null],
    ['no field anywhere', [at(0, TOP, { found: false, score: 0 })], null],
    [
      'a stronger field in a shown cross-origin frame',
      [at(0, TOP, { frames: [W] }), at(4, W, { score: 8 })],
      { frameId: 4, origin: W },
    ],
    [
      'a stronger field in a frame not shown (hidden, covered)',
      [at(0, TOP), at(4, W, { score: 8 })],
      { frameId: 0, origin: TOP },
    ],
    [
      'a tie between the top and a frame',
      [at(0, TOP, { frames: [W] }), at(4, W)],
      { frameId: 0, origin: TOP },
    ],
    [
      'a focused field on top over a stronger frame',
      [at(0, TOP, { focused: true, score: 0, frames: [W] }), at(4, W, { score: 8 })],
      { frameId: 0, origin: TOP },
    ],
    [
      'focus in a frame the extension can script',
      [at(0, TOP, { focusIn: W, found: false, frames: [W] }), at(4, W, { focused: true, score: 0 })],
      { frameId: 4, origin: W },
    ],
    [
      'focus in a frame it cannot script yet',
      [at(0, TOP, { focusIn: W, found: false, frames: [W] })],
      { frameId: null, origin: W },
    ],
    [
      'focus through two frames',
      [
        at(0, TOP, { focusIn: W, found: false, frames: [W] }),
        at(4, W, { focusIn: 'https://deep.example', found: false }),
        at(9, 'https://deep.example', { focused: true }),
      ],
      { frameId: 9, origin: 'https://deep.example' },
    ],
    [
      'focus in a frame whose own focus is on nothing fillable',
      [at(0, TOP, { focusIn: W, found: false, frames: [W] }), at(4, W, { score: 8 })],
      null,
    ],
  ])('should pick for %s', (_label, answers, expected) => {
    expect(pickFrame(answers)).toEqual(expected);
  });
});

describe('framePattern', () => {
  it.each([
    ['http://127.0.0.1:4000', 'http://127.0.0.1/*'],
    ['https://widget.example', 'https://widget.example/*'],
  ])('should ask for %s as %s', (origin, pattern) => {
    expect(framePattern(origin)).toBe(pattern);
  });
});
