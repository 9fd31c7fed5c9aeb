import { endSessionAt } from '../api';
import { t } from '../lib';
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
      await clearSession({ service: session.serviceUrl, account: session.account });
      if (release && (await listSessions()).length === 0) await release(session.serviceUrl);
      return why ? t('signedOutLocally', why) : null;
    },
  };
}
