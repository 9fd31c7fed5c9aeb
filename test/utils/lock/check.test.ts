// @vitest-environment node
// Check token through the background's real wiring (issue 13): a page's `tokens/check` message,
// the reveal copy uses, and the API client against the reference service. No reply, and nothing
// logged, ever holds the token.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';
import { type RunningService, startService } from '../../../service/server';
import { saveSession } from '../../../utils/account/session';
import { applyList } from '../../../utils/store/db';
import { openTokenDb } from '../../../utils/store/open';
import { fakeMenusAndCommands } from '../../helpers/fake-menus';

let service: RunningService;
let credential: string;

beforeAll(async () => {
  service = await startService({ port: 0, control: true, log: () => {} });
  credential = await service.createAccount('check-token@example.org');
}, 120_000);
afterAll(() => service?.close());

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${service.url}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${credential}`, 'Content-Type': 'application/json' },
  });
}

/** A token made through the service, listed on this device as a sync would have left it. */
async function tokenOnDevice(name: string): Promise<{ id: string; secret: string }> {
  const { _id: id } = (await (
    await call('/user/tokens', { method: 'POST', body: JSON.stringify({ name }) })
  ).json()) as {
    _id: string;
  };
  const listed = (await (await call('/user/tokens')).json()) as Array<{
    _id: string;
    secret: string;
    created: string;
  }>;
  const row = listed.find((t) => t._id === id);
  if (!row) throw new Error('the new token is not listed');
  const scope = { service: service.url, account: '42' };
  const db = await openTokenDb();
  await applyList(db, scope, [{ id, name, secret: row.secret, created: row.created, hasUploads: false }], 1);
  db.close();
  return { id, secret: row.secret };
}

const options = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });
const ask = (message: unknown, sender = options()) => fakeBrowser.runtime.onMessage.trigger(message, sender);

describe('tokens/check in the background', () => {
  beforeEach(async () => {
    fakeMenusAndCommands();
    await saveSession({
      serviceUrl: service.url,
      credential,
      account: '42',
      email: 'check-token@example.org',
    });
    background.main();
  });

  it('should say works, blocked, then revoked, as the service says, with no secret in any reply or log', async () => {
    const logged = [vi.spyOn(console, 'log'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'error')];
    const { id, secret } = await tokenOnDevice('deploy');
    const replies: unknown[] = [];
    const check = async (): Promise<unknown> => {
      const [reply] = await ask({ type: 'tokens/check', id });
      replies.push(reply);
      return reply;
    };

    expect(await check()).toEqual({ ok: true, check: { verdict: 'works' } });
    await fetch(`${service.url}/__control`, {
      method: 'POST',
      body: JSON.stringify({ blocked: { id, value: true } }),
    });
    expect(await check()).toEqual({ ok: true, check: { verdict: 'blocked' } });
    await fetch(`${service.url}/__control`, {
      method: 'POST',
      body: JSON.stringify({ blocked: { id, value: false } }),
    });
    // Revoked elsewhere, before this device syncs: the list here still says active.
    expect((await call(`/user/tokens/${id}`, { method: 'DELETE' })).status).toBe(200);
    expect(await check()).toEqual({ ok: true, check: { verdict: 'revoked' } });

    expect(replies).toHaveLength(3);
    expect(JSON.stringify(replies)).not.toContain(secret);
    for (const spy of logged) expect(JSON.stringify(spy.mock.calls)).not.toContain(secret);
  }, 30_000);

  it('should send nothing to a service during a rate limit’s wait kept in storage, and say so', async () => {
    const { id } = await tokenOnDevice('limited');
    // The wait a 429 left, as the engine keeps it (utils/sync/quiet.ts), seen by a background started anew.
    await fakeBrowser.storage.local.set({
      serviceHolds: { [service.url]: { until: Date.now() + 60_000, strikes: 1 } },
    });
    const counter = { route: '*', kind: 'delay', ms: 1, times: 1000 };
    await fetch(`${service.url}/__control`, { method: 'POST', body: JSON.stringify({ faults: [counter] }) });
    const [reply] = await ask({ type: 'tokens/check', id });
    expect(reply).toMatchObject({ ok: true, check: { verdict: 'unknown', error: { code: 'rate-limited' } } });
    expect(service.faults().faults[0]?.times).toBe(1000);
    await fetch(`${service.url}/__control`, { method: 'POST', body: JSON.stringify({ reset: true }) });
  }, 30_000);

  it('should ask to unlock when the lock holds the secret, and answer no one but the extension pages', async () => {
    const { id, secret } = await tokenOnDevice('locked');
    expect(await ask({ type: 'vault/enable', passphrase: 'correct horse battery' })).toMatchObject([
      { ok: true },
    ]);
    await ask({ type: 'vault/lock' });
    const [locked] = await ask({ type: 'tokens/check', id });
    expect(locked).toMatchObject({ ok: false, locked: true });
    expect(JSON.stringify(locked)).not.toContain(secret);

    const page = { id: fakeBrowser.runtime.id, url: 'https://evil.example/' };
    expect(await ask({ type: 'tokens/check', id }, page)).toEqual([undefined]);
    expect(await ask({ type: 'tokens/check', id: 7 })).toEqual([undefined]);
  }, 30_000);
});
