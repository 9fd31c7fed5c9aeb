import { batch, computed, type ReadonlySignal, type Signal, signal } from '@preact/signals';
import type { ApiClient, SignInApi } from '../api';
import { isPlainHttpRemote, normalizeServiceUrl } from '../api';
import type { AppError } from '../lib';
import { type MessageKey, t } from '../lib';
import { createEmailSignIn, type EmailSignIn, type SignInBusy } from './email-sign-in';
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
  makeSignInApi(baseUrl: string): SignInApi;
}

export interface Feedback {
  ok: boolean;
  message: string;
}

export interface ConnectionModel extends EmailSignIn {
  serviceUrl: Signal<string>;
  busy: Signal<SignInBusy | null>;
  test: Signal<Feedback | null>;
  signInError: Signal<string | null>;
  /** What the last sign-out could not do (the service was out of reach), or null. */
  signOutNotice: Signal<string | null>;
  session: Signal<Session | null>;
  /** Signed in, and signing in to one more account (issue 15): the sign-in form shows, Cancel returns. */
  adding: Signal<boolean>;
  /** Plain http:// to another computer: warned about at sign-in (issue 11). */
  insecure: ReadonlySignal<boolean>;
  start(): Promise<void>;
  testConnection(): Promise<void>;
  /** Signs in with a pasted session credential. */
  signIn(credential: string): Promise<boolean>;
  /**
   * Ends the session on the service, then forgets it here (even when the service is out of
   * reach); another signed-in account, if any, is the shown one then.
   */
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
  const busy = signal<SignInBusy | null>(null);
  const test = signal<Feedback | null>(null);
  const signInError = signal<string | null>(null);
  const signOutNotice = signal<string | null>(null);
  const session = signal<Session | null>(null);
  const adding = signal(false);
  const insecure = insecureOf(serviceUrl);

  async function start(): Promise<void> {
    const [url, current] = await Promise.all([deps.loadServiceUrl(), deps.loadSession()]);
    batch(() => {
      serviceUrl.value = current?.serviceUrl ?? url;
      session.value = current;
    });
  }

  async function testConnection(): Promise<void> {
    busy.value = 'testing';
    const feedback = await checkService(deps, serviceUrl.value);
    batch(() => {
      busy.value = null;
      test.value = feedback;
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
    return finish(url.value, secret, '');
  }

  /** Identifies the account behind `credential` and keeps the session. */
  async function finish(url: string, credential: string, email: string): Promise<boolean> {
    busy.value = 'signing-in';
    const who = await identify(deps.makeApi(url, credential), credential);
    busy.value = null;
    if (!who.ok) return failSignIn(who.error.message);
    const next: Session = { serviceUrl: url, credential, ...who.value, email: who.value.email || email };
    const refused = await deps.saveSession(next);
    if (refused) return failSignIn(refused);
    batch(() => {
      serviceUrl.value = url;
      session.value = next;
      adding.value = false;
      signInError.value = null;
      signOutNotice.value = null;
    });
    return true;
  }

  function failSignIn(message: string): false {
    signInError.value = message;
    return false;
  }

  async function signOut(): Promise<void> {
    const current = session.value;
    busy.value = 'signing-out';
    const notice = await endSession(deps, current);
    await deps.saveServiceUrl(current?.serviceUrl ?? serviceUrl.value);
    const next = await deps.loadSession();
    batch(() => {
      busy.value = null;
      session.value = next;
      signOutNotice.value = notice;
    });
  }

  const email = createEmailSignIn(deps, { serviceUrl, busy, signInError, finish });
  const state = { serviceUrl, busy, test, signInError, signOutNotice, session, adding, insecure };
  return { ...email, ...state, start, testConnection, signIn, signOut };
}

/** Plain http:// to another computer (issue 11). */
function insecureOf(serviceUrl: Signal<string>): ReadonlySignal<boolean> {
  return computed(() => {
    const url = normalizeServiceUrl(serviceUrl.value);
    return url.ok && isPlainHttpRemote(url.value);
  });
}

/** The version and mode of the service at `raw`, in words. */
async function checkService(deps: ConnectionDeps, raw: string): Promise<Feedback> {
  const url = normalizeServiceUrl(raw);
  if (!url.ok) return { ok: false, message: url.error.message };
  const version = await deps.makeApi(url.value).version();
  return version.ok
    ? { ok: true, message: t('connectedTo', version.value.version, describeMode(version.value.mode)) }
    : { ok: false, message: version.error.message };
}

/**
 * Ends `current` on the service, then forgets it here whatever the answer. Returns what a person
 * should know when the service could not end it, or null.
 */
async function endSession(deps: ConnectionDeps, current: Session | null): Promise<string | null> {
  // A sealed credential (locked, after a restart) is empty here: nothing to send, forget it only.
  const ended = current?.credential
    ? await deps.makeSignInApi(current.serviceUrl).endSession(current.credential)
    : null;
  await deps.clearSession();
  return ended && !ended.ok ? t('signedOutLocally', ended.error.message) : null;
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
