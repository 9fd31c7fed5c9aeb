import { browser } from 'wxt/browser';
import type { Session } from '../account';
import { listAllTokens, type TokenDatabase } from '../store';
import { onChange } from '../sync';
import { nextReviewAt } from './due';

export const REVIEW_ALARM = 'review-due';

export interface ReviewAlarmDeps {
  loadSession(): Promise<Session | null>;
  openDb(): Promise<TokenDatabase>;
  /** The clock the next due date is measured against (tests pass their own). */
  now(): number;
  /** A review date came: the badge and the open pages show it (utils/badge's refresh). */
  onDue(): Promise<void> | void;
}

/** Arms the one review alarm for the next due date of any account's token, or clears it. */
export async function armReviewAlarm(deps: Pick<ReviewAlarmDeps, 'openDb' | 'now'>): Promise<number | null> {
  const db = await deps.openDb();
  const tokens = await listAllTokens(db).finally(() => db.close());
  const next = nextReviewAt(tokens, deps.now());
  if (next === null) await browser.alarms.clear(REVIEW_ALARM);
  else await browser.alarms.create(REVIEW_ALARM, { when: next });
  return next;
}

/**
 * Keeps the review alarm armed: now (the service worker starting is also the browser starting),
 * whenever a page or the engine announces a change to the signed-in account's records (a date
 * set or cleared, a token revoked), and after it fires, for the date after. Returns `arm`.
 */
export function watchReviews(deps: ReviewAlarmDeps): () => Promise<number | null> {
  let queue: Promise<number | null> = Promise.resolve(null);
  let scope: { service: string; account: string } | null = null;
  const arm = (): Promise<number | null> => {
    queue = queue
      .then(async () => {
        const session = await deps.loadSession();
        scope = session && { service: session.serviceUrl, account: session.account };
        return armReviewAlarm(deps);
      })
      .catch(() => null);
    return queue;
  };
  onChange(
    () => scope,
    () => void arm(),
  );
  browser.alarms.onAlarm.addListener(({ name }) => {
    if (name !== REVIEW_ALARM) return;
    void Promise.resolve(deps.onDue()).finally(() => void arm());
  });
  void arm();
  return arm;
}
