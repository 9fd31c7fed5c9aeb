import type { TokenCheck } from '../api';
import { t } from '../lib';
import type { CheckReply } from '../lock';
import { localFailure } from './failures';

/**
 * Check token's answer in words, and its tone: the service took the token (`works`), refused it
 * (`fails`), or gave no verdict (`unknown`: not reached, maintenance, locked…).
 */
export interface CheckOutcome {
  tone: 'works' | 'fails' | 'unknown';
  message: string;
}

/** The service's verdict on a token (utils/api/token-check.ts), said for a person. */
export function describeCheck(check: TokenCheck): CheckOutcome {
  switch (check.verdict) {
    case 'works':
      return { tone: 'works', message: t('checkWorks') };
    case 'revoked':
      return { tone: 'fails', message: t('checkRevoked') };
    case 'blocked':
      return { tone: 'fails', message: t('checkBlocked') };
    case 'restricted':
      return { tone: 'fails', message: t('checkRestricted') };
    default:
      return { tone: 'unknown', message: t('checkUnknown', check.error.message) };
  }
}

export interface CheckDeps {
  /** The background's `tokens/check` (utils/messages.ts). */
  checkToken(id: string): Promise<CheckReply>;
  /** The check met the lock: the page asks for the passphrase. */
  onLocked?(): void;
}

/**
 * Check token (issue 13): the background reveals the secret and asks the service with it, so
 * this page gets the verdict only. Locked: the page asks for the passphrase, as copy does.
 * The options page's alone: kept out of the tokens model, so the popup does not carry it.
 */
export function createCheck(deps: CheckDeps): (id: string) => Promise<CheckOutcome> {
  return async (id) => {
    const reply = await deps.checkToken(id).catch(() => null);
    if (!reply) return { tone: 'unknown', message: localFailure().message };
    if (reply.ok) return describeCheck(reply.check);
    if (reply.locked) {
      deps.onLocked?.();
      return { tone: 'unknown', message: t('checkLocked') };
    }
    return { tone: 'unknown', message: reply.message };
  };
}
