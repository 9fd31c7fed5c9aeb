import type { AppError } from '../lib';
import { t } from '../lib';

// The model's own errors: the store or the background failed us, or nobody is signed in.

export const localFailure = (): AppError => ({
  code: 'local',
  message: t('errLocal'),
});
export const signedOutError = (): AppError => ({ code: 'signed-out', message: t('errSignInToManage') });
/** The service ended the session (a 401, issue 18), also as told to a page opened after it. */
export const sessionEndedError = (): AppError => ({
  code: 'signed-out',
  status: 401,
  message: t('errSignedOut'),
});
