import { describe, expect, it } from 'vitest';
import {
  type FrameAnswer,
  type FramePick,
  framePattern,
  insecure,
  pickFrame,
} from '../../../utils/fill/frames';
import type { ChildFrame } from '../../../utils/fill/page';

const TOP = 'https://ci.example';
const W = 'https://widget.example';
const D = 'https://deep.example';
const VIEW = { l: 0, t: 0, r: 800, b: 600 };
const FRAME_VIEW = { l: 0, t: 0, r: 420, b: 90 };
const FIELD = { l: 10, t: 10, r: 310, b: 40 };

/** Child frame `index` as its parent sees it: 420×90 at (0, 100), seen, unless changed. */
const child = (index: number, changes: Partial<ChildFrame> = {}): ChildFrame => ({
  index,
  frameId: -1,
  src: W,
  box: { l: 0, t: 100, r: 420, b: 190 },
  x: 0,
  y: 100,
  scale: 1,
  ...changes,
});
const at = (
  frameId: number,
  origin: string,
  path: number[] | null,
  changes: Partial<FrameAnswer> = {},
): FrameAnswer => ({
  frameId,
  origin,
  url: `${origin}/page`,
  path,
  self: -1,
  view: path?.length === 0 ? VIEW : FRAME_VIEW,
  found: true,
  score: 5,
  focused: false,
  box: FIELD,
  focusIn: null,
  refused: null,
  unseen: null,
  frames: [],
  ...changes,
});
const to = (frameId: number | null, origin: string, path: number[], url = `${origin}/page`): FramePick => ({
  ok: true,
  target: { frameId, origin, url, path: JSON.stringify(path) },
});
const no = (why: string): FramePick => ({ ok: false, why }) as FramePick;
const top = (changes: Partial<FrameAnswer> = {}): FrameAnswer =>
  at(0, TOP, [], { frames: [child(0)], ...changes });

describe('pickFrame', () => {
  it.each<[string, FrameAnswer[], FramePick]>([
    ['the top frame alone', [top()], to(0, TOP, [])],
    ['no answer from the top frame', [at(3, W, [0])], no('none')],
    ['no field anywhere', [top({ found: false, score: 0 })], no('none')],
    ['a stronger field in a seen frame', [top(), at(4, W, [0], { score: 8 })], to(4, W, [0])],
    ['a tie between the top and a frame', [at(4, W, [0]), top()], to(0, TOP, [])],
    [
      'a stronger field in a frame whose element is not seen',
      [top({ frames: [child(0, { box: null })] }), at(4, W, [0], { score: 8 })],
      to(0, TOP, []),
    ],
    [
      'a stronger field in the part of a frame cut off by the window',
      [
        top({ frames: [child(0, { box: { l: 0, t: 590, r: 420, b: 690 }, y: 590 })] }),
        at(4, W, [0], { score: 8 }),
      ],
      to(0, TOP, []),
    ],
    [
      'a stronger field in a frame scaled down to nothing',
      [
        top({ frames: [child(0, { box: { l: 0, t: 100, r: 8.4, b: 101.8 }, scale: 0.02 })] }),
        at(4, W, [0], { score: 8 }),
      ],
      to(0, TOP, []),
    ],
    [
      'a field in a seen frame inside a frame that is not',
      [
        top({ found: false, score: 0, frames: [child(0, { box: null })] }),
        at(4, W, [0], {
          found: false,
          score: 0,
          frames: [child(0, { y: 0, box: { l: 0, t: 0, r: 400, b: 70 } })],
        }),
        at(5, W, [0, 0], { score: 8 }),
      ],
      no('frame'),
    ],
    [
      'a field in a frame that is not seen inside a seen frame',
      [
        top({ found: false, score: 0 }),
        at(4, W, [0], { found: false, score: 0, frames: [child(0, { box: null })] }),
        at(5, W, [0, 0], { score: 8 }),
      ],
      no('frame'),
    ],
    [
      'a field in a seen frame inside a seen frame',
      [
        top({ found: false, score: 0 }),
        at(4, W, [0], {
          found: false,
          score: 0,
          frames: [child(0, { y: 0, box: { l: 0, t: 0, r: 400, b: 70 } })],
        }),
        at(5, W, [0, 0], { score: 8 }),
      ],
      to(5, W, [0, 0]),
    ],
    [
      'a frame whose parent did not answer',
      [top({ found: false, score: 0 }), at(5, W, [0, 0], { score: 8 })],
      no('frame'),
    ],
    [
      'two frames naming the same place (neither is trusted)',
      [top({ found: false, score: 0 }), at(4, W, [0], { score: 8 }), at(6, W, [0], { score: 8 })],
      no('none'),
    ],
    [
      'a frame whose browser id differs from the element seen there',
      [top({ found: false, score: 0, frames: [child(0, { frameId: 9 })] }), at(4, W, [0], { score: 8 })],
      no('frame'),
    ],
    [
      'a frame that names itself with another id',
      [top({ found: false, score: 0 }), at(4, W, [0], { score: 8, self: 9 })],
      no('none'),
    ],
    [
      'a focused field on top over a stronger frame',
      [top({ focused: true, score: 0 }), at(4, W, [0], { score: 8 })],
      to(0, TOP, []),
    ],
    ['a focused field that may not be filled', [top({ refused: 'covered', found: false })], no('covered')],
    [
      'focus in a frame the extension can script',
      [top({ focusIn: 0, found: false }), at(4, W, [0], { focused: true, score: 0 })],
      to(4, W, [0]),
    ],
    ['focus in a frame it cannot script yet', [top({ focusIn: 0, found: false })], to(null, W, [0], W)],
    [
      'focus in a frame that is not seen',
      [top({ focusIn: 0, found: false, frames: [child(0, { box: null })] })],
      no('frame'),
    ],
    [
      'focus on a field that may not be filled inside a frame',
      [top({ focusIn: 0, found: false }), at(4, W, [0], { refused: 'transparent', found: false })],
      no('transparent'),
    ],
    [
      'focus through two frames',
      [
        top({ focusIn: 0, found: false }),
        at(4, W, [0], { focusIn: 0, found: false, frames: [child(0, { src: D, y: 0, box: FRAME_VIEW })] }),
        at(9, D, [0, 0], { focused: true }),
      ],
      to(9, D, [0, 0]),
    ],
    [
      'a focused field in a frame cut off in its parent',
      [
        top({ focusIn: 0, found: false, frames: [child(0, { box: { l: 0, t: 100, r: 420, b: 105 } })] }),
        at(4, W, [0], { focused: true }),
      ],
      no('frame'),
    ],
    [
      'the reason a named field was passed over',
      [top({ found: false, score: 0, unseen: 'style' })],
      no('style'),
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

describe('insecure', () => {
  it.each([
    ['http://ci.example', true],
    ['http://192.0.2.2:8080', true],
    ['https://ci.example', false],
    ['http://localhost:3000', false],
    ['http://127.0.0.1:4000', false],
    ['http://[::1]:4000', false],
  ])('should judge %s: %s', (origin, expected) => {
    expect(insecure(origin)).toBe(expected);
  });
});
