import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSession, type Session, saveSession } from '../../../utils/account/session';
import { listTokens, requestRevoke } from '../../../utils/store/db';
import { openTokenDb } from '../../../utils/store/open';
import { backgroundEngineDeps, backgroundSync, RETRY_ALARM } from '../../../utils/sync/background';
import { createEngine } from '../../../utils/sync/engine';

const session: Session = {
  serviceUrl: 'http://svc.test',
  credential: 'w3ss_bg',
  account: '42',
  email: 'a@b.c',
};
const scope = { service: session.serviceUrl, account: session.account };
const NOW = 1_800_000_000_000;

/** A tiny service behind `fetch`: one token, and DELETE answers as `deleteStatus` says. */
function stubService(deleteStatus: () => number) {
  const tokens = [
    { _id: '7', name: 'ci', secret: 'eyJ.a.b', created: '2026-01-01T00:00:00+00:00', hasUploads: false },
  ];
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input);
    if (init?.method === 'DELETE') {
      const status = deleteStatus();
      if (status === 200) tokens.splice(0, tokens.length);
      return new Response(status === 200 ? '{"_id":"7"}' : 'Service Unavailable', { status });
    }
    if (url.endsWith('/user/tokens')) return Response.json(tokens);
    return new Response('{"message":"Not Found"}', { status: 404 });
  });
}

describe('backgroundSync', () => {
  it('should do nothing while signed out', async () => {
    const fetch = stubService(() => 200);
    await backgroundSync(createEngine(backgroundEngineDeps(() => NOW)), () => NOW);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('should send a pending revoke, and set an alarm for the next try while it fails', async () => {
    await saveSession(session);
    let status = 503;
    stubService(() => status);
    await backgroundSync(createEngine(backgroundEngineDeps(() => NOW)), () => NOW);
    const db = await openTokenDb();
    await requestRevoke(db, scope, '7', NOW);
    await backgroundSync(createEngine(backgroundEngineDeps(() => NOW)), () => NOW);
    const pending = (await listTokens(db, scope))[0];
    expect(pending?.state).toBe('pending-revoke');
    const alarm = await fakeBrowser.alarms.get(RETRY_ALARM);
    // Chrome fires alarms 30 s from now at the soonest.
    expect(alarm?.scheduledTime).toBe(Math.max(pending?.pendingRevoke?.nextAttemptAt ?? 0, NOW + 30_000));

    status = 200;
    await backgroundSync(createEngine(backgroundEngineDeps(() => NOW + 3600_000)), () => NOW + 3600_000);
    expect((await listTokens(db, scope))[0]).toMatchObject({ state: 'revoked', revokedHere: true });
    expect(await fakeBrowser.alarms.get(RETRY_ALARM)).toBeUndefined();
    db.close();
  });

  it('should sign out on a 401 and keep the records', async () => {
    await saveSession(session);
    // A new answer per request: the sync asks /version alongside the list (issue 14).
    vi.spyOn(globalThis, 'fetch').mockImplementation(
      async () => new Response('{"code":"ERROR_USER_NOT_FOUND","message":"x"}', { status: 401 }),
    );
    await backgroundSync(createEngine(backgroundEngineDeps(() => NOW)), () => NOW);
    expect(await loadSession()).toBeNull();
  });
});
