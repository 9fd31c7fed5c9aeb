import { createApiClient, createSignInApi } from '../api';
import { lockClient } from '../messages';
import type { ConnectionDeps } from './connection-model';
import { requestServiceAccess } from './permissions';
import { clearSession, loadServiceUrl, loadSession, saveServiceUrl } from './session';

/** The real adapters behind the options page's connection section. */
export function pageConnectionDeps(): ConnectionDeps {
  return {
    loadServiceUrl,
    saveServiceUrl,
    loadSession,
    // The background seals the credential when the lock is on, and refuses while it is locked.
    saveSession: (session) => lockClient().saveSession(session),
    clearSession,
    requestAccess: requestServiceAccess,
    makeApi: (baseUrl, credential) => createApiClient({ baseUrl, credential }),
    makeSignInApi: (baseUrl) => createSignInApi({ baseUrl }),
  };
}
