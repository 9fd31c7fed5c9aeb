import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApiToken } from '../../../utils/api/shapes';
import {
  CLOCK_SKEW_MS,
  type CreateAttempt,
  type PendingRevoke,
  REVOKED_KEEP_MS,
  type Scope,
  type TokenRecord,
} from '../../../utils/store/records';
import { planSync } from '../../../utils/sync/reconcile';

const scope: Scope = { service: 'http://127.0.0.1:8787', account: '42' };
const NOW = 1_800_000_000_000;
const EARLIER = 1_700_000_000_000;
const CREATED = '2021-11-29T16:08:33.077+00:00';

const iso = (ms: number): string => new Date(ms).toISOString().replace('Z', '+00:00');

function remote(id: string, changes: Partial<ApiToken> = {}): ApiToken {
  return {
    id,
    name: `token ${id}`,
    secret: `eyJ.secret-${id}.sig`,
    created: CREATED,
    hasUploads: false,
    ...changes,
  };
}

function local(id: string, changes: Partial<TokenRecord> = {}): TokenRecord {
  const { id: _, ...server } = remote(id);
  return {
    ...scope,
    id,
    ...server,
    createdMs: Date.parse(server.created),
    lastCopiedAt: EARLIER + 5,
    firstSeenAt: EARLIER,
    state: 'active',
    pendingRevoke: null,
    revokedAt: null,
    revokedHere: false,
    sealed: null,
    ...changes,
  };
}

function pending(nextAttemptAt: number): Partial<TokenRecord> {
  const pendingRevoke: PendingRevoke = {
    requestedAt: EARLIER,
    attempts: 2,
    nextAttemptAt,
    lastError: 'Took too long.',
  };
  return { state: 'pending-revoke', pendingRevoke };
}

const revokedAt = (at: number, here = true): Partial<TokenRecord> => ({
  state: 'revoked',
  secret: '',
  revokedAt: at,
  revokedHere: here,
});

const empty = { put: [], purge: [], dueRevokes: [], settled: [], attempts: [] };

describe('planSync', () => {
  it('should put a new remote token: active, first seen now, never copied', () => {
    expect(planSync(scope, [], [remote('315318824629961583')], [], NOW)).toStrictEqual({
      ...empty,
      put: [
        {
          ...scope,
          id: '315318824629961583',
          name: 'token 315318824629961583',
          secret: 'eyJ.secret-315318824629961583.sig',
          created: CREATED,
          createdMs: 1638202113077,
          hasUploads: false,
          lastCopiedAt: null,
          firstSeenAt: NOW,
          state: 'active',
          pendingRevoke: null,
          revokedAt: null,
          revokedHere: false,
          sealed: null,
        },
      ],
    });
  });

  it('should plan nothing for listed tokens that have not changed, pending ones included', () => {
    const records = [local('1'), local('2', pending(NOW + 1))];
    expect(planSync(scope, records, [remote('2'), remote('1')], [], NOW)).toStrictEqual(empty);
  });

  it.each<Partial<ApiToken>>([
    { name: 'renamed' },
    { hasUploads: true },
    { secret: 'eyJ.rotated.sig' },
    { created: '2021-11-30T00:00:00.000+00:00' },
  ])('should put a token whose server fields changed (%j) and keep every local field', (changes) => {
    const before = local('1', { ...pending(NOW + 1), lastCopiedAt: EARLIER + 9 });
    const plan = planSync(scope, [before, local('2')], [remote('1', changes), remote('2')], [], NOW);
    const createdMs = Date.parse(changes.created ?? CREATED);
    expect(plan).toStrictEqual({ ...empty, put: [{ ...before, ...changes, createdMs }] });
  });

  it('should mark an active token missing from the service as revoked elsewhere, now, without its secret', () => {
    const plan = planSync(scope, [local('1'), local('2')], [remote('2')], [], NOW);
    expect(plan).toStrictEqual({ ...empty, put: [{ ...local('1'), ...revokedAt(NOW, false) }] });
  });

  it('should mark a pending revoke missing from the service as revoked here: the revoke went through unseen', () => {
    const plan = planSync(scope, [local('1', pending(NOW + 60_000))], [], [], NOW);
    expect(plan.put).toStrictEqual([{ ...local('1'), ...revokedAt(NOW, true), pendingRevoke: null }]);
    expect(plan.dueRevokes).toEqual([]);
  });

  it.each([true, false])('should never resurrect a revoked token listed again (revoked here: %s)', (here) => {
    const gone = local('1', revokedAt(NOW - 1000, here));
    const attempts: CreateAttempt[] = [{ name: 'token 1', startedAt: 0 }];
    const plan = planSync(scope, [gone], [remote('1', { hasUploads: true })], attempts, NOW);
    expect(plan).toStrictEqual({ ...empty, settled: [{ attempt: attempts[0], token: null }] });
  });

  it.each([
    { age: REVOKED_KEEP_MS + 1, purged: true },
    { age: REVOKED_KEEP_MS, purged: false },
    { age: 0, purged: false },
  ])(
    'should purge a revoked token only when older than 30 days (age $age ms: $purged)',
    ({ age, purged }) => {
      const plan = planSync(scope, [local('1', revokedAt(NOW - age))], [], [], NOW);
      expect(plan).toStrictEqual({ ...empty, purge: purged ? ['1'] : [] });
    },
  );

  it('should keep a revoked token without a revoke date rather than purge it', () => {
    expect(planSync(scope, [local('1', { ...revokedAt(0), revokedAt: null })], [], [], NOW)).toStrictEqual(
      empty,
    );
  });

  it.each([
    { nextAttemptAt: NOW - 1, due: true },
    { nextAttemptAt: NOW, due: true },
    { nextAttemptAt: NOW + 1, due: false },
  ])(
    'should send a listed pending revoke only once due (next attempt at now$nextAttemptAt)',
    ({ nextAttemptAt, due }) => {
      const plan = planSync(
        scope,
        [local('1', pending(nextAttemptAt)), local('2')],
        [remote('1'), remote('2')],
        [],
        NOW,
      );
      expect(plan.dueRevokes).toEqual(due ? ['1'] : []);
    },
  );
});

describe('planSync create attempts', () => {
  const startedAt = NOW - 5000;
  const attempt: CreateAttempt = { name: 'laptop', startedAt };

  it.each([
    {
      why: 'same name, created after the attempt began',
      token: remote('9', { name: 'laptop', created: iso(NOW) }),
    },
    {
      why: 'created just within the clock skew allowed before the attempt',
      token: remote('9', { name: 'laptop', created: iso(startedAt - CLOCK_SKEW_MS) }),
    },
  ])('should match a new token: $why', ({ token }) => {
    const plan = planSync(scope, [], [token], [attempt], NOW);
    expect(plan.settled).toStrictEqual([{ attempt, token: plan.put[0] }]);
    expect(plan.settled[0]?.token?.id).toBe('9');
  });

  it.each([
    { why: 'another name', records: [], token: remote('9', { name: 'desktop', created: iso(NOW) }) },
    {
      why: 'created before the attempt, beyond the clock skew',
      records: [],
      token: remote('9', { name: 'laptop', created: iso(startedAt - CLOCK_SKEW_MS - 1) }),
    },
    {
      why: 'known here before the attempt began',
      records: [
        local('9', { name: 'laptop', created: iso(NOW), createdMs: NOW, firstSeenAt: startedAt - 1 }),
      ],
      token: remote('9', { name: 'laptop', created: iso(NOW) }),
    },
    {
      why: 'revoked here, though listed again',
      records: [local('9', { name: 'laptop', created: iso(NOW), createdMs: NOW, ...revokedAt(NOW - 1) })],
      token: remote('9', { name: 'laptop', created: iso(NOW) }),
    },
  ])('should settle an attempt with null when the only token has $why', ({ records, token }) => {
    expect(planSync(scope, records, [token], [attempt], NOW).settled).toStrictEqual([
      { attempt, token: null },
    ]);
  });

  // A token already known when the attempt began (even in the same millisecond) is never its token.
  it('should not match a token first seen in the very millisecond the attempt began', () => {
    const records = [
      local('9', { name: 'laptop', created: iso(NOW), createdMs: NOW, firstSeenAt: startedAt }),
    ];
    const token = remote('9', { name: 'laptop', created: iso(NOW) });
    expect(planSync(scope, records, [token], [attempt], NOW).settled).toStrictEqual([
      { attempt, token: null },
    ]);
  });

  it('should let two attempts with the same name claim different tokens, earliest created first', () => {
    const first: CreateAttempt = { name: 'laptop', startedAt: NOW - 3000 };
    const second: CreateAttempt = { name: 'laptop', startedAt: NOW - 2000 };
    const tokens = [
      remote('8', { name: 'laptop', created: iso(NOW - 1000) }),
      remote('7', { name: 'laptop', created: iso(NOW - 2500) }),
    ];
    const plan = planSync(scope, [], tokens, [first, second], NOW);
    expect(plan.settled.map((s) => [s.attempt, s.token?.id])).toEqual([
      [first, '7'],
      [second, '8'],
    ]);
  });

  it('should settle the second of two same-name attempts with null when only one token was made', () => {
    const first: CreateAttempt = { name: 'laptop', startedAt: NOW - 3000 };
    const second: CreateAttempt = { name: 'laptop', startedAt: NOW - 2000 };
    const plan = planSync(
      scope,
      [],
      [remote('7', { name: 'laptop', created: iso(NOW - 1000) })],
      [first, second],
      NOW,
    );
    expect(plan.settled.map((s) => s.token?.id ?? null)).toEqual(['7', null]);
  });

  it('should settle an unmatched attempt with null', () => {
    expect(planSync(scope, [local('1')], [remote('1')], [attempt], NOW)).toStrictEqual({
      ...empty,
      settled: [{ attempt, token: null }],
    });
  });
});

describe('planSync invariants', () => {
  const states = fc.constantFrom<'active' | 'pending' | 'revoked' | 'absent'>(
    'active',
    'pending',
    'revoked',
    'absent',
  );
  const world = fc.array(
    fc.record({
      local: states,
      listed: fc.boolean(),
      next: fc.integer({ min: -2, max: 2 }),
      copied: fc.nat(),
    }),
    { maxLength: 12 },
  );

  it('should keep local fields, never resurrect a revoked token and leave exactly the listed live tokens', () => {
    fc.assert(
      fc.property(world, (rows) => {
        const records: TokenRecord[] = [];
        const listed: ApiToken[] = [];
        rows.forEach((row, i) => {
          const id = String(i);
          if (row.local === 'active') records.push(local(id, { lastCopiedAt: row.copied }));
          if (row.local === 'pending')
            records.push(local(id, { ...pending(NOW + row.next), lastCopiedAt: row.copied }));
          if (row.local === 'revoked')
            records.push(local(id, revokedAt(NOW - REVOKED_KEEP_MS + row.next * 1000)));
          if (row.listed) listed.push(remote(id, { hasUploads: row.next > 0 }));
        });
        const plan = planSync(scope, records, listed, [], NOW);
        const after = new Map(records.map((r) => [r.id, r]));
        for (const r of plan.put) after.set(r.id, r);
        for (const id of plan.purge) after.delete(id);
        rows.forEach((row, i) => {
          const before = records.find((r) => r.id === String(i));
          const now = after.get(String(i));
          if (before?.state === 'revoked') expect(now?.state ?? 'revoked').toBe('revoked');
          else if (row.listed) expect(now?.state).toBe(before?.state ?? 'active');
          else if (before) expect(now).toMatchObject({ state: 'revoked', secret: '', revokedAt: NOW });
          if (before && now) expect(now.lastCopiedAt).toBe(before.lastCopiedAt);
          if (before && now) expect(now.firstSeenAt).toBe(before.firstSeenAt);
        });
        const due = rows.flatMap((row, i) =>
          row.local === 'pending' && row.listed && row.next <= 0 ? [String(i)] : [],
        );
        expect(plan.dueRevokes).toEqual(due);
      }),
    );
  });
});
