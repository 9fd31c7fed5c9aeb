import { describe, expect, it } from 'vitest';
import { allowedOn, CYCLE_WINDOW_MS, createCycle } from '../../../utils/fill/cycle';
import { createFiller } from '../../../utils/fill/filler';
import type { FrameAnswer } from '../../../utils/fill/frames';
import type { GrantRecord } from '../../../utils/store';
import { addGrant, applyList, recordFill } from '../../../utils/store/db';
import { openTokenDb } from '../../../utils/store/open';
import { frameAnswer } from '../../helpers/frame-answer';
import { testSession } from '../../helpers/session';

const SITE = 'https://ci.example';
const allowed = [
  { id: '3', name: 'staging' },
  { id: '1', name: 'ci deploy' },
  { id: '2', name: 'laptop' },
];

describe('createCycle', () => {
  it('should fill the site default first, then each other allowed token in name order, round and round', () => {
    const pick = createCycle();
    const ids = [0, 1000, 2000, 3000, 4000].map((at) => pick(SITE, '2', allowed, at));
    expect(ids).toEqual(['2', '3', '1', '2', '3']);
  });

  it.each([
    ['after the window', 'https://ci.example', CYCLE_WINDOW_MS + 1],
    ['on another site', 'https://other.example', 1000],
  ])('should start again at the default %s', (_, origin, at) => {
    const pick = createCycle();
    expect(pick(SITE, '1', allowed, 0)).toBe('1');
    expect(pick(origin, '1', allowed, at)).toBe('1');
  });

  it('should start again at the default after a switch of account, even where the ids are alike (issue 15)', () => {
    const pick = createCycle();
    expect(pick(SITE, '2', allowed, 0, 'A')).toBe('2');
    // Account B has tokens with the same ids: its first press fills its own default, not A's next.
    expect(pick(SITE, '1', allowed, 1000, 'B')).toBe('1');
    expect(pick(SITE, '1', allowed, 2000, 'B')).toBe('2');
  });

  it('should start at the default when the token filled last is no longer allowed', () => {
    const pick = createCycle();
    expect(pick(SITE, '1', allowed, 0)).toBe('1');
    expect(pick(SITE, '2', allowed.slice(2), 1000)).toBe('2');
  });

  it('should pick nothing where nothing is allowed, and remember no press then', () => {
    const pick = createCycle();
    expect(pick(SITE, null, [], 0)).toBeNull();
    expect(pick(SITE, '1', allowed, 1000)).toBe('1');
  });
});

describe('allowedOn', () => {
  const grant = (tokenId: string, origin: string): GrantRecord => ({
    service: 's',
    account: 'a',
    tokenId,
    origin,
    grantedAt: 0,
  });

  it('should keep the active tokens with a yes for that origin', () => {
    const tokens = [
      { id: '1', name: 'a', state: 'active' },
      { id: '2', name: 'b', state: 'pending-revoke' },
      { id: '3', name: 'c', state: 'active' },
      { id: '4', name: 'd', state: 'active' },
    ];
    const grants = [
      grant('1', SITE),
      grant('2', SITE),
      grant('3', 'https://other.example'),
      grant('4', SITE),
    ];
    expect(allowedOn(tokens, grants, SITE).map((t) => t.id)).toEqual(['1', '4']);
  });
});

describe('the fill shortcut, pressed again', () => {
  it('should fill the next token allowed on the site, then start again after a pause', async () => {
    const scope = { service: testSession.serviceUrl, account: testSession.account };
    const db = await openTokenDb('cycle');
    const token = (id: string, name: string) => ({
      id,
      name,
      secret: `SECRET-${id}`,
      created: '2026-01-01T00:00:00.000+00:00',
      hasUploads: false,
    });
    await applyList(db, scope, [token('1', 'ci'), token('2', 'laptop'), token('3', 'not here')], 1);
    for (const id of ['1', '2']) await addGrant(db, { ...scope, tokenId: id, origin: SITE, grantedAt: 0 });
    await recordFill(db, { ...scope, tokenId: '2', origin: SITE, at: 1 });
    db.close();
    let now = 10_000;
    const filled: string[] = [];
    const answer = (frameId: number): FrameAnswer => frameAnswer({ frameId, origin: SITE });
    const filler = createFiller({
      loadSession: async () => testSession,
      openDb: () => openTokenDb('cycle'),
      probe: async () => [answer(0)],
      fillFrame: async (frameId, secret) => {
        filled.push(secret);
        return answer(frameId);
      },
      openPopup: async () => {},
      leaveQuestion: async () => {},
      now: () => now,
    });
    for (const at of [10_000, 11_000, 12_000, 12_000 + CYCLE_WINDOW_MS + 1]) {
      now = at;
      expect((await filler.fillSiteDefault())?.kind).toBe('filled');
    }
    // laptop (filled last), then ci, laptop by name; after the pause, the last filled again.
    expect(filled).toEqual(['SECRET-2', 'SECRET-1', 'SECRET-2', 'SECRET-2']);
  });
});
