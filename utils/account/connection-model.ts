import { batch, type Signal, signal } from '@preact/signals';
import type { ApiClient } from '../api';
import { normalizeServiceUrl } from '../api';
import type { AppError } from '../lib';
import { type MessageKey, t } from '../lib';
import { credentialFingerprint } from './key';
import type { Session } from './session';

export interface ConnectionDeps {
  loadServiceUrl(): Promise<string>;
  saveServiceUrl(url: string): Promise<void>;
  loadSession(): Promise<Session | null>;
  /** Why the session was not saved (the lock is closed), or null. */
  saveSession(session: Session): Promise<string | null>;
  clearSession(): Promise<void>;
  /** Asks for the service origin as a host permission; must be the first thing a click does. */
  requestAccess(serviceUrl: string): Promise<boolean>;
  makeApi(baseUrl: string, credential?: string): ApiClient;
}

export interface Feedback {
  ok: boolean;
  message: string;
}

export interface ConnectionModel {
  serviceUrl: Signal<string>;
  busy: Signal<'testing' | 'signing-in' | null>;
  test: Signal<Feedback | null>;
  signInError: Signal<string | null>;
  session: Signal<Session | null>;
  start(): Promise<void>;
  testConnection(): Promise<void>;
  signIn(credential: string): Promise<boolean>;
  signOut(): Promise<void>;
}

const MODES: Record<string, MessageKey> = {
  rw: 'modeReadWrite',
  'r-': 'modeReadOnly',
  '--': 'modeDown',
};

function describeMode(mode: string): string {
  const key = MODES[mode];
  return key ? t(key) : t('modeUnknown', mode);
}

/** The options page's "which service, which account" section. */
export function createConnectionModel(deps: ConnectionDeps): ConnectionModel {
  const serviceUrl = signal('');
  const busy = signal<'testing' | 'signing-in' | null>(null);
  const test = signal<Feedback | null>(null);
  const signInError = signal<string | null>(null);
  const session = signal<Session | null>(null);

  async function start(): Promise<void> {
    const [url, current] = await Promise.all([deps.loadServiceUrl(), deps.loadSession()]);
    batch(() => {
      serviceUrl.value = current?.serviceUrl ?? url;
      session.value = current;
    });
  }

  async function testConnection(): Promise<void> {
    const url = normalizeServiceUrl(serviceUrl.value);
    if (!url.ok) {
      test.value = { ok: false, message: url.error.message };
      return;
    }
    busy.value = 'testing';
    const version = await deps.makeApi(url.value).version();
    batch(() => {
      busy.value = null;
      test.value = version.ok
        ? {
            ok: true,
            message: t('connectedTo', version.value.version, describeMode(version.value.mode)),
          }
        : { ok: false, message: version.error.message };
    });
  }

  async function signIn(credential: string): Promise<boolean> {
    const url = normalizeServiceUrl(serviceUrl.value);
    const secret = credential.trim();
    if (!url.ok) return failSignIn(url.error.message);
    if (secret === '') return failSignIn(t('errNoCredential'));
    const granted = await deps.requestAccess(url.value);
    if (!granted) {
      return failSignIn(t('errNoPermission', new URL(url.value).host));
    }
    busy.value = 'signing-in';
    const who = await identify(deps.makeApi(url.value, secret), secret);
    busy.value = null;
    if (!who.ok) return failSignIn(who.error.message);
    const next: Session = { serviceUrl: url.value, credential: secret, ...who.value };
    const refused = await deps.saveSession(next);
    if (refused) return failSignIn(refused);
    batch(() => {
      serviceUrl.value = url.value;
      session.value = next;
      signInError.value = null;
    });
    return true;
  }

  function failSignIn(message: string): false {
    signInError.value = message;
    return false;
  }

  async function signOut(): Promise<void> {
    await deps.clearSession();
    await deps.saveServiceUrl(session.value?.serviceUrl ?? serviceUrl.value);
    session.value = null;
  }

  return { serviceUrl, busy, test, signInError, session, start, testConnection, signIn, signOut };
}

type Identity = { ok: true; value: { account: string; email: string } } | { ok: false; error: AppError };

/** The account id from `/user/info`; a server without that route is identified by a credential hash. */
async function identify(api: ApiClient, credential: string): Promise<Identity> {
  const info = await api.accountInfo();
  if (info.ok) return { ok: true, value: { account: info.value.id, email: info.value.email } };
  if (info.error.code !== 'not-found') return info;
  const listed = await api.listTokens();
  if (!listed.ok) return listed;
  return { ok: true, value: { account: await credentialFingerprint(credential), email: '' } };
}
