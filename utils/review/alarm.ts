import { browser } from 'wxt/browser';
import { onSessionChange, type Session } from '../account';
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

export interface ReviewWatch {
  arm(): Promise<number | null>;
  stop(): void;
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
 * on signing in or out (which also changes the account whose announcements count), whenever a
 * page or the engine announces a change to that account's records (a date set or cleared, a
 * token revoked), and after it fires, for the date after. Returns `arm`, and `stop` for tests.
 */
export function watchReviews(deps: ReviewAlarmDeps): ReviewWatch {
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
  const stopChanges = onChange(
    () => scope,
    () => void arm(),
  );
  const stopSession = onSessionChange(() => void arm());
  const fired = ({ name }: { name: string }): void => {
    if (name === REVIEW_ALARM) void Promise.resolve(deps.onDue()).finally(() => void arm());
  };
  browser.alarms.onAlarm.addListener(fired);
  void arm();
  const stop = (): void => {
    stopChanges();
    stopSession();
    browser.alarms.onAlarm.removeListener(fired);
  };
  return { arm, stop };
}
