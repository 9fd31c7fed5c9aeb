import { describe, expect, it, vi } from 'vitest';
import { createFiller, type FillDeps, fillToken, WAIT_MS } from '../../../utils/fill/filler';
import type { FrameAnswer } from '../../../utils/fill/frames';
import type { ChildFrame, PageAnswer } from '../../../utils/fill/page';
import type { PendingFill } from '../../../utils/fill/pending';
import { applyList, listGrants, listUsage, requestRevoke } from '../../../utils/store/db';
import { openTokenDb } from '../../../utils/store/open';
import { frameAnswer } from '../../helpers/frame-answer';
import { testScope, testSession } from '../../helpers/session';

const session = testSession;
const scope = testScope;
const SITE = 'https://ci.example';
let dbCount = 0;

const FRAME = 'https://widget.example';
const frame = (changes: Partial<FrameAnswer>): FrameAnswer => frameAnswer({ origin: SITE, ...changes });
/** The top frame's view of its one child frame, seen. */
const child: ChildFrame = {
  index: 0,
  frameId: -1,
  src: FRAME,
  box: { l: 0, t: 0, r: 420, b: 90 },
  x: 0,
  y: 0,
  scale: 1,
};

/**
 * A tab at `origin` (later `after`, to play a navigation) with or without a field; `frames`
 * replaces the whole probe's answer.
 */
async function setup(
  page: { origin?: string; found?: boolean; after?: string; frames?: FrameAnswer[] } = {},
) {
  const name = `fill-${++dbCount}`;
  const db = await openTokenDb(name);
  await applyList(
    db,
    scope,
    [
      {
        id: '1',
        name: 'ci',
        secret: 'SECRET-1',
        created: '2026-01-01T00:00:00.000+00:00',
        hasUploads: false,
      },
    ],
    1,
  );
  const calls: Array<[string | null, string | null]> = [];
  const deps: FillDeps = {
    loadSession: async () => session,
    // A fresh connection per call: the filler closes each one it opens.
    openDb: () => openTokenDb(name),
    probe: vi.fn(async (): Promise<FrameAnswer[] | null> => {
      calls.push([null, null]);
      return page.frames ?? [frame({ origin: page.origin ?? SITE, found: page.found ?? true })];
    }),
    fillFrame: vi.fn(
      async (frameId: number, secret: string, origin: string, path: string): Promise<PageAnswer | null> => {
        calls.push([secret, origin]);
        const here =
          page.after ?? page.frames?.find((f) => f.frameId === frameId)?.origin ?? page.origin ?? SITE;
        return frame({ origin: here, found: page.found ?? true, path: JSON.parse(path) });
      },
    ),
    reveal: vi.fn(async (id: string) => {
      calls.push(['reveal', id]);
      return { ok: true, secret: 'SECRET-1' } as const;
    }),
    openPopup: vi.fn(async () => {}),
    leaveQuestion: vi.fn(async (_question: PendingFill) => {}),
    now: () => 1000,
  };
  return { db, deps, calls };
}

describe('fillToken', () => {
  it('should ask before the first fill of a token on an origin, without sending the secret', async () => {
    const { db, deps, calls } = await setup();
    expect(await fillToken(deps, '1')).toEqual({ kind: 'confirm', origin: SITE });
    expect(calls).toEqual([[null, null]]);
    expect(deps.reveal).not.toHaveBeenCalled();
    expect(await listGrants(db, scope)).toEqual([]);
  });

  it('should warn about a page over plain http to another machine', async () => {
    const { deps } = await setup({ origin: 'http://ci.example' });
    expect(await fillToken(deps, '1')).toEqual({
      kind: 'confirm',
      origin: 'http://ci.example',
      insecure: true,
    });
  });

  it.each([
    [
      'a focused field a person cannot see',
      { refused: 'covered' as const, found: false },
      /^Nothing was filled: the field is hidden/,
    ],
    [
      'a focused field drawn in a way it cannot judge',
      { refused: 'style' as const, found: false },
      /cannot judge/,
    ],
    ['a focused checkbox', { refused: 'type' as const, found: false }, /cannot take a token/],
    ['a named field covered', { found: false, unseen: 'covered' as const }, /covered by something else/],
  ])('should refuse %s with a sentence, never revealing the secret', async (_label, changes, message) => {
    const { db, deps } = await setup({ frames: [frame(changes)] });
    expect(await fillToken(deps, '1')).toEqual({ kind: 'error', message: expect.stringMatching(message) });
    expect(await fillToken(deps, '1', SITE)).toEqual({
      kind: 'error',
      message: expect.stringMatching(message),
    });
    expect(deps.reveal).not.toHaveBeenCalled();
    expect(deps.fillFrame).not.toHaveBeenCalled();
    expect(await listGrants(db, scope)).toEqual([]);
  });

  it('should fill nothing when the field is gone by the second look', async () => {
    const { deps } = await setup();
    let looks = 0;
    deps.probe = vi.fn(async () => [looks++ === 0 ? frame({}) : frame({ found: false, unseen: 'covered' })]);
    expect(await fillToken(deps, '1', SITE)).toMatchObject({ kind: 'error', message: /covered/ });
    expect(deps.reveal).not.toHaveBeenCalled();
    expect(deps.fillFrame).not.toHaveBeenCalled();
  });

  it('should fill once confirmed, remember the yes and record the fill', async () => {
    const { db, deps, calls } = await setup();
    expect(await fillToken(deps, '1', SITE)).toEqual({ kind: 'filled', origin: SITE });
    // Probed, probed again, and only then the secret is revealed and sent to the one frame.
    expect(calls).toEqual([
      [null, null],
      [null, null],
      ['reveal', '1'],
      ['SECRET-1', SITE],
    ]);
    expect(await listGrants(db, scope)).toEqual([{ ...scope, tokenId: '1', origin: SITE, grantedAt: 1000 }]);
    expect(await fillToken(deps, '1')).toEqual({ kind: 'filled', origin: SITE });
    expect((await listUsage(db, scope)).map((u) => [u.kind, u.origin])).toEqual([
      ['fill', SITE],
      ['fill', SITE],
    ]);
  });

  it('should ask again when the yes named another origin', async () => {
    const { deps, calls } = await setup({ origin: 'https://evil.example' });
    expect(await fillToken(deps, '1', SITE)).toEqual({ kind: 'confirm', origin: 'https://evil.example' });
    expect(calls.every(([secret]) => secret === null)).toBe(true);
  });

  it('should report a page that navigated between the look and the fill, and record nothing', async () => {
    const { db, deps } = await setup({ after: 'https://evil.example' });
    expect(await fillToken(deps, '1', SITE)).toMatchObject({ kind: 'error' });
    expect(await listUsage(db, scope)).toEqual([]);
  });

  it.each([
    ['no field for a token', { found: false } as { found?: boolean; origin?: string }, /No field/],
    ['a browser page', { origin: 'null' }, /cannot fill/],
  ])('should refuse %s', async (_label, page, message) => {
    const { deps, calls } = await setup(page);
    const reply = await fillToken(deps, '1', page.origin ?? SITE);
    expect(reply).toMatchObject({ kind: 'error', message: expect.stringMatching(message) });
    expect(calls.every(([secret]) => secret === null)).toBe(true);
  });

  it('should refuse a tab it cannot script, a revoked token and a signed-out person', async () => {
    const { db, deps } = await setup();
    deps.probe = async () => null;
    expect(await fillToken(deps, '1', SITE)).toMatchObject({ kind: 'error' });
    await requestRevoke(db, scope, '1', 5);
    expect(await fillToken(deps, '1', SITE)).toMatchObject({ kind: 'error', message: /no longer active/ });
    deps.loadSession = async () => null;
    expect(await fillToken(deps, '1', SITE)).toMatchObject({ kind: 'error', message: /Sign in/ });
  });
});

describe('fillToken into a cross-origin frame', () => {
  const framed = [frame({ focusIn: 0, found: false, frames: [child] })];
  const asked = { kind: 'confirm', origin: FRAME, top: SITE, url: FRAME };

  it('should ask naming the frame, then wait for the browser to let it reach the frame', async () => {
    const { db, deps, calls } = await setup({ frames: framed });
    expect(await fillToken(deps, '1')).toEqual(asked);
    expect(await fillToken(deps, '1', FRAME)).toEqual({ kind: 'waiting', origin: FRAME });
    expect(calls.every(([secret]) => secret === null)).toBe(true);
    expect((await listGrants(db, scope)).map((g) => g.origin)).toEqual([FRAME]);
  });

  it('should end, not wait, when the permission is held and the frame is still out of reach', async () => {
    const { deps } = await setup({ frames: framed });
    deps.mayReach = async () => true;
    expect(await fillToken(deps, '1', FRAME)).toMatchObject({ kind: 'error', message: /changed/ });
  });

  it('should never send a remembered yes to a frame that is not seen now', async () => {
    const inside = frame({ frameId: 7, origin: FRAME, path: [0], focused: true });
    const page = { frames: [...framed, inside] };
    const { deps, calls } = await setup(page);
    expect(await fillToken(deps, '1', FRAME)).toEqual({ kind: 'filled', origin: FRAME });
    page.frames = [frame({ focusIn: 0, found: false, frames: [{ ...child, box: null }] }), inside];
    expect(await fillToken(deps, '1')).toMatchObject({ kind: 'error', message: /in a frame/ });
    expect(calls.filter(([secret]) => secret === 'SECRET-1')).toHaveLength(1);
  });

  it('should fill only the frame once it can reach it, and ask again where it cannot', async () => {
    const inside = frame({ frameId: 7, origin: FRAME, path: [0], focused: true });
    const { db, deps, calls } = await setup({ frames: [...framed, inside] });
    expect(await fillToken(deps, '1')).toEqual({ ...asked, url: `${FRAME}/` });
    expect(await fillToken(deps, '1', FRAME)).toEqual({ kind: 'filled', origin: FRAME });
    expect(deps.fillFrame).toHaveBeenCalledWith(7, 'SECRET-1', FRAME, '[0]');
    expect(calls.filter(([secret]) => secret === 'SECRET-1')).toEqual([['SECRET-1', FRAME]]);
    expect(await fillToken(deps, '1')).toEqual({ kind: 'filled', origin: FRAME });
    expect((await listUsage(db, scope)).map((u) => u.origin)).toEqual([FRAME, FRAME]);
    // The browser's permission for the frame was taken back: the grant alone is not enough.
    deps.probe = async () => framed;
    expect(await fillToken(deps, '1')).toEqual(asked);
  });
});

describe('createFiller', () => {
  it('should finish a frame fill when the browser grants its origin, once', async () => {
    const inside = frame({ frameId: 7, origin: FRAME, path: [0], focused: true });
    const framed = [frame({ focusIn: 0, found: false, frames: [child] })];
    const page = { frames: framed };
    const { deps } = await setup(page);
    const filler = createFiller(deps);
    expect(await filler.fill('1', FRAME)).toEqual({ kind: 'waiting', origin: FRAME });
    expect(await filler.granted(['https://other.example/*'])).toBeNull();
    page.frames = [...framed, inside];
    expect(await filler.granted(['https://widget.example/*'])).toEqual({ kind: 'filled', origin: FRAME });
    expect(await filler.granted(['https://widget.example/*'])).toBeNull();
  });

  it('should drop a yes whose permission prompt never came back', async () => {
    const framed = [frame({ focusIn: 0, found: false, frames: [child] })];
    const { deps } = await setup({ frames: framed });
    let now = 1000;
    deps.now = () => now;
    const filler = createFiller(deps);
    expect(await filler.fill('1', FRAME)).toEqual({ kind: 'waiting', origin: FRAME });
    now += WAIT_MS + 1;
    expect(await filler.granted(['https://widget.example/*'])).toBeNull();
  });

  it('should ask in the popup when a menu fill meets a new site, once', async () => {
    const { deps, calls } = await setup();
    const filler = createFiller(deps);
    expect(await filler.fillFromPage('1')).toEqual({ kind: 'confirm', origin: SITE });
    expect(deps.openPopup).toHaveBeenCalledTimes(1);
    expect(calls.every(([secret]) => secret === null)).toBe(true);
    expect(deps.leaveQuestion).toHaveBeenCalledTimes(1);
    expect(deps.leaveQuestion).toHaveBeenCalledWith({ id: '1', origin: SITE });
    // Left before the popup opens, which reads it as it opens.
    expect(vi.mocked(deps.leaveQuestion).mock.invocationCallOrder[0]).toBeLessThan(
      vi.mocked(deps.openPopup).mock.invocationCallOrder[0] ?? 0,
    );
  });

  it("should leave the question with the menu entry's account (issue 15)", async () => {
    const { deps } = await setup();
    const filler = createFiller(deps);
    expect(await filler.fillFromPage('1', scope)).toEqual({ kind: 'confirm', origin: SITE });
    expect(deps.leaveQuestion).toHaveBeenCalledWith({ id: '1', origin: SITE, scope });
  });

  it('should fill at once from the menu where the token is allowed', async () => {
    const { deps } = await setup();
    const filler = createFiller(deps);
    await filler.fill('1', SITE);
    expect(await filler.fillFromPage('1')).toEqual({ kind: 'filled', origin: SITE });
    expect(deps.openPopup).not.toHaveBeenCalled();
  });

  it('should open the popup from the shortcut on a site with no remembered token, then fill the remembered one', async () => {
    const { deps, calls } = await setup();
    const filler = createFiller(deps);
    expect(await filler.fillSiteDefault()).toBeNull();
    expect(deps.openPopup).toHaveBeenCalledTimes(1);
    expect(calls.every(([secret]) => secret === null)).toBe(true);
    await filler.fill('1', SITE);
    expect(await filler.fillSiteDefault()).toEqual({ kind: 'filled', origin: SITE });
    expect(calls.at(-1)).toEqual(['SECRET-1', SITE]);
  });
});
