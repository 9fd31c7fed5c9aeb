import { createApiClient } from './api';
import { copyText } from './clipboard';
import type { ConnectionDeps } from './connection-model';
import { openTokenDb } from './db';
import { requestServiceAccess } from './permissions';
import { clearSession, loadServiceUrl, loadSession, saveServiceUrl, saveSession } from './session';
import type { TokensDeps } from './tokens-model';

/** The real adapters behind the models, for extension pages. Tests pass their own. */
export function pageTokensDeps(): TokensDeps {
  let db: ReturnType<typeof openTokenDb> | undefined;
  return {
    loadSession,
    endSession: clearSession,
    openDb: () => {
      db ??= openTokenDb();
      return db;
    },
    makeApi: (session) => createApiClient({ baseUrl: session.serviceUrl, credential: session.credential }),
    copyText: (text) => copyText(text),
    now: Date.now,
  };
}

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
