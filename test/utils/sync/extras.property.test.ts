import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiToken } from '../../../utils/api/shapes';
import { getAccount, listTokens } from '../../../utils/store/db';
import { openTokenDb } from '../../../utils/store/open';
import { CLOCK_SKEW_MS, type Scope, type TokenRecord } from '../../../utils/store/records';
import type { TokenDatabase } from '../../../utils/store/schema';
import { createToken } from '../../../utils/sync/create-token';
import { planSync } from '../../../utils/sync/reconcile';
import { type SyncContext, syncAccount } from '../../../utils/sync/sync';
import { ContextStopped, createFaultyService, type FaultyService } from '../../helpers/faulty-service';

/*
 * Issue 18: one click on Create, a classic server that acts on every request the browser resends
 * after a lost answer, and other clients making tokens of the same name meanwhile. Whatever the
 * mix, the list that settles the click keeps exactly one token as the one created, marks every
 * other token that may be the click's (and only those), revokes nothing, and says "unsure" when
 * a marked token's time lies outside the click.
 */

const scope: Scope = { service: 'http://127.0.0.1:8787', account: '42' };
const T0 = 1_800_000_000_000;
const NAME = 'laptop';

const iso = (ms: number): string => new Date(ms).toISOString().replace('Z', '+00:00');
const apiToken = (id: number, name: string, createdMs: number): ApiToken => ({
  id: String(id),
  name,
  secret: `eyJ.s-${id}.sig`,
  created: iso(createdMs),
  hasUploads: false,
});

describe('planSync settling one click (property)', () => {
  it('should keep one token, mark exactly the other possible results, and revoke nothing', () => {
    fc.assert(
      fc.property(
        fc.record({
          // The click's copies (1 = no resend), ms after the click by the service's clock.
          copies: fc.array(fc.integer({ min: 0, max: 15_000 }), { minLength: 1, maxLength: 5 }),
          // Another client's tokens of the same name: made when, and listed here before the click?
          others: fc.array(
            fc.record({ at: fc.integer({ min: -CLOCK_SKEW_MS - 60_000, max: 60_000 }), known: fc.boolean() }),
            { maxLength: 3 },
          ),
          unrelated: fc.nat({ max: 3 }),
          answered: fc.boolean(),
          listedAfter: fc.integer({ min: 15_000, max: 30_000 }),
        }),
        ({ copies, others, unrelated, answered, listedAfter }) => {
          let id = 100;
          const mine = copies.map((at) => apiToken(id++, NAME, T0 + at));
          const theirs = others.map((other) => ({ ...other, token: apiToken(id++, NAME, T0 + other.at) }));
          const noise = Array.from({ length: unrelated }, () => apiToken(id++, 'ci', T0 + 1000));
          const local: TokenRecord[] = theirs
            .filter((other) => other.known)
            .map(({ token }) => record(token, T0 - 1));
          const last = mine.at(-1) as ApiToken;
          const attempt = { name: NAME, startedAt: T0, key: 'k', ...(answered ? { tokenId: last.id } : {}) };
          const now = T0 + listedAfter;
          const plan = planSync(
            scope,
            local,
            [...noise, ...theirs.map((o) => o.token), ...mine],
            [attempt],
            now,
          );

          // Possible results: the click's copies and every unknown same-name token since the click.
          const possible = new Set([
            ...mine.map((token) => token.id),
            ...theirs.filter((o) => !o.known && o.at >= -CLOCK_SKEW_MS).map((o) => o.token.id),
          ]);
          const kept = plan.attempts[0]?.tokenId;
          expect(plan.attempts).toHaveLength(1);
          expect(possible.has(kept as string)).toBe(true);
          if (answered) expect(kept).toBe(last.id);
          const marked = plan.put.filter((r) => r.extraOf);
          expect(new Set(marked.map((r) => r.id))).toEqual(new Set([...possible].filter((i) => i !== kept)));
          for (const r of marked) expect(r.extraOf?.of).toBe(kept);
          const at = new Map(
            [...mine, ...theirs.map((o) => o.token)].map((t) => [t.id, Date.parse(t.created)]),
          );
          const unsure = marked.some((r) => (at.get(r.id) as number) < T0 || (at.get(r.id) as number) > now);
          for (const r of marked) expect(r.extraOf?.unsure).toBe(unsure);
          expect(plan.dueRevokes).toEqual([]);
          expect(plan.put.every((r) => r.state === 'active')).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('should settle a click once: a later list marks no token another client made since', () => {
    const attempt = { name: NAME, startedAt: T0, tokenId: '100', settledAt: T0 + 1000 };
    const local = [record(apiToken(100, NAME, T0), T0 + 1000)];
    const later = apiToken(101, NAME, T0 + 5000);
    const plan = planSync(scope, local, [apiToken(100, NAME, T0), later], [attempt], T0 + 10_000);
    expect(plan.put.filter((r) => r.extraOf)).toEqual([]);
    expect(plan.attempts).toEqual([attempt]);
  });
});

function record(token: ApiToken, seen: number): TokenRecord {
  return {
    ...scope,
    id: token.id,
    name: token.name,
    secret: token.secret,
    sealed: null,
    created: token.created,
    createdMs: Date.parse(token.created),
    hasUploads: false,
    lastCopiedAt: null,
    firstSeenAt: seen,
    state: 'active',
    pendingRevoke: null,
    revokedAt: null,
    revokedHere: false,
  };
}

describe('createToken against a server that acts on resent requests (property)', () => {
  let clock: number;
  let service: FaultyService;
  let db: TokenDatabase;
  let ctx: SyncContext;

  beforeEach(async () => {
    clock = T0;
    service = createFaultyService(() => clock);
    db = await openTokenDb();
    ctx = { api: service.api, db, scope, now: () => clock, random: () => 0.5 };
  });
  afterEach(() => db.close());

  it('should leave one unmarked token of the click, the rest marked, and one token with a key-honouring server', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          copies: fc.integer({ min: 1, max: 4 }),
          lost: fc.constantFrom(undefined, 'network', 'timeout', 'server'),
          // The device stopped after the service acted, before its list: a restart settles it.
          restart: fc.boolean(),
          honoursKey: fc.boolean(),
          othersBefore: fc.nat({ max: 2 }),
        }),
        async ({ copies, lost, restart, honoursKey, othersBefore }) => {
          service.tokens.clear();
          service.honoursKey = honoursKey;
          await db.clear('lists');
          await db.clear('secrets');
          await db.clear('accounts');
          for (let i = 0; i < othersBefore; i++) service.other.create(NAME);
          await syncAccount(ctx);
          clock += 60_000;
          service.faults.push({ kind: 'resent', copies, as: lost, on: 'createToken' });
          if (restart) service.faults.push({ kind: 'crash-before', on: 'listTokens' });
          try {
            await createToken(ctx, NAME);
          } catch (error) {
            expect(error).toBeInstanceOf(ContextStopped);
            clock += 1000;
            await syncAccount(ctx);
          }
          const records = (await listTokens(db, scope)).filter(
            (r) => r.state === 'active' && r.name === NAME,
          );
          const made = honoursKey ? 1 : copies;
          expect(service.tokens.size).toBe(othersBefore + made);
          expect(records).toHaveLength(othersBefore + made);
          expect(records.filter((r) => r.extraOf)).toHaveLength(made - 1);
          const kept = (await getAccount(db, scope))?.createAttempts.find((a) => a.tokenId)?.tokenId;
          for (const r of records.filter((r) => r.extraOf)) expect(r.extraOf?.of).toBe(kept ?? r.extraOf?.of);
          clock += 60_000;
        },
      ),
      { numRuns: 60 },
    );
  });
});
