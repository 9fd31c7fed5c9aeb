import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { bearer } from './auth';
import { type Deps, type Handler, jsonBody, type SignInLimits } from './context';
import { codeExpired, codeInvalid, invalidEmail, mailFailed, noToken, tooManySignIns } from './errors';
import { json, type Reply } from './http';
import { hashCredential, normalizeEmail, signIn } from './session';

// The sign-in routes of /work/shared/api-contract.md ("Sign-in routes"): a one-time code by mail,
// then a session credential. Asking for a code does the same work whether or not the account
// exists (the account is made only on a verified code), so answers and timing reveal nothing.

const CODE_MINUTES = 10;
const CODE_TRIES = 5;
const MINUTE = 60_000;

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  codesPerEmail: { max: 3, windowMs: 10 * MINUTE },
  codesPerClient: { max: 10, windowMs: 10 * MINUTE },
  checksPerClient: { max: 30, windowMs: 10 * MINUTE },
};

/** Six random digits; only an HMAC of them, bound to the email, is stored. */
function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

function hashCode(deps: Deps, email: string, code: string): string {
  return createHmac('sha256', deps.salt).update(`sign-in code\n${email}\n${code}`).digest('hex');
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function emailOf(body: unknown): string | null {
  return normalizeEmail((body as { email?: unknown } | null | undefined)?.email);
}

/** `POST /auth/email {"email"}`: mails a new code (replacing any earlier one) and answers 202 {}. */
export const sendCodeRoute: Handler = async (req, deps) => {
  const email = emailOf(await jsonBody(req));
  if (!email) return invalidEmail();
  const now = deps.now();
  const limits = deps.state.signInLimits;
  const wait = await deps.signInStore.hit(
    [
      { key: `code-client:${req.client}`, limit: limits.codesPerClient },
      { key: `code-email:${email}`, limit: limits.codesPerEmail },
    ],
    now,
  );
  if (wait !== null) return tooManySignIns(wait);
  const code = newCode();
  const expiresAt = new Date(now.getTime() + CODE_MINUTES * MINUTE);
  await deps.signInStore.saveCode(email, hashCode(deps, email, code), CODE_TRIES, expiresAt);
  try {
    await deps.mailer.sendCode(email, code, CODE_MINUTES);
  } catch (error) {
    // The error's code only (ECONNREFUSED, EAUTH…): its message may quote the recipient or the mail.
    deps.log(`sign-in mail not sent: ${(error as { code?: unknown }).code ?? 'unknown error'}`);
    return mailFailed();
  }
  return json(202, {});
};

/** `POST /auth/email/verify {"email","code"}`: a session credential for a right code, used up. */
export const verifyCodeRoute: Handler = async (req, deps) => {
  const body = await jsonBody(req);
  const email = emailOf(body);
  if (!email) return invalidEmail();
  const now = deps.now();
  const limit = deps.state.signInLimits.checksPerClient;
  const wait = await deps.signInStore.hit([{ key: `check-client:${req.client}`, limit }], now);
  if (wait !== null) return tooManySignIns(wait);
  const typed = (body as { code?: unknown }).code;
  // People paste codes with spaces or a dash in the middle.
  const code = typeof typed === 'string' ? typed.replace(/[\s-]/g, '') : '';
  const check = await deps.signInStore.checkCode(email, hashCode(deps, email, code), now, sameHash);
  if ('expired' in check) return codeExpired();
  if (!check.ok) return codeInvalid(check.triesLeft);
  const { credential, expires } = await signIn(deps, email);
  return json(200, { credential, email, expires });
};

/** `DELETE /auth/session`: ends the bearer's session. An unknown credential is ended already: 204. */
export const signOutRoute: Handler = async (req, deps): Promise<Reply> => {
  const credential = bearer(req.headers);
  if (!credential) return noToken();
  await deps.store.endSession(hashCredential(credential));
  return { status: 204 };
};
