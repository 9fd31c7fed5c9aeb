import { batch, type Signal, signal } from '@preact/signals';
import type { CodeCheck, CodeRequest, SignInApi } from '../api';
import { normalizeServiceUrl } from '../api';
import { t } from '../lib';

// The email one-time code half of sign-in (api-contract.md, "Sign-in routes"): email, "Send code",
// code, signed in. Every answer of the service becomes one sentence; the typed email is kept on
// every error, and neither the code nor a credential is ever part of a message.

export type SignInBusy = 'testing' | 'sending' | 'verifying' | 'signing-in' | 'signing-out';

export interface EmailSignInDeps {
  /** Asks for the service origin as a host permission; must be the first thing a click does. */
  requestAccess(serviceUrl: string): Promise<boolean>;
  makeSignInApi(baseUrl: string): SignInApi;
}

export interface EmailSignInShared {
  serviceUrl: Signal<string>;
  busy: Signal<SignInBusy | null>;
  signInError: Signal<string | null>;
  /** Identifies the account behind `credential` and saves the session; false with `signInError` set. */
  finish(serviceUrl: string, credential: string, email: string): Promise<boolean>;
}

export interface EmailSignIn {
  email: Signal<string>;
  /** The address the last code went to; the code step shows while it is set. */
  codeSentTo: Signal<string | null>;
  /** The service has no email sign-in (404/405): a session credential is the way in. */
  noEmailSignIn: Signal<boolean>;
  sendCode(): Promise<void>;
  verifyCode(code: string): Promise<boolean>;
  /** Back to the email step, keeping the typed email. */
  changeEmail(): void;
}

/** The email → code → signed-in steps of the options page. */
export function createEmailSignIn(deps: EmailSignInDeps, shared: EmailSignInShared): EmailSignIn {
  const { busy, signInError } = shared;
  const email = signal('');
  const codeSentTo = signal<string | null>(null);
  const noEmailSignIn = signal(false);

  /** The service URL and permission, asked before any await (Firefox needs the click's gesture). */
  function prepare(): { url: string; granted: Promise<boolean> } | null {
    const url = normalizeServiceUrl(shared.serviceUrl.value);
    if (!url.ok) {
      signInError.value = url.error.message;
      return null;
    }
    return { url: url.value, granted: deps.requestAccess(url.value) };
  }

  async function allowed(url: string, granted: Promise<boolean>): Promise<boolean> {
    if (await granted) return true;
    signInError.value = t('errNoPermission', new URL(url).host);
    return false;
  }

  async function sendCode(): Promise<void> {
    const address = email.value.trim();
    if (address === '') {
      signInError.value = t('errNoEmail');
      return;
    }
    const ready = prepare();
    if (!ready || !(await allowed(ready.url, ready.granted))) return;
    busy.value = 'sending';
    const answer = await deps.makeSignInApi(ready.url).requestCode(address);
    batch(() => {
      busy.value = null;
      signInError.value = answer.kind === 'sent' || answer.kind === 'unsupported' ? null : describe(answer);
      if (answer.kind === 'sent') codeSentTo.value = address;
      noEmailSignIn.value = answer.kind === 'unsupported';
    });
  }

  async function verifyCode(code: string): Promise<boolean> {
    const address = codeSentTo.value ?? email.value.trim();
    const typed = code.replace(/[\s-]/g, '');
    if (typed === '') {
      signInError.value = t('errNoCode');
      return false;
    }
    const ready = prepare();
    if (!ready || !(await allowed(ready.url, ready.granted))) return false;
    busy.value = 'verifying';
    const answer = await deps.makeSignInApi(ready.url).verifyCode(address, typed);
    busy.value = null;
    if (answer.kind !== 'signed-in') {
      signInError.value = describe(answer);
      // An expired code cannot be retried: back to "Send code", the email still typed.
      if (answer.kind === 'expired') codeSentTo.value = null;
      return false;
    }
    if (!(await shared.finish(ready.url, answer.credential, answer.email))) return false;
    batch(() => {
      codeSentTo.value = null;
      signInError.value = null;
    });
    return true;
  }

  function changeEmail(): void {
    batch(() => {
      codeSentTo.value = null;
      signInError.value = null;
    });
  }

  return { email, codeSentTo, noEmailSignIn, sendCode, verifyCode, changeEmail };
}

/** One sentence for an answer that did not sign in. */
function describe(
  answer: Exclude<CodeRequest | CodeCheck, { kind: 'sent' | 'unsupported' | 'signed-in' }>,
): string {
  switch (answer.kind) {
    case 'invalid-email':
      return t('errInvalidEmail');
    case 'rate-limited':
      return t('errSignInTooMany', answer.retryAfter);
    case 'invalid':
      return answer.triesLeft === null ? t('errCodeWrong') : t('errCodeWrongTries', answer.triesLeft);
    case 'expired':
      return t('errCodeExpired');
    case 'failed':
      return answer.message;
  }
}
