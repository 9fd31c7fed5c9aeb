import type { Session } from '../../utils/account/session';
import type { Scope } from '../../utils/store/records';

/** A signed-in session on the default service, and the scope its records live in. */
export const testSession: Session = {
  serviceUrl: 'http://127.0.0.1:8787',
  credential: 'c',
  account: '42',
  email: 'a@b.c',
};
export const testScope: Scope = { service: testSession.serviceUrl, account: testSession.account };
