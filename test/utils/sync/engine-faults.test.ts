import { describe, expect, it, vi } from 'vitest';
import type { Session } from '../../../utils/account/session';
import type { AppError } from '../../../utils/lib/result';
import { readList } from '../../../utils/store/db';
import { openTokenDb } from '../../../utils/store/open';
import { createEngine, type EngineDeps } from '../../../utils/sync/engine';
import { type HoldStore, memoryHolds } from '../../../utils/sync/quiet';
import { apiToken, createFakeApi } from '../../helpers/fake-api';

// Issue 18: the service's state, known before a click and kept over a restart of the background.

const session: Session = {
  serviceUrl: 'http://127.0.0.1:8787',
  credential: 'w3ss_test',
  account: '42',
  email: 'ada@example.org',
};
const limited = (retryAfterMs?: number): AppError => ({
  code: 'rate-limited',
  status: 429,
  message: 'Too many requests.',
  ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
});

function setup(holds: HoldStore = memoryHolds(), fake = createFakeApi([apiToken('1', 'laptop')])) {
  let now = 1_800_000_000_000;
  const deps: EngineDeps = {
    loadSession: async () => session,
    endSession: vi.fn(async () => {}),
    openDb: openTokenDb,
    makeApi: () => fake.api,
    now: () => now,
    random: () => 0.5,
    holds,
  };
  return {
    engine: createEngine(deps),
    fake,
    holds,
    later: (ms: number) => {
      now += ms;
    },
  };
}

/** The service turns read-only; its `/version` answers that only once `answer()` is called. */
function readOnlyLater(fake: ReturnType<typeof createFakeApi>) {
  fake.setMode('r-');
  const version = fake.api.version;
  let answer = (): void => {};
  const answered = new Promise<void>((resolve) => (answer = resolve));
  const gate = { asked: false, answer: () => answer() };
  fake.api.version = () => {
    gate.asked = true;
    return answered.then(version);
  };
  return gate;
}

describe('engine and the service state', () => {
  it('should know from /version that the service is read-only, and that it is writable again', async () => {
    const { engine, fake } = setup();
    fake.setMode('r-');
    const reply = await engine.sync();
    expect(reply.sync?.ok).toBe(true);
    expect(reply.hold).toMatchObject({ code: 'maintenance' });
    // /version once the list has answered (issue 14: alongside, it slowed the list).
    expect(fake.calls).toEqual(['listTokens', 'version']);
    // Told again to a page opening later, asking the service nothing.
    expect(await engine.hold()).toMatchObject({ code: 'maintenance' });
    expect(fake.calls).toHaveLength(2);
    fake.setMode('rw');
    expect((await engine.sync()).hold).toBeNull();
  });

  it("should answer a page's sync before /version has, and keep the hold its answer brings", async () => {
    const holds = memoryHolds();
    const { engine, fake } = setup(holds);
    const version = readOnlyLater(fake);
    const reply = await engine.sync({ early: true });
    expect(reply.sync?.ok).toBe(true);
    // Answered with the hold as it stood: /version was asked and has not answered yet.
    expect(version.asked).toBe(true);
    expect(reply.hold).toBeNull();
    version.answer();
    // The background's record, which open pages follow (TokensDeps.followHold), has it now.
    await vi.waitFor(async () =>
      expect((await holds.load())[session.serviceUrl]?.readOnly).toBe('maintenance'),
    );
    expect(await engine.hold()).toMatchObject({ code: 'maintenance' });
  });

  it("should wait for /version in the background's own rounds, which schedule themselves by the hold", async () => {
    const { engine, fake } = setup();
    const version = readOnlyLater(fake);
    let done = false;
    const syncing = engine.sync().then((reply) => {
      done = true;
      return reply;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    version.answer();
    expect((await syncing).hold).toMatchObject({ code: 'maintenance' });
  });

  it('should hold writes after a 503 to a create until /version says w again', async () => {
    const { engine, fake } = setup();
    fake.failNext('createToken', { code: 'maintenance', status: 503, message: 'maintenance' });
    const reply = await engine.create('ci');
    expect(reply.created.ok).toBe(false);
    expect(reply.hold).toMatchObject({ code: 'maintenance' });
    expect((await engine.sync()).hold).toBeNull();
  });

  it('should send nothing to a service during the wait it asked for, even from a background started again', async () => {
    const store = memoryHolds();
    const first = setup(store);
    await first.engine.sync();
    first.fake.failNext('listTokens', limited(20_000));
    const reply = await first.engine.sync();
    expect(reply.sync).toMatchObject({ ok: false, error: { code: 'rate-limited', retryAfterMs: 20_000 } });
    expect(reply.hold).toMatchObject({ code: 'rate-limited' });

    // The service worker stops and starts again: a new engine on the same storage.
    const again = setup(store, first.fake);
    const calls = first.fake.calls.length;
    for (const call of [
      () => again.engine.sync({ now: true }),
      () => again.engine.create('x'),
      () => again.engine.revoke('1'),
    ]) {
      const held = await call();
      expect(held.sync).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
    }
    expect((await again.engine.account()).ok).toBe(false);
    // A page asks the standing state before any click, and nothing is sent for it (issue 18).
    expect(await again.engine.hold()).toMatchObject({ code: 'rate-limited' });
    expect(first.fake.calls.length).toBe(calls);
    // The revoke was taken, and waits as pending on this device.
    const db = await openTokenDb();
    const scope = { service: session.serviceUrl, account: session.account };
    expect((await readList(db, scope)).tokens.find((t) => t.id === '1')?.state).toBe('pending-revoke');
    db.close();

    again.later(20_000);
    expect((await again.engine.sync()).sync?.ok).toBe(true);
    expect(first.fake.calls.length).toBeGreaterThan(calls);
  });

  it('should wait at least the backoff it told the person when the 429 gave no Retry-After', async () => {
    const { engine, fake, later } = setup();
    fake.failNext('listTokens', limited());
    const told = (await engine.sync()).sync;
    const wait = told?.ok === false ? (told.error.retryAfterMs ?? 0) : 0;
    expect(wait).toBeGreaterThanOrEqual(30_000);
    expect(wait).toBeLessThanOrEqual(45_000);
    const calls = fake.calls.length;
    later(wait - 1);
    await engine.sync();
    expect(fake.calls.length).toBe(calls);
    later(1);
    await engine.sync();
    expect(fake.calls.length).toBeGreaterThan(calls);
  });
});
