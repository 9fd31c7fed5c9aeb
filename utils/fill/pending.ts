import type { Scope } from '../store';

// Issue 14: a menu or shortcut fill that needs the person's yes leaves its question where the
// popup reads it with its first reads (storage.session, which web pages and content scripts
// cannot read), rather than in the background's memory, which the popup had to ask for as it
// opened. The question names a token and a site; never a secret.

export { PENDING_FILL_KEY } from './pending-key';

/** A question is asked within this long of being left, or not at all (the yes it asks for waits as long). */
export const QUESTION_MS = 120_000;

/** A fill the context menu or the shortcut started, waiting for the person's yes in the popup. */
export interface PendingFill {
  id: string;
  origin: string;
  /** The account of token `id` (issue 15): the yes fills in that account only. */
  scope?: Scope;
  /** The page, when `origin` is a frame's. */
  top?: string;
  url?: string;
  insecure?: boolean;
}

/** What is kept: the question, and when it was left. */
export interface LeftQuestion {
  question: PendingFill;
  at: number;
}

/**
 * The question the popup asks as it opens, from what storage held: none that is stale, malformed,
 * or about a token of an account the popup no longer shows (issue 15: a switch between the menu
 * click and the popup).
 */
export function questionFor(
  left: unknown,
  shown: { serviceUrl: string; account: string } | null,
  now: number,
): PendingFill | null {
  const { question, at } = (left ?? {}) as Partial<LeftQuestion>;
  if (typeof question?.id !== 'string' || typeof question.origin !== 'string') return null;
  if (typeof at !== 'number' || now - at > QUESTION_MS || now < at) return null;
  if (!question.scope) return question;
  const same = shown?.serviceUrl === question.scope.service && shown.account === question.scope.account;
  return same ? question : null;
}
