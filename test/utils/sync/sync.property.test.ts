import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../../utils/account/session';
import type { ApiToken } from '../../../utils/api/shapes';
import { ok } from '../../../utils/lib/result';
import { getAccount, listTokens } from '../../../utils/store/db';
import { openTokenDb } from '../../../utils/store/open';
import { CLOCK_SKEW_MS, REVOKED_KEEP_MS, type Scope, type TokenRecord } from '../../../utils/store/records';
import type { TokenDatabase } from '../../../utils/store/schema';
import { SYNC_LOCK, syncAccount } from '../../../utils/sync/sync';
import { withLock } from '../../../utils/sync/with-lock';
import { createTokensModel, type TokensModel } from '../../../utils/tokens/model';
import {
  ContextStopped,
  createFaultyService,
  type FaultyService,
  type QueuedFault,
} from '../../helpers/faulty-service';
import { type LocalDeps, localTokensDeps } from '../../helpers/local-deps';

/*
 * Random sequences of what a person does in the popup, what another client does on the service,
 * and what goes wrong in between (every fault of the issue, injected by the fake service); then
 * the faults stop, the longest backoff passes, and one sync must leave the device agreeing with
 * the service, having lost, resurrected or duplicated nothing.
 *
 * The person retries a create that failed until it works, stops once its token shows up in the
 * list, and after the page closed mid-create waits until a list has loaded. The two shrunk cases
 * that once made duplicates here are regular tests in create-token.test.ts:
 * - faults [lost(network) on create, 500 on list], create "laptop", sync, create "laptop";
 * - the page stops after the service made the token (in the create, or before its list), the
 *   list after the restart fails, create "laptop" again.
 */

const session: Session = {
  serviceUrl: 'http://127.0.0.1:8787',
  credential: 'w3ss_p',
  account: '42',
  email: 'a@b.c',
};
const scope: Scope = { service: session.serviceUrl, account: session.account };
const T0 = 1_800_000_000_000;
const HOUR = 3_600_000;
const NAMES = ['laptop', 'ci', 'backup'] as const;
type Name = (typeof NAMES)[number];

type Action =
  | { t: 'create'; name: Name }
  | { t: 'revoke' | 'copy' | 'other-revoke' | 'other-upload'; pick: number }
  | { t: 'sync' | 'sync-now' | 'restart' }
  | { t: 'background'; first: boolean }
  | { t: 'other-create'; name: Name }
  | { t: 'tick'; ms: number }
  | { t: 'faults'; faults: QueuedFault[] };

const name = fc.constantFrom(...NAMES);
const pick = fc.nat({ max: 20 });
const method = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('listTokens', 'createToken', 'revokeToken') },
  { weight: 1, arbitrary: fc.constant(undefined) },
);
const fault: fc.Arbitrary<QueuedFault> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'server',
        'maintenance',
        'sunset',
        'rate-limited',
        'timeout',
        'network',
        'signed-out',
      ),
      on: method,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('lost'),
      as: fc.constantFrom('network', 'timeout', 'server'),
      on: method,
    }),
  },
  // The background stopping: before the list, between the list and the revokes, or between
  // sending a revoke and recording what the service said.
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('crash-before', 'crash-after'),
      on: fc.constantFrom('listTokens', 'revokeToken'),
    }),
  },
);
const ticks = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 60_000 }) },
  { weight: 3, arbitrary: fc.integer({ min: 60_000, max: 2 * HOUR }) },
  { weight: 1, arbitrary: fc.constant(REVOKED_KEEP_MS + HOUR) },
);
const actions: { [K in Action['t']]: fc.Arbitrary<Action> } = {
  create: fc.record({ t: fc.constant('create'), name }),
  revoke: fc.record({ t: fc.constant('revoke'), pick }),
  copy: fc.record({ t: fc.constant('copy'), pick }),
  sync: fc.record({ t: fc.constant('sync') }),
  'sync-now': fc.record({ t: fc.constant('sync-now') }),
  background: fc.record({ t: fc.constant('background'), first: fc.boolean() }),
  restart: fc.record({ t: fc.constant('restart') }),
  'other-create': fc.record({ t: fc.constant('other-create'), name }),
  'other-revoke': fc.record({ t: fc.constant('other-revoke'), pick }),
  'other-upload': fc.record({ t: fc.constant('other-upload'), pick }),
  tick: fc.record({ t: fc.constant('tick'), ms: ticks }),
  faults: fc.record({ t: fc.constant('faults'), faults: fc.array(fault, { minLength: 1, maxLength: 4 }) }),
};

/** Sequences of up to 25 actions drawn with the given weights. */
function scenario(weights: Partial<Record<Action['t'], number>>) {
  const mix = Object.entries(weights).map(([t, weight]) => ({
    weight,
    arbitrary: actions[t as Action['t']],
  }));
  return fc.record({
    initial: fc.array(name, { maxLength: 3 }),
    // The service's clock may differ from ours, within what matching a lost create allows.
    skew: fc.integer({ min: -CLOCK_SKEW_MS / 2, max: CLOCK_SKEW_MS / 2 }),
    jitter: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    actions: fc.array(fc.oneof(...mix), { maxLength: 25, size: 'max' }),
  });
}
type Scenario = ReturnType<typeof scenario> extends fc.Arbitrary<infer T> ? T : never;

const STOPPED = Symbol('the context stopped');

/** Runs what the extension would run until it stops; a stop is the only exception allowed. */
async function guard<T>(work: Promise<T>): Promise<T | typeof STOPPED> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ContextStopped) return STOPPED;
    throw error;
  }
}

/** A plain check: `expect` costs more than the sync itself on this hot path. */
function holds(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`Invariant broken: ${message}`);
}

const byId = (a: { id: string }, b: { id: string }): number => a.id.localeCompare(b.id);

/** A create the person asked for, followed until they know whether it happened. */
interface Intent {
  /** Ids of tokens with that name the person could already see. */
  seen: Set<string>;
  /** Tokens the service made for it; another client may have revoked some since. */
  made: string[];
  /** Set when the page closed mid-create: count of lists by then. */
  listsAtStop: number | null;
}

class World {
  clock = T0;
  /** Time moves on while code runs: no two readings are equal (see the same-millisecond case in reconcile.test.ts). */
  readonly now = (): number => ++this.clock;
  readonly service: FaultyService;
  readonly clipboard: string[] = [];
  readonly issued = new Map<string, ApiToken>();
  readonly requested = new Set<string>();
  /** Revoked ids and when. */
  readonly everRevoked = new Map<string, number>();
  readonly copied = new Map<string, number>();
  readonly firstSeen = new Map<string, number>();
  readonly intents = new Map<Name, Intent>();
  private readonly dbs: TokenDatabase[] = [];
  private signedIn = true;
  model: TokensModel;
  check!: TokenDatabase;

  constructor(
    private readonly jitter: number,
    skew: number,
  ) {
    this.service = createFaultyService(() => this.clock + skew);
    this.model = this.newModel();
  }

  private newModel(): TokensModel {
    const deps: LocalDeps = {
      loadSession: async () => (this.signedIn ? session : null),
      endSession: async () => {
        this.signedIn = false;
      },
      openDb: async () => {
        const db = await openTokenDb();
        this.dbs.push(db);
        return db;
      },
      makeApi: () => this.service.api,
      copyText: async (text) => {
        this.clipboard.push(text);
        return ok(undefined);
      },
      now: this.now,
      random: () => this.jitter,
    };
    return createTokensModel(localTokensDeps(deps));
  }

  async open(initial: readonly Name[]): Promise<void> {
    for (const n of initial) this.service.other.create(n);
    this.check = await openTokenDb();
    await this.recover(await guard(this.model.start()));
  }

  /** After a stop the context starts again from IndexedDB; after a 401 the person signs in again. */
  async recover(outcome: unknown): Promise<void> {
    for (let round = 0; round < 100; round++) {
      if (outcome === STOPPED) {
        vi.clearAllTimers();
        for (const db of this.dbs.splice(0)) db.close();
        this.model = this.newModel();
      } else if (this.model.state.value === 'signed-out') {
        this.signedIn = true;
      } else return;
      outcome = await guard(this.model.start());
    }
    throw new Error('the extension never came back');
  }

  records(): Promise<TokenRecord[]> {
    return listTokens(this.check, scope);
  }

  async perform(a: Action): Promise<void> {
    const tokens = (await this.records()).sort(byId);
    const chosen = 'pick' in a ? tokens[a.pick % Math.max(1, tokens.length)] : undefined;
    switch (a.t) {
      case 'create':
        return this.create(a.name);
      case 'revoke':
        if (!chosen) return;
        if (chosen.state === 'active') this.requested.add(chosen.id);
        return this.recover(await guard(this.model.revoke(chosen.id)));
      case 'copy': {
        const shown = this.model.tokens.value.find((t) => t.id === chosen?.id);
        if (!shown) return;
        const before = this.clipboard.length;
        await this.model.copy(shown.id);
        if (this.clipboard.length === before) return;
        expect(shown.state).toBe('active');
        expect(this.clipboard.at(-1)).toBe(this.issued.get(shown.id)?.secret);
        const at = this.model.tokens.value.find((t) => t.id === shown.id)?.lastCopiedAt;
        holds(typeof at === 'number', 'a copy without a time');
        this.copied.set(shown.id, at);
        return;
      }
      case 'sync':
        return this.recover(await guard(this.model.refresh()));
      case 'sync-now':
        return this.recover(await guard(this.model.refresh({ now: true })));
      case 'background':
        return this.background(a.first);
      case 'restart':
        return this.recover(STOPPED);
      case 'other-create':
        this.service.other.create(a.name);
        return;
      case 'other-revoke':
      case 'other-upload': {
        const live = [...this.service.tokens.keys()].sort();
        const id = live[a.pick % Math.max(1, live.length)];
        if (id && a.t === 'other-revoke') this.service.other.revoke(id);
        if (id && a.t === 'other-upload') this.service.other.upload(id);
        return;
      }
      case 'tick':
        this.clock += a.ms;
        return;
      case 'faults':
        this.service.faults.push(...a.faults);
        return;
    }
  }

  /** The background's alarm fires while the page syncs too: the lock puts one after the other. */
  private async background(first: boolean): Promise<void> {
    const run = async (): Promise<unknown> => {
      const db = await openTokenDb();
      try {
        const ctx = { api: this.service.api, db, scope, now: this.now, random: () => this.jitter };
        return await withLock(SYNC_LOCK, () => syncAccount(ctx));
      } finally {
        db.close();
      }
    };
    const page = (): Promise<unknown> => this.model.refresh();
    const [a, b] = await Promise.allSettled(first ? [run(), page()] : [page(), run()]);
    const [bg, pg] = first ? [a, b] : [b, a];
    for (const settled of [bg, pg]) {
      if (settled.status === 'rejected' && !(settled.reason instanceof ContextStopped)) throw settled.reason;
    }
    await this.recover(pg.status === 'rejected' ? STOPPED : pg.value);
  }

  /**
   * The person asks for a token and, on any failure, asks again later until they get it or see it
   * in the list. Every create sent on their behalf counts towards this one intent.
   */
  private async create(n: Name): Promise<void> {
    const records = await this.records();
    let intent = this.intents.get(n);
    // "Old" stays what was known before the first try of this name: a later create of the name may
    // be answered with a token an earlier try made (create-token.ts keeps a settled attempt for
    // that, and cannot tell it from another client's token of the same name made meanwhile).
    const seenFirst = intent?.seen;
    if (intent) {
      const { seen } = intent;
      if (records.some((r) => r.name === n && !seen.has(r.id))) intent = undefined;
      else if (intent.listsAtStop !== null && this.service.log.lists <= intent.listsAtStop) return;
    }
    intent ??= {
      seen: seenFirst ?? new Set(records.filter((r) => r.name === n).map((r) => r.id)),
      made: [],
      listsAtStop: null,
    };
    const before = this.service.log.creates.length;
    const outcome = await guard(this.model.create(n));
    const made = this.service.log.creates.slice(before).map((c) => c.id);
    intent.made.push(...made);
    const live = intent.made.filter((id) => this.service.tokens.has(id));
    holds(live.length <= 1, `one create of “${n}” left two tokens: ${live.join(', ')}`);
    intent.listsAtStop = outcome === STOPPED ? this.service.log.lists : null;
    if (outcome === STOPPED || !outcome.ok) this.intents.set(n, intent);
    else this.intents.delete(n);
    if (outcome !== STOPPED && outcome.ok && outcome.token) {
      holds(outcome.token.name === n, `asked for “${n}”, got “${outcome.token.name}”`);
      holds(!intent.seen.has(outcome.token.id), `an old token was shown as the new “${n}”`);
    }
    if (outcome !== STOPPED && !outcome.ok && outcome.message.includes('Nothing was created')) {
      holds(made.length === 0, `“${n}” was created, yet the person was told “${outcome.message}”`);
    }
    await this.recover(outcome);
  }

  /** What must hold after every step, faults or not. */
  async invariants(): Promise<void> {
    for (const token of this.service.tokens.values()) this.issued.set(token.id, token);
    const records = await this.records();
    const local = new Map(records.map((r) => [r.id, r]));
    for (const r of records) {
      holds(this.issued.has(r.id), `${r.id} was never made by the service`);
      holds(
        (r.state === 'pending-revoke') === (r.pendingRevoke !== null),
        `${r.id}: state and outbox disagree`,
      );
      if (r.state === 'revoked')
        holds(r.secret === '' && r.revokedAt !== null, `${r.id}: revoked keeps a secret`);
      else holds(r.revokedAt === null, `${r.id}: live with a revoke date`);
      holds(r.firstSeenAt === (this.firstSeen.get(r.id) ?? r.firstSeenAt), `${r.id}: firstSeenAt changed`);
      this.firstSeen.set(r.id, r.firstSeenAt);
    }
    for (const [id, at] of this.everRevoked) {
      const record = local.get(id);
      if (record) holds(record.state === 'revoked', `${id} came back`);
      else holds(this.clock - at > REVOKED_KEEP_MS, `${id} was purged before 30 days`);
    }
    for (const r of records)
      if (r.state === 'revoked' && r.revokedAt !== null) this.everRevoked.set(r.id, r.revokedAt);
    for (const id of this.requested) {
      const state = local.get(id)?.state ?? 'revoked';
      const visible = state === 'pending-revoke' || (state === 'revoked' && !this.service.tokens.has(id));
      holds(visible, `the revoke of ${id} is ${state}: neither done nor visibly pending`);
    }
    for (const { id, removed } of this.service.log.deletes) {
      holds(removed, `a DELETE of ${id} was sent after it was gone`);
      holds(this.requested.has(id), `${id} was revoked without being asked`);
    }
    for (const [id, at] of this.copied) {
      const record = local.get(id);
      holds(
        !record || record.lastCopiedAt === at,
        `${id}: lastCopiedAt ${at} became ${record?.lastCopiedAt}`,
      );
    }
    holds(!this.model.syncing.value, 'still shown as syncing');
  }

  /**
   * Faults stop and the longest backoff passes: one sync must bring the device in line with the
   * service, and a second must change nothing.
   */
  async converge(): Promise<void> {
    this.service.faults.length = 0;
    this.clock += HOUR;
    const before = this.clock;
    expect((await this.model.refresh()).ok).toBe(true);
    await this.invariants();
    const records = (await this.records()).sort(byId);
    const live = records.filter((r) => r.state !== 'revoked');
    expect(live.map((r) => r.id)).toEqual([...this.service.tokens.keys()].sort());
    expect(live.filter((r) => r.state !== 'active')).toEqual([]);
    expect(
      [...this.requested].filter((id) => this.service.tokens.has(id)),
      'revokes never sent',
    ).toEqual([]);
    // The page holds the rows without their secrets (a copy reads one from the store).
    expect([...this.model.tokens.value].sort(byId)).toStrictEqual(
      records.map((record) => ({ ...record, secret: '', sealed: null })),
    );
    expect(this.model.visible.value.map((t) => t.id).sort()).toEqual(live.map((r) => r.id));
    expect(this.model.error.value).toBeNull();
    expect(this.model.lastSyncedAt.value).toBeGreaterThan(before);
    // Every attempt is settled by the final list; only those that made a token are kept (for a retry).
    expect((await getAccount(this.check, scope))?.createAttempts.filter((a) => !a.tokenId)).toEqual([]);

    const deletes = this.service.log.deletes.length;
    expect((await this.model.refresh()).ok).toBe(true);
    expect((await this.records()).sort(byId)).toStrictEqual(records);
    expect(this.service.log.deletes).toHaveLength(deletes);
  }

  close(): void {
    vi.clearAllTimers();
    for (const db of this.dbs.splice(0)) db.close();
    this.check?.close();
  }
}

async function run({ initial, skew, jitter, actions }: Scenario): Promise<void> {
  globalThis.indexedDB = new IDBFactory();
  const world = new World(jitter, skew);
  try {
    await world.open(initial);
    await world.invariants();
    for (const a of actions) {
      await world.perform(a);
      await world.invariants();
    }
    await world.converge();
  } finally {
    world.close();
  }
}

describe('sync engine', () => {
  beforeAll(() => {
    // The page's retry timer is not part of these runs; syncs happen when the actions say so.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // Each run is one extension; no run may hear another's change announcements.
    vi.stubGlobal('BroadcastChannel', undefined);
  });

  afterAll(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const RUNS = 1000;

  it('should agree with the service after faults stop, losing, resurrecting and duplicating nothing', async () => {
    const everything = scenario({
      create: 3,
      revoke: 3,
      copy: 2,
      sync: 2,
      'sync-now': 1,
      background: 1,
      restart: 1,
      'other-create': 2,
      'other-revoke': 2,
      'other-upload': 1,
      tick: 3,
      faults: 4,
    });
    await fc.assert(fc.asyncProperty(everything, run), { numRuns: RUNS });
  }, 120_000);

  it('should never leave two tokens for one create, whatever answers are lost', async () => {
    const creates = scenario({
      create: 5,
      sync: 1,
      background: 1,
      restart: 1,
      'other-create': 3,
      'other-revoke': 1,
      tick: 2,
      faults: 5,
    });
    await fc.assert(fc.asyncProperty(creates, run), { numRuns: RUNS });
  }, 120_000);

  it('should send every requested revoke exactly once, through outages and restarts', async () => {
    const revokes = scenario({
      create: 2,
      revoke: 4,
      copy: 2,
      sync: 2,
      'sync-now': 2,
      background: 2,
      restart: 2,
      'other-revoke': 1,
      'other-upload': 1,
      tick: 4,
      faults: 5,
    });
    await fc.assert(fc.asyncProperty(revokes, run), { numRuns: RUNS });
  }, 120_000);
});
