import type { FrameAnswer } from '../../utils/fill/frames';

/** A frame's answer to the fill probe: a visible field in the top frame, unless `changes` say otherwise. */
export const frameAnswer = (changes: Partial<FrameAnswer>): FrameAnswer => ({
  frameId: 0,
  origin: 'https://ci.example',
  url: `${changes.origin ?? 'https://ci.example'}/`,
  path: [],
  self: -1,
  view: { l: 0, t: 0, r: 800, b: 600 },
  found: true,
  score: 5,
  focused: false,
  box: { l: 10, t: 10, r: 310, b: 40 },
  focusIn: null,
  refused: null,
  unseen: null,
  frames: [],
  ...changes,
});
