import { endSessionAt } from '../api';
import { t } from '../lib';
import { removeSettings } from '../settings';
import type { AccountsDeps } from './accounts-model';
import type { Release } from './connection-deps';
import { clearSession, listShownAccounts, loadSession, switchSession } from './session';

/** The real adapters behind the account switcher. */
export function pageAccountsDeps(release?: Release): AccountsDeps {
  return {
    // The switcher shows no secret: the accounts are read without their credentials (issue 14).
    listSessions: async () => (await listShownAccounts()).map(({ session }) => session),
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
