import { createApiClient, createSignInApi } from '../api';
import { lockClient } from '../messages';
import { removeSettings } from '../settings';
import type { ConnectionDeps } from './connection-model';
import { requestServiceAccess } from './permissions';
import { clearSession, listSessions, loadServiceUrl, loadSession, saveServiceUrl } from './session';

/** Gives back the host permissions asked for frames (issue 11), once no account is signed in. */
export type Release = (serviceUrl: string | null) => Promise<void>;

/** The real adapters behind the options page's connection section. */
export function pageConnectionDeps(release?: Release): ConnectionDeps {
  return {
    loadServiceUrl,
    saveServiceUrl,
    loadSession,
    // The background seals the credential when the lock is on, and refuses while it is locked.
    saveSession: (session) => lockClient().saveSession(session),
    async clearSession() {
      const session = await loadSession();
      const serviceUrl = session?.serviceUrl ?? null;
      await clearSession();
      // The person signed out: the account's settings go with its session (a 401 keeps them).
      if (session) await removeSettings({ service: session.serviceUrl, account: session.account });
      if (release && (await listSessions()).length === 0) await release(serviceUrl);
    },
    requestAccess: requestServiceAccess,
    makeApi: (baseUrl, credential) => createApiClient({ baseUrl, credential }),
    makeSignInApi: (baseUrl) => createSignInApi({ baseUrl }),
  };
}
