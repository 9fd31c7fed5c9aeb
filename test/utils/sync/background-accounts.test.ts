import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listSessions, loadSession, type Session, saveSession } from '../../../utils/account/session';
import { listTokens, requestRevoke } from '../../../utils/store/db';
import { openTokenDb } from '../../../utils/store/open';
import { backgroundEngineDeps, backgroundSync, RETRY_ALARM } from '../../../utils/sync/background';
import { createEngine } from '../../../utils/sync/engine';

const NOW = 1_800_000_000_000;
const a: Session = { serviceUrl: 'http://svc.test', credential: 'cred-a', account: 'A', email: 'a@x.y' };
const b: Session = { serviceUrl: 'http://svc.test', credential: 'cred-b', account: 'B', email: 'b@x.y' };
const scopeOf = (s: Session) => ({ service: s.serviceUrl, account: s.account });

/** A service with one token per credential; `status(credential)` answers every call of that account. */
function stubService(status: (credential: string) => number) {
  const tokens: Record<string, { _id: string; name: string; secret: string }[]> = {
    'cred-a': [{ _id: '11', name: 'alpha', secret: 'eyJ.a.1' }],
    'cred-b': [{ _id: '21', name: 'beta', secret: 'eyJ.b.1' }],
  };
  const calls: string[] = [];
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const credential = String(new Headers(init?.headers).get('Authorization')).replace('Bearer ', '');
    const url = String(input);
    calls.push(`${credential} ${init?.method ?? 'GET'} ${new URL(url).pathname}`);
    const code = status(credential);
    if (code === 401) return new Response('{"code":"ERROR_USER_NOT_FOUND","message":"x"}', { status: 401 });
    if (code !== 200) return new Response('Service Unavailable', { status: code });
    const mine = tokens[credential] ?? [];
    if (init?.method === 'DELETE') {
      const id = url.split('/').pop();
      tokens[credential] = mine.filter((t) => t._id !== id);
      return Response.json({ _id: id });
    }
    // As the classic contract has it: a service answering again says it takes writes.
    if (url.endsWith('/version'))
      return Response.json({ version: '1', commit: 'c', branch: 'b', mode: 'rw' });
    if (url.endsWith('/user/tokens'))
      return Response.json(
        mine.map((t) => ({ ...t, created: '2026-01-01T00:00:00+00:00', hasUploads: false })),
      );
    return new Response('{"message":"Not Found"}', { status: 404 });
  });
  return { spy, calls, tokens };
}

describe('backgroundSync with several accounts', () => {
  it('should sync every signed-in account, each with its own credential and scope', async () => {
    await saveSession(a);
    await saveSession(b);
    const { calls } = stubService(() => 200);
    await backgroundSync(createEngine(backgroundEngineDeps(() => NOW)), () => NOW);

    expect(calls.filter((c) => c.endsWith('GET /user/tokens')).sort()).toEqual([
      'cred-a GET /user/tokens',
      'cred-b GET /user/tokens',
    ]);
    const db = await openTokenDb();
    expect((await listTokens(db, scopeOf(a))).map((t) => t.id)).toEqual(['11']);
    expect((await listTokens(db, scopeOf(b))).map((t) => t.id)).toEqual(['21']);
    db.close();
  });

  it('should send a waiting revoke of an account that is not shown, and keep the alarm for the earliest one', async () => {
    await saveSession(a);
    await saveSession(b);
    let down = true;
    const service = stubService(() => (down ? 503 : 200));
    down = false;
    await backgroundSync(createEngine(backgroundEngineDeps(() => NOW)), () => NOW);
    const db = await openTokenDb();
    await requestRevoke(db, scopeOf(a), '11', NOW);
    down = true;
    await backgroundSync(createEngine(backgroundEngineDeps(() => NOW)), () => NOW);
    expect((await listTokens(db, scopeOf(a)))[0]?.state).toBe('pending-revoke');
    expect(await fakeBrowser.alarms.get(RETRY_ALARM)).toBeDefined();

    down = false;
    await backgroundSync(createEngine(backgroundEngineDeps(() => NOW + 3600_000)), () => NOW + 3600_000);
    expect((await listTokens(db, scopeOf(a)))[0]).toMatchObject({ state: 'revoked', revokedHere: true });
    expect((await listTokens(db, scopeOf(b)))[0]?.state).toBe('active');
    expect(service.calls.filter((c) => c.includes('DELETE'))).toEqual(['cred-a DELETE /user/tokens/11']);
    expect(await fakeBrowser.alarms.get(RETRY_ALARM)).toBeUndefined();
    // The shown account is still B.
    expect((await loadSession())?.account).toBe('B');
    db.close();
  });

  it('should end only the account the service answered 401 for', async () => {
    await saveSession(a);
    await saveSession(b);
    stubService((credential) => (credential === 'cred-a' ? 401 : 200));
    await backgroundSync(createEngine(backgroundEngineDeps(() => NOW)), () => NOW);
    expect((await listSessions()).map((s) => s.account)).toEqual(['B']);
    expect((await loadSession())?.account).toBe('B');
  });
});
