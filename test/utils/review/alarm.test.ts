import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveSession } from '../../../utils/account/session';
import { armReviewAlarm, REVIEW_ALARM, watchReviews } from '../../../utils/review/alarm';
import { applyList, setReviewBy } from '../../../utils/store/db';
import { openTokenDb } from '../../../utils/store/open';
import { testScope, testSession } from '../../helpers/session';

const NOW = 1_800_000_000_000;
const DAY = 24 * 3600_000;
const openDb = () => openTokenDb('review');
const token = (id: string) => ({
  id,
  name: `token ${id}`,
  secret: `SECRET-${id}`,
  created: '2026-01-01T00:00:00.000+00:00',
  hasUploads: false,
});

async function seed(dates: Record<string, number | null>): Promise<void> {
  const db = await openDb();
  await applyList(db, testScope, Object.keys(dates).map(token), NOW);
  for (const [id, at] of Object.entries(dates)) await setReviewBy(db, testScope, id, at);
  db.close();
}

describe('armReviewAlarm', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await saveSession(testSession);
  });

  it('should arm the alarm for the next date to come, and clear it when none will', async () => {
    await seed({ '1': NOW + 9 * DAY, '2': NOW + 3 * DAY, '3': NOW - DAY, '4': null });
    expect(await armReviewAlarm({ openDb, now: () => NOW })).toBe(NOW + 3 * DAY);
    expect((await fakeBrowser.alarms.get(REVIEW_ALARM))?.scheduledTime).toBe(NOW + 3 * DAY);

    // The clock moves past the first: the alarm moves on to the next.
    expect(await armReviewAlarm({ openDb, now: () => NOW + 3 * DAY })).toBe(NOW + 9 * DAY);
    expect((await fakeBrowser.alarms.get(REVIEW_ALARM))?.scheduledTime).toBe(NOW + 9 * DAY);

    const db = await openDb();
    await setReviewBy(db, testScope, '1', null);
    db.close();
    expect(await armReviewAlarm({ openDb, now: () => NOW + 3 * DAY })).toBeNull();
    expect(await fakeBrowser.alarms.get(REVIEW_ALARM)).toBeUndefined();
  });

  it('should tell the badge when the alarm fires, then re-arm for the date after', async () => {
    await seed({ '1': NOW + DAY, '2': NOW + 2 * DAY });
    let now = NOW;
    const onDue = vi.fn();
    const { arm, stop } = watchReviews({
      loadSession: async () => testSession,
      openDb,
      now: () => now,
      onDue,
    });
    onTestFinished(stop);
    expect(await arm()).toBe(NOW + DAY);
    now = NOW + DAY;
    await fakeBrowser.alarms.onAlarm.trigger({ name: REVIEW_ALARM, scheduledTime: NOW + DAY });
    await vi.waitFor(async () =>
      expect((await fakeBrowser.alarms.get(REVIEW_ALARM))?.scheduledTime).toBe(NOW + 2 * DAY),
    );
    expect(onDue).toHaveBeenCalledTimes(1);
    // Another alarm's firing is not a review date coming.
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'sync', scheduledTime: NOW });
    expect(onDue).toHaveBeenCalledTimes(1);
  });

  it('should re-arm when a page announces a changed date', async () => {
    await seed({ '1': NOW + 5 * DAY });
    const { arm, stop } = watchReviews({
      loadSession: async () => testSession,
      openDb,
      now: () => NOW,
      onDue: vi.fn(),
    });
    onTestFinished(stop);
    expect(await arm()).toBe(NOW + 5 * DAY);
    const db = await openDb();
    await setReviewBy(db, testScope, '1', NOW + DAY);
    db.close();
    const { announceChange } = await import('../../../utils/sync/channel');
    announceChange(testScope, 'a page');
    await vi.waitFor(async () =>
      expect((await fakeBrowser.alarms.get(REVIEW_ALARM))?.scheduledTime).toBe(NOW + DAY),
    );
  });

  it('should follow the account signed in after it started, signed out at first', async () => {
    await seed({ '1': NOW + 5 * DAY });
    let session: typeof testSession | null = null;
    await fakeBrowser.storage.local.clear();
    const { arm, stop } = watchReviews({
      loadSession: async () => session,
      openDb,
      now: () => NOW,
      onDue: vi.fn(),
    });
    onTestFinished(stop);
    await arm();
    session = testSession;
    await saveSession(testSession);
    const db = await openDb();
    await setReviewBy(db, testScope, '1', NOW + 2 * DAY);
    db.close();
    const { announceChange } = await import('../../../utils/sync/channel');
    announceChange(testScope, 'a page');
    await vi.waitFor(async () =>
      expect((await fakeBrowser.alarms.get(REVIEW_ALARM))?.scheduledTime).toBe(NOW + 2 * DAY),
    );
  });

  it('should read nothing after the engine wrote an account without review dates (issue 14: one transaction per sync)', async () => {
    await seed({ '1': null });
    const opened = vi.fn(openDb);
    const { arm, tokensChanged, stop } = watchReviews({
      loadSession: async () => testSession,
      openDb: opened,
      now: () => NOW,
      onDue: () => {},
    });
    onTestFinished(stop);
    await arm();
    const reads = opened.mock.calls.length;
    tokensChanged(testScope, [{ reviewBy: null }, {}]);
    await arm();
    expect(opened.mock.calls.length).toBe(reads + 1);
    // A date in what the engine wrote: armed again from the store.
    tokensChanged(testScope, [{ reviewBy: NOW + DAY }]);
    await vi.waitFor(() => expect(opened.mock.calls.length).toBe(reads + 2));
  });
});
