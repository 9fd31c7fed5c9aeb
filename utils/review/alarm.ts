import { browser } from 'wxt/browser';
import { onSessionChange, type Session } from '../account';
import { listAllTokens, type Scope, type TokenDatabase, type TokenRecord } from '../store';
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
  /**
   * The engine wrote `scope`'s records (`tokens` as it left them, null: unknown): the alarm is
   * armed again only when review dates may have changed, so a sync of an account without any
   * opens no transaction of its own (issue 14: one per sync, everything it sets off included).
   */
  tokensChanged(scope: Scope, tokens: readonly Pick<TokenRecord, 'reviewBy'>[] | null): void;
  stop(): void;
}

const scopeKey = (scope: Scope): string => JSON.stringify([scope.service, scope.account]);

/** Arms the one review alarm for the next due date of any account's token, or clears it. */
export async function armReviewAlarm(deps: Pick<ReviewAlarmDeps, 'openDb' | 'now'>): Promise<number | null> {
  return (await readAndArm(deps)).next;
}

/** Arms the alarm from every account's tokens; also says which accounts hold a review date. */
async function readAndArm(
  deps: Pick<ReviewAlarmDeps, 'openDb' | 'now'>,
): Promise<{ next: number | null; dated: Set<string> }> {
  const db = await deps.openDb();
  const tokens = await listAllTokens(db).finally(() => db.close());
  const next = nextReviewAt(tokens, deps.now());
  if (next === null) await browser.alarms.clear(REVIEW_ALARM);
  else await browser.alarms.create(REVIEW_ALARM, { when: next });
  return { next, dated: new Set(tokens.filter((token) => token.reviewBy).map(scopeKey)) };
}

/**
 * Keeps the review alarm armed: now (the service worker starting is also the browser starting),
 * on signing in or out (which also changes the account whose announcements count), whenever a
 * page announces a change to that account's records (a date set or cleared) or the engine wrote
 * an account holding review dates (a token revoked), and after it fires, for the date after. Returns `arm`, and `stop` for tests.
 */
export function watchReviews(deps: ReviewAlarmDeps): ReviewWatch {
  let queue: Promise<number | null> = Promise.resolve(null);
  let scope: { service: string; account: string } | null = null;
  let dated = new Set<string>();
  const arm = (): Promise<number | null> => {
    queue = queue
      .then(async () => {
        const session = await deps.loadSession();
        scope = session && { service: session.serviceUrl, account: session.account };
        const armed = await readAndArm(deps);
        dated = armed.dated;
        return armed.next;
      })
      .catch(() => null);
    return queue;
  };
  // A page's own write (a date set or cleared, an import); the engine's come through tokensChanged.
  const stopChanges = onChange(
    () => scope,
    () => void arm(),
    '',
    true,
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
  const tokensChanged = (changed: Scope, tokens: readonly Pick<TokenRecord, 'reviewBy'>[] | null): void => {
    if (tokens && !dated.has(scopeKey(changed)) && !tokens.some((token) => token.reviewBy)) return;
    void arm();
  };
  return { arm, tokensChanged, stop };
}
