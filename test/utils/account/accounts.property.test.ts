import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clearSession, loadSession, type Session, saveSession, switchSession } from '../../../utils/account';
import { backgroundClipboardGuard, CLIPBOARD_ALARM } from '../../../utils/clipboard/guard';
import { ALARM_MINIMUM_MS } from '../../../utils/clipboard/rule';
import { createFiller, type FillDeps, fillToken } from '../../../utils/fill/filler';
import { menuItems, tokenOfMenuItem } from '../../../utils/fill/menu';
import { loadAccountSettings, type Settings, saveSettings } from '../../../utils/settings';
import {
  listAllTokens,
  listGrants,
  listTokens,
  openTokenDb,
  readMenuSource,
  type Scope,
} from '../../../utils/store';
import { backgroundSync } from '../../../utils/sync/background';
import { createEngine, type Engine } from '../../../utils/sync/engine';
import { createFakeApi } from '../../helpers/fake-api';
import { frameAnswer } from '../../helpers/frame-answer';

/*
 * Issue 15: random sequences of what a person does with two accounts of one service (switch,
 * create, revoke, revoke while the service fails, sync, the background's round, fill and the
 * site's yes, a menu entry of the other account, the context menu's entries and the shortcut,
 * each maybe with a switch of account in the middle, settings and copies) never mix them. Both
 * fake services hand out the same ids, so a revoke, a grant or a fill that reached the wrong
 * account would hit a real token there. The service's secrets name their account, so a secret in
 * the wrong scope shows.
 */

const ACCOUNTS = ['A', 'B'] as const;
type Who = (typeof ACCOUNTS)[number];
const SERVICE = 'http://127.0.0.1:8787';
const SITE = 'https://ci.example';
const T0 = 1_800_000_000_000;
const scopeOf = (who: Who): Scope => ({ service: SERVICE, account: who });
const sessionOf = (who: Who): Session => ({
  serviceUrl: SERVICE,
  credential: `cred-${who}`,
  account: who,
  email: `${who}@x.y`,
});

type Action =
  | { t: 'switch'; who: Who }
  | { t: 'create'; name: string }
  | { t: 'revoke' | 'fill' | 'menu-other'; pick: number }
  | { t: 'fail-revoke'; who: Who }
  | { t: 'sync' | 'background' }
  /** The context menu as built for the shown account: entry `pick` clicked, perhaps after a switch. */
  | { t: 'menu'; pick: number; switchFirst: boolean }
  /** The fill shortcut, perhaps with a switch of account while it runs. */
  | { t: 'shortcut'; switchMidway: boolean }
  | { t: 'settings'; who: Who; syncMinutes: number; clipboardSeconds: number }
  /** A page copies a token of `who`: the clipboard clears after that account's delay. */
  | { t: 'copy'; who: Who };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ t: fc.constant('switch' as const), who: fc.constantFrom(...ACCOUNTS) }),
  fc.record({ t: fc.constant('create' as const), name: fc.constantFrom('laptop', 'ci') }),
  fc.record({
    t: fc.constantFrom('revoke' as const, 'fill' as const, 'menu-other' as const),
    pick: fc.nat(9),
  }),
  fc.record({ t: fc.constant('fail-revoke' as const), who: fc.constantFrom(...ACCOUNTS) }),
  fc.record({ t: fc.constantFrom('sync' as const, 'background' as const) }),
  fc.record({ t: fc.constant('menu' as const), pick: fc.nat(9), switchFirst: fc.boolean() }),
  fc.record({ t: fc.constant('shortcut' as const), switchMidway: fc.boolean() }),
  fc.record({
    t: fc.constant('settings' as const),
    who: fc.constantFrom(...ACCOUNTS),
    syncMinutes: fc.constantFrom(5, 15, 30, 60),
    clipboardSeconds: fc.constantFrom(0, 15, 30, 60, 120, 300),
  }),
  fc.record({ t: fc.constant('copy' as const), who: fc.constantFrom(...ACCOUNTS) }),
);

/** A fake service per account whose secrets name the account, and the ids the person revoked there. */
function world() {
  const fakes = Object.fromEntries(
    ACCOUNTS.map((who) => {
      const fake = createFakeApi();
      const create = fake.api.createToken;
      fake.api.createToken = async (name) => {
        const made = await create(name);
        const token = made.ok && made.value.id ? fake.tokens.get(made.value.id) : undefined;
        if (token) token.secret = `eyJ.${who}-${token.id}.sig`;
        return made;
      };
      return [who, fake];
    }),
  ) as Record<Who, ReturnType<typeof createFakeApi>>;
  let now = T0;
  const engine = createEngine({
    loadSession,
    endSession: (scope) => clearSession(scope),
    openDb: () => openTokenDb(),
    makeApi: (session) => fakes[session.account as Who].api,
    now: () => now,
    random: () => 0.5,
  });
  const filled: Array<{ who: Who; secret: string }> = [];
  const fillDeps = (who: Who): FillDeps => ({
    loadSession,
    openDb: () => openTokenDb(),
    probe: async () => [frameAnswer({ origin: SITE })],
    fillFrame: async (_frame, secret, origin, path) => {
      filled.push({ who, secret });
      return frameAnswer({ origin, path: JSON.parse(path) });
    },
    openPopup: async () => {},
    leaveQuestion: async () => {},
    now: () => now,
  });
  const revoked: Record<Who, Set<string>> = { A: new Set(), B: new Set() };
  // The background's one filler (the shortcut's cycle lives in it): a fill is expected in the
  // account `chosen` names, the one whose token the menu entry or the shortcut picked.
  const chosen: { who: Who; switchMidway: boolean } = { who: 'A', switchMidway: false };
  const filler = createFiller({
    ...fillDeps('A'),
    loadSession: async () => {
      const session = await loadSession();
      if (chosen.switchMidway) {
        chosen.switchMidway = false;
        await switchSession(scopeOf(session?.account === 'A' ? 'B' : 'A'));
      }
      return session;
    },
    fillFrame: async (_frame, secret, origin, path) => {
      filled.push({ who: chosen.who, secret });
      return frameAnswer({ origin, path: JSON.parse(path) });
    },
  });
  const settings: Record<Who, Settings | null> = { A: null, B: null };
  const clipboard = backgroundClipboardGuard(async () => {
    const shown = await loadSession();
    return shown && scopeOf(shown.account as Who);
  });
  const tick = () => (now += 3_600_000);
  return { fakes, engine, fillDeps, filled, revoked, tick, filler, chosen, settings, clipboard };
}

/** The menu built for the shown account names only its own tokens; a click fills that account's token or nothing. */
async function clickMenu(w: ReturnType<typeof world>, who: Who, pick: number, switchFirst: boolean) {
  const db = await openTokenDb();
  const source = await readMenuSource(db, scopeOf(who)).finally(() => db.close());
  const entries = menuItems(scopeOf(who), source.tokens, source.grants).flatMap((item) => {
    const entry = tokenOfMenuItem(item.id);
    return entry ? [entry] : [];
  });
  const own = new Set(source.tokens.filter((t) => t.state === 'active').map((t) => t.id));
  for (const entry of entries) {
    expect(entry.scope).toEqual(scopeOf(who));
    expect(own.has(entry.id)).toBe(true);
  }
  const entry = entries[pick % Math.max(entries.length, 1)];
  if (!entry) return;
  if (switchFirst) await switchSession(scopeOf(who === 'A' ? 'B' : 'A'));
  w.chosen.who = who;
  const reply = await w.filler.fillFromPage(entry.id, entry.scope);
  if (switchFirst) expect(reply.kind).toBe('error');
}

/** A copy of a token of `who` arms the clear after `who`'s own delay, whichever account is shown. */
async function copyOf(w: ReturnType<typeof world>, who: Who): Promise<void> {
  const before = Date.now();
  await w.clipboard.copied({ salt: 'a'.repeat(32), digest: '1'.repeat(64) }, scopeOf(who));
  const after = Date.now();
  const seconds = (w.settings[who] ?? { clipboardSeconds: 30 }).clipboardSeconds;
  const alarm = await fakeBrowser.alarms.get(CLIPBOARD_ALARM);
  if (seconds === 0) return expect(alarm).toBeUndefined();
  const delay = Math.max(seconds * 1000, ALARM_MINIMUM_MS);
  expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(before + delay);
  expect(alarm?.scheduledTime).toBeLessThanOrEqual(after + delay);
}

async function localActive(who: Who): Promise<string[]> {
  const db = await openTokenDb();
  const tokens = await listTokens(db, scopeOf(who)).finally(() => db.close());
  return tokens.filter((t) => t.state === 'active').map((t) => t.id);
}

async function act(w: ReturnType<typeof world>, a: Action, engine: Engine): Promise<void> {
  const who = ((await loadSession())?.account ?? 'A') as Who;
  const other: Who = who === 'A' ? 'B' : 'A';
  if (a.t === 'switch') await switchSession(scopeOf(a.who));
  else if (a.t === 'create') await engine.create(a.name);
  else if (a.t === 'sync') await engine.sync({ now: true });
  else if (a.t === 'background') await backgroundSync(engine, () => T0);
  else if (a.t === 'fail-revoke')
    w.fakes[a.who].failNext('revokeToken', { code: 'network', message: 'down' });
  else if (a.t === 'menu') await clickMenu(w, who, a.pick, a.switchFirst);
  else if (a.t === 'shortcut') {
    Object.assign(w.chosen, { who, switchMidway: a.switchMidway });
    await w.filler.fillSiteDefault();
    w.chosen.switchMidway = false;
  } else if (a.t === 'settings') {
    const next = { syncMinutes: a.syncMinutes, clipboardSeconds: a.clipboardSeconds };
    await saveSettings(scopeOf(a.who), next);
    w.settings[a.who] = next;
  } else if (a.t === 'copy') await copyOf(w, a.who);
  else if ('pick' in a) {
    const ids = await localActive(a.t === 'menu-other' ? other : who);
    const id = ids[a.pick % Math.max(ids.length, 1)];
    if (id === undefined) return;
    if (a.t === 'revoke') {
      w.revoked[who].add(id);
      await engine.revoke(id);
    } else if (a.t === 'fill') await fillToken(w.fillDeps(who), id, SITE);
    // A menu entry made for the other account, clicked after the switch: filled nowhere.
    else expect(await fillToken(w.fillDeps(who), id, SITE, scopeOf(other))).toMatchObject({ kind: 'error' });
  }
  w.tick();
}

/** Nothing of one account is in the other's scope, on this device or at the services. */
async function expectApart(w: ReturnType<typeof world>): Promise<void> {
  const db = await openTokenDb();
  const [all, grantsA, grantsB] = await Promise.all([
    listAllTokens(db),
    listGrants(db, scopeOf('A')),
    listGrants(db, scopeOf('B')),
  ]).finally(() => db.close());
  for (const token of all) if (token.secret) expect(token.secret).toContain(`.${token.account}-`);
  const ids = (who: Who) => new Set(all.filter((t) => t.account === who).map((t) => t.id));
  for (const [who, grants] of [
    ['A', grantsA],
    ['B', grantsB],
  ] as const)
    for (const grant of grants) expect(ids(who).has(grant.tokenId)).toBe(true);
  for (const fill of w.filled) expect(fill.secret).toContain(`.${fill.who}-`);
  // Each account's settings are its own: what was set for it, else the defaults.
  const settings = await loadAccountSettings(ACCOUNTS.map(scopeOf));
  for (const [i, who] of ACCOUNTS.entries())
    expect(settings[i]).toMatchObject(w.settings[who] ?? { syncMinutes: 15, clipboardSeconds: 30 });
  for (const who of ACCOUNTS) {
    // Every token gone at a service was revoked by the person in that account.
    const made = [...ids(who)];
    const kept = new Set(w.fakes[who].tokens.keys());
    for (const id of made.filter((id) => !kept.has(id))) expect(w.revoked[who].has(id)).toBe(true);
  }
}

describe('several accounts never mix', () => {
  it('should keep tokens, grants, fills and revokes of two accounts apart whatever the person does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 25 }), async (actions) => {
        fakeBrowser.reset();
        globalThis.indexedDB = new IDBFactory();
        await saveSession(sessionOf('A'));
        await saveSession(sessionOf('B'));
        const w = world();
        // Each account starts with a token filled on the site (the same id in both, as the fakes
        // count alike), so the shortcut and the menu have something to fill from the first action.
        for (const who of ACCOUNTS) {
          await switchSession(scopeOf(who));
          await w.engine.create('seed');
          const [seed] = await localActive(who);
          if (seed) await fillToken(w.fillDeps(who), seed, SITE);
        }
        for (const a of actions) {
          await act(w, a, w.engine);
          await expectApart(w);
        }
        // The faults stop (a fault still queued spends itself on the first sync): syncs of each
        // account send its waiting revokes, to its own service.
        for (const who of ACCOUNTS) {
          await switchSession(scopeOf(who));
          for (const _ of [1, 2]) await w.engine.sync({ now: true });
        }
        for (const who of ACCOUNTS)
          for (const id of w.revoked[who]) expect(w.fakes[who].tokens.has(id)).toBe(false);
        await expectApart(w);
      }),
      { numRuns: 40 },
    );
  });
});
