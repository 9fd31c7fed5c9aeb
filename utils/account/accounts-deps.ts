import { endSessionAt } from '../api';
import { earlyFirst, t } from '../lib';
import { removeSettings } from '../settings';
import type { AccountsDeps } from './accounts-model';
import type { Release } from './connection-deps';
import { clearSession, listShownAccounts, loadSession, switchSession } from './session';
import { shownAccountsOf, storedSessionsOf } from './sessions';

/**
 * The real adapters behind the account switcher. `stored`: the popup's first read of
 * storage.local, which holds the sessions (utils/page-head.ts), taken for the first list.
 */
export function pageAccountsDeps(release?: Release, stored?: Promise<Record<string, unknown>>): AccountsDeps {
  return {
    // The switcher shows no secret: the accounts are read without their credentials (issue 14).
    listSessions: earlyFirst(
      () =>
        stored?.then((read) => shownAccountsOf(storedSessionsOf(read)).map(({ session }) => session)) ?? null,
      async () => (await listShownAccounts()).map(({ session }) => session),
    ),
    switchSession,
    async signOut(session) {
      const scope = { service: session.serviceUrl, account: session.account };
      // Read only now; a sealed credential (locked) is empty: nothing to send, forget it only.
      const credential = (await loadSession(scope))?.credential;
      const why = credential ? await endSessionAt(session.serviceUrl, credential) : null;
      await clearSession(scope);
      // The person signed out: the account's settings go with its session (a 401 keeps them).
      await removeSettings(scope);
      if (release && (await listShownAccounts()).length === 0) await release(session.serviceUrl);
      return why ? t('signedOutLocally', why) : null;
    },
  };
}
