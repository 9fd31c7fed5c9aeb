import { describe, expect, it, vi } from 'vitest';
import { applyList, listGrants, listUsage, openTokenDb, requestRevoke } from '../../utils/db';
import { createFiller, type FillDeps, fillToken } from '../../utils/fill';
import type { PageAnswer } from '../../utils/fill-page';
import { testScope, testSession } from '../helpers/session';

const session = testSession;
const scope = testScope;
const SITE = 'https://ci.example';
let dbCount = 0;

/** A tab at `origin` (later `after`, to play a navigation) with or without a field. */
async function setup(page: { origin?: string; found?: boolean; after?: string } = {}) {
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
    runInTab: vi.fn(async (secret: string | null, origin: string | null): Promise<PageAnswer | null> => {
      calls.push([secret, origin]);
      const here = secret !== null && page.after ? page.after : (page.origin ?? SITE);
      return { origin: here, found: page.found ?? true };
    }),
    openPopup: vi.fn(async () => {}),
    now: () => 1000,
  };
  return { db, deps, calls };
}

describe('fillToken', () => {
  it('should ask before the first fill of a token on an origin, without sending the secret', async () => {
    const { db, deps, calls } = await setup();
    expect(await fillToken(deps, '1')).toEqual({ kind: 'confirm', origin: SITE });
    expect(calls).toEqual([[null, null]]);
    expect(await listGrants(db, scope)).toEqual([]);
  });

  it('should fill once confirmed, remember the yes and record the fill', async () => {
    const { db, deps, calls } = await setup();
    expect(await fillToken(deps, '1', SITE)).toEqual({ kind: 'filled', origin: SITE });
    expect(calls).toEqual([
      [null, null],
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
    deps.runInTab = async () => null;
    expect(await fillToken(deps, '1', SITE)).toMatchObject({ kind: 'error' });
    await requestRevoke(db, scope, '1', 5);
    expect(await fillToken(deps, '1', SITE)).toMatchObject({ kind: 'error', message: /no longer active/ });
    deps.loadSession = async () => null;
    expect(await fillToken(deps, '1', SITE)).toMatchObject({ kind: 'error', message: /Sign in/ });
  });
});

describe('createFiller', () => {
  it('should ask in the popup when a menu fill meets a new site, once', async () => {
    const { deps, calls } = await setup();
    const filler = createFiller(deps);
    expect(await filler.fillFromPage('1')).toEqual({ kind: 'confirm', origin: SITE });
    expect(deps.openPopup).toHaveBeenCalledTimes(1);
    expect(calls.every(([secret]) => secret === null)).toBe(true);
    expect(filler.takePending()).toEqual({ id: '1', origin: SITE });
    expect(filler.takePending()).toBeNull();
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
