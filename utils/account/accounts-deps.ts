import { endSessionAt } from '../api';
import { t } from '../lib';
import { removeSettings } from '../settings';
import type { AccountsDeps } from './accounts-model';
import type { Release } from './connection-deps';
import { clearSession, listSessions, switchSession } from './session';

/** The real adapters behind the account switcher. */
export function pageAccountsDeps(release?: Release): AccountsDeps {
  return {
    listSessions,
    switchSession,
    async signOut(session) {
      // A sealed credential (locked) is empty here: nothing to send, forget it only.
      const why = session.credential ? await endSessionAt(session.serviceUrl, session.credential) : null;
      const scope = { service: session.serviceUrl, account: session.account };
      await clearSession(scope);
      // The person signed out: the account's settings go with its session (a 401 keeps them).
      await removeSettings(scope);
      if (release && (await listSessions()).length === 0) await release(session.serviceUrl);
      return why ? t('signedOutLocally', why) : null;
    },
  };
}
