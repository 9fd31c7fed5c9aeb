import { createApiClient } from './api';
import type { ConnectionDeps } from './connection-model';
import { requestServiceAccess } from './permissions';
import { clearSession, loadServiceUrl, loadSession, saveServiceUrl, saveSession } from './session';

/** The real adapters behind the options page's connection section. */
export function pageConnectionDeps(): ConnectionDeps {
  return {
    loadServiceUrl,
    saveServiceUrl,
    loadSession,
    saveSession,
    clearSession,
    requestAccess: requestServiceAccess,
    makeApi: (baseUrl, credential) => createApiClient({ baseUrl, credential }),
  };
}
