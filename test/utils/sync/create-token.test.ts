import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getAccount, getToken, readList } from '../../../utils/store/db';
import { openTokenDb } from '../../../utils/store/open';
import type { Scope } from '../../../utils/store/records';
import type { TokenDatabase } from '../../../utils/store/schema';
import { createToken } from '../../../utils/sync/create-token';
import { type SyncContext, syncAccount } from '../../../utils/sync/sync';
import {
  ContextStopped,
  createFaultyService,
  type FaultyService,
  type QueuedFault,
} from '../../helpers/faulty-service';

const scope: Scope = { service: 'http://127.0.0.1:8787', account: '42' };
const ON_LIST: Pick<QueuedFault, 'on'> = { on: 'listTokens' };
const ON_CREATE: Pick<QueuedFault, 'on'> = { on: 'createToken' };

let clock: number;
let service: FaultyService;
let db: TokenDatabase;
let ctx: SyncContext;

beforeEach(async () => {
  clock = 1_800_000_000_000;
  service = createFaultyService(() => clock);
  db = await openTokenDb();
  ctx = { api: service.api, db, scope, now: () => clock, random: () => 0.5 };
});

afterEach(() => {
  db.close();
});

const attempts = async () => (await getAccount(db, scope))?.createAttempts ?? [];
const namesOnService = () => [...service.tokens.values()].map((t) => t.name).sort();

describe('createToken', () => {
  it('should create once, list again for the secret and return the stored token', async () => {
    const result = await createToken(ctx, 'laptop');
    const [made] = service.tokens.values();
    expect(result).toMatchObject({ ok: true, token: { id: made?.id, name: 'laptop', secret: '' } });
    // The secret the second list brought is kept in the store, not handed on.
    expect((await getToken(db, scope, made?.id ?? ''))?.secret).toBe(made?.secret);
    expect(service.log.creates).toHaveLength(1);
  });

  it.each(['network', 'timeout', 'server'] as const)(
    'should find the token of a create the service applied whose answer was lost (%s), and make no other',
    async (as) => {
      service.faults.push({ kind: 'lost', as, ...ON_CREATE });
      const result = await createToken(ctx, 'laptop');
      expect(result).toMatchObject({ ok: true, token: { name: 'laptop' } });
      expect(result.ok && result.token?.id).toBe(service.log.creates[0]?.id);
      expect(namesOnService()).toEqual(['laptop']);
      expect(await attempts()).toEqual([]);
    },
  );

  it('should say nothing was created when the create never reached the service', async () => {
    service.other.create('laptop');
    await syncAccount(ctx);
    clock += 60_000;
    service.faults.push({ kind: 'network', ...ON_CREATE });
    const result = await createToken(ctx, 'laptop');
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('Nothing was created') });
    expect(namesOnService()).toEqual(['laptop']);
    expect(await attempts()).toEqual([]);
  });

  it.each(['maintenance', 'sunset', 'rate-limited', 'signed-out'] as const)(
    'should report a %s answer at once, without recording an attempt or listing',
    async (kind) => {
      service.faults.push({ kind, ...ON_CREATE });
      const result = await createToken(ctx, 'laptop');
      // The service's state travels on as a failed sync, told once by the page (issue 18): a 401
      // signs out, maintenance and the sunset turn Create off, a rate limit counts down.
      expect(result).toMatchObject({ ok: false, message: '', sync: { ok: false, error: { code: kind } } });
      expect(result.ok ? '' : result.message).not.toMatch(/created/);
      expect(service.tokens.size).toBe(0);
      expect(await attempts()).toEqual([]);
    },
  );

  it('should keep a lost attempt when the list fails too, and settle it before creating that name again', async () => {
    service.faults.push({ kind: 'lost', as: 'timeout', ...ON_CREATE }, { kind: 'network', ...ON_LIST });
    const first = await createToken(ctx, 'laptop');
    expect(first).toMatchObject({
      ok: false,
      message: expect.stringContaining('is checked in the list before'),
    });
    expect(await attempts()).toEqual([{ name: 'laptop', startedAt: clock, key: expect.any(String) }]);

    clock += 5 * 60_000;
    const retry = await createToken(ctx, 'laptop');
    expect(retry).toMatchObject({ ok: true, token: { id: service.log.creates[0]?.id, name: 'laptop' } });
    expect(service.log.creates).toHaveLength(1);
    expect(namesOnService()).toEqual(['laptop']);
    expect(await attempts()).toEqual([]);
  });

  it('should create again when the kept attempt turns out never to have reached the service', async () => {
    service.faults.push({ kind: 'network', ...ON_CREATE }, { kind: 'server', ...ON_LIST });
    expect(await createToken(ctx, 'laptop')).toMatchObject({ ok: false });
    clock += 60_000;
    expect(await createToken(ctx, 'laptop')).toMatchObject({ ok: true, token: { name: 'laptop' } });
    expect(namesOnService()).toEqual(['laptop']);
  });

  it('should not create while a kept attempt cannot be checked', async () => {
    service.faults.push({ kind: 'lost', as: 'network', ...ON_CREATE }, { kind: 'network', ...ON_LIST });
    await createToken(ctx, 'laptop');
    service.faults.push({ kind: 'maintenance', ...ON_LIST });
    const retry = await createToken(ctx, 'laptop');
    expect(retry).toMatchObject({ ok: false, message: expect.stringContaining('maintenance') });
    expect(service.log.creates).toHaveLength(1);
    expect(await attempts()).toHaveLength(1);
  });

  it('should settle a kept attempt of another name first, then create the new name', async () => {
    service.faults.push({ kind: 'lost', as: 'network', ...ON_CREATE }, { kind: 'timeout', ...ON_LIST });
    await createToken(ctx, 'laptop');
    clock += 1000;
    const result = await createToken(ctx, 'ci');
    expect(result).toMatchObject({ ok: true, token: { name: 'ci' } });
    expect(namesOnService()).toEqual(['ci', 'laptop']);
    // The laptop attempt made a token: kept, so a retry of "laptop" gets it instead of a second one.
    expect((await attempts()).map((a) => [a.name, a.tokenId !== undefined])).toEqual([['laptop', true]]);
  });

  it('should report a create that succeeded although the list after it failed', async () => {
    service.faults.push({ kind: 'network', ...ON_LIST });
    const result = await createToken(ctx, 'laptop');
    expect(result).toMatchObject({ ok: true, token: null, sync: { ok: false } });
    expect(await attempts()).toEqual([]);
  });

  // Any sync (the background's alarm, Sync now, a revoke) may settle a lost attempt before the
  // person retries; the settled attempt is kept so the retry gets its token.
  it('should not create a second token when a sync settled the lost attempt before the retry', async () => {
    service.faults.push({ kind: 'lost', as: 'network', ...ON_CREATE }, { kind: 'network', ...ON_LIST });
    await createToken(ctx, 'laptop');
    clock += 15 * 60_000;
    await syncAccount(ctx); // the background's alarm, "Sync now", or a revoke
    clock += 1000;
    await createToken(ctx, 'laptop');
    expect(namesOnService()).toEqual(['laptop']);
  });

  // The attempt is written before the request goes out, so a page or service worker stopping
  // mid-request still leaves a trace for the next list to settle.
  it('should not create a second token after the context stopped during a create the service applied', async () => {
    service.faults.push({ kind: 'crash-after', ...ON_CREATE });
    await expect(createToken(ctx, 'laptop')).rejects.toBeInstanceOf(ContextStopped);
    service.faults.push({ kind: 'network', ...ON_LIST });
    clock += 1000;
    await createToken(ctx, 'laptop');
    expect(namesOnService()).toEqual(['laptop']);
  });
});

describe('createToken when the browser resent a create (issue 18)', () => {
  it('should send one Idempotency-Key per attempt, so a server that honours it makes one token', async () => {
    service.honoursKey = true;
    service.faults.push({ kind: 'resent', copies: 3, as: 'network', ...ON_CREATE });
    const result = await createToken(ctx, 'laptop');
    expect(result).toMatchObject({ ok: true, token: { name: 'laptop' } });
    expect(namesOnService()).toEqual(['laptop']);
  });

  it('should keep one of the tokens a classic server made for one click and mark the others, revoking none', async () => {
    service.faults.push({ kind: 'resent', copies: 3, ...ON_CREATE });
    const result = await createToken(ctx, 'laptop');
    const kept = result.ok ? result.token?.id : undefined;
    expect(kept).toBe(service.log.creates[2]?.id);
    expect((await syncAccount(ctx)).ok).toBe(true);
    const marked = (await readList(ctx.db, scope)).tokens.filter((t) => t.extraOf);
    expect(marked.map((t) => t.id).sort()).toEqual([service.log.creates[0]?.id, service.log.creates[1]?.id]);
    expect(marked.every((t) => t.extraOf?.of === kept && t.extraOf?.unsure === false)).toBe(true);
    expect(namesOnService()).toEqual(['laptop', 'laptop', 'laptop']);
    expect(service.log.deletes).toEqual([]);
  });

  it('should not mark a same-name token another client made before this device last listed', async () => {
    service.other.create('laptop');
    await syncAccount(ctx);
    clock += 60_000;
    service.faults.push({ kind: 'resent', copies: 2, as: 'timeout', ...ON_CREATE });
    await createToken(ctx, 'laptop');
    expect((await syncAccount(ctx)).ok).toBe(true);
    const marked = (await readList(ctx.db, scope)).tokens.filter((t) => t.extraOf);
    expect(marked).toHaveLength(1);
    expect(marked[0]?.id).toBe(service.log.creates[1]?.id);
  });
});
