import type { AppError } from '../lib';
import { t } from '../lib';

// The model's own errors: the store or the background failed us, or nobody is signed in.

export const localFailure = (): AppError => ({
  code: 'local',
  message: t('errLocal'),
});
export const signedOutError = (): AppError => ({ code: 'signed-out', message: t('errSignInToManage') });
