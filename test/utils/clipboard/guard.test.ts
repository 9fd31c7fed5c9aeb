import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CopiedMark } from '../../../utils/clipboard/copy';
import type { ClearOutcome } from '../../../utils/clipboard/dom';
import {
  backgroundClipboardGuard,
  CLIPBOARD_ALARM,
  createClipboardGuard,
} from '../../../utils/clipboard/guard';
import { saveSettings } from '../../../utils/settings';
import type { Scope } from '../../../utils/store';

const A: CopiedMark = { salt: 'a'.repeat(32), digest: '1'.repeat(64) };
const B: CopiedMark = { salt: 'b'.repeat(32), digest: '2'.repeat(64) };

describe('createClipboardGuard', () => {
  let seconds: number;
  let clear: ReturnType<typeof vi.fn<(mark: CopiedMark) => Promise<ClearOutcome>>>;
  const guard = () => createClipboardGuard({ loadSeconds: async () => seconds, clear, now: Date.now });

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    seconds = 30;
    clear = vi.fn(async () => 'cleared' as const);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('should set a durable alarm for the chosen delay and keep no copied text', async () => {
    await guard().copied(A);
    expect((await fakeBrowser.alarms.get(CLIPBOARD_ALARM))?.scheduledTime).toBe(Date.now() + 30_000);
    const kept = JSON.stringify(await fakeBrowser.storage.session.get(null));
    expect(kept).toContain(A.digest);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('should clear through the alarm once due, and only once', async () => {
    const g = guard();
    await g.copied(A);
    expect(await g.fire()).toBeNull();
    vi.advanceTimersByTime(30_000);
    expect(await g.fire()).toBe('cleared');
    expect(await g.fire()).toBeNull();
    expect(clear.mock.calls).toEqual([[A]]);
    expect(await fakeBrowser.alarms.get(CLIPBOARD_ALARM)).toBeUndefined();
  });

  it('should clear after 15 s with a timer, the alarm at the 30 s minimum as the fallback', async () => {
    seconds = 15;
    await guard().copied(A);
    expect((await fakeBrowser.alarms.get(CLIPBOARD_ALARM))?.scheduledTime).toBe(Date.now() + 30_000);
    await vi.advanceTimersByTimeAsync(15_000);
    await vi.waitFor(() => expect(clear).toHaveBeenCalledWith(A));
  });

  it('should restart the countdown on a new copy and clear the newer copy only', async () => {
    const g = guard();
    await g.copied(A);
    vi.advanceTimersByTime(20_000);
    await g.copied(B);
    vi.advanceTimersByTime(10_000);
    // A's time has come, but B replaced it.
    expect(await g.fire()).toBeNull();
    vi.advanceTimersByTime(20_000);
    expect(await g.fire()).toBe('cleared');
    expect(clear.mock.calls).toEqual([[B]]);
  });

  it('should set nothing, and forget a waiting clear, when the setting is never', async () => {
    const g = guard();
    await g.copied(A);
    seconds = 0;
    await g.copied(B);
    vi.advanceTimersByTime(600_000);
    expect(await g.fire()).toBeNull();
    expect(clear).not.toHaveBeenCalled();
    expect(await fakeBrowser.alarms.get(CLIPBOARD_ALARM)).toBeUndefined();
  });

  it('should try an unreadable clear again on an alarm, 30, 60 and 120 s later, then give up', async () => {
    clear.mockRejectedValueOnce(new Error('no offscreen document'));
    clear
      .mockResolvedValueOnce('unreadable')
      .mockResolvedValueOnce('unreadable')
      .mockResolvedValueOnce('unreadable');
    const g = guard();
    await g.copied(A);
    vi.advanceTimersByTime(30_000);
    const outcomes: (ClearOutcome | null)[] = [await g.fire()];
    for (const wait of [30_000, 60_000, 120_000]) {
      // Not before the wait: the alarm is set for it.
      expect(await g.fire()).toBeNull();
      expect((await fakeBrowser.alarms.get(CLIPBOARD_ALARM))?.scheduledTime).toBe(Date.now() + wait);
      vi.advanceTimersByTime(wait);
      outcomes.push(await g.fire());
    }
    expect(outcomes).toEqual(['unreadable', 'unreadable', 'unreadable', 'unreadable']);
    expect(clear.mock.calls).toEqual([[A], [A], [A], [A]]);
    expect(await fakeBrowser.alarms.get(CLIPBOARD_ALARM)).toBeUndefined();
    vi.advanceTimersByTime(600_000);
    expect(await g.fire()).toBeNull();
  });

  it('should clear on the retry once the clipboard can be read', async () => {
    clear.mockResolvedValueOnce('unreadable');
    const g = guard();
    await g.copied(A);
    vi.advanceTimersByTime(30_000);
    expect(await g.fire()).toBe('unreadable');
    vi.advanceTimersByTime(30_000);
    expect(await g.fire()).toBe('cleared');
    expect(clear.mock.calls).toEqual([[A], [A]]);
  });

  it('should clear the earlier copy when the newer one never reached the clipboard', async () => {
    // B was announced (the clear is armed before the write), then its write failed: A is still there.
    clear.mockImplementation(async (mark) => (mark.digest === A.digest ? 'cleared' : 'changed'));
    const g = guard();
    await g.copied(A);
    await g.copied(B);
    vi.advanceTimersByTime(30_000);
    expect(await g.fire()).toBe('cleared');
    expect(clear.mock.calls).toEqual([[B], [A]]);
  });

  it('should take a copy that comes during a clear after it, never lose it', async () => {
    let release: (outcome: ClearOutcome) => void = () => {};
    clear.mockImplementationOnce(() => new Promise((resolve) => (release = resolve)));
    const g = guard();
    await g.copied(A);
    vi.advanceTimersByTime(30_000);
    const firing = g.fire();
    const copying = g.copied(B);
    await vi.waitFor(() => expect(clear).toHaveBeenCalledTimes(1));
    release('unreadable');
    expect(await firing).toBe('unreadable');
    await copying;
    // B's countdown replaced A's retry, and keeps A as the copy before it.
    vi.advanceTimersByTime(30_000);
    clear.mockResolvedValueOnce('changed');
    expect(await g.fire()).toBe('cleared');
    expect(clear.mock.calls.slice(1)).toEqual([[B], [A]]);
  });

  describe('with several accounts (issue 15)', () => {
    const work: Scope = { service: 'http://svc.test', account: 'A' };
    const home: Scope = { service: 'http://svc.test', account: 'B' };
    const alarmIn = async (): Promise<number | undefined> => {
      const at = (await fakeBrowser.alarms.get(CLIPBOARD_ALARM))?.scheduledTime;
      return at === undefined ? undefined : at - Date.now();
    };

    it('should clear after the delay of the account whose token was copied', async () => {
      await saveSettings(work, { syncMinutes: 15, clipboardSeconds: 300 });
      await saveSettings(home, { syncMinutes: 15, clipboardSeconds: 60 });
      // The shown account is the other one: the copy's own account decides.
      const g = backgroundClipboardGuard(async () => home);
      await g.copied(A, work);
      expect(await alarmIn()).toBe(300_000);
      await g.copied(B, home);
      expect(await alarmIn()).toBe(60_000);
      // A page that names no account: the shown account's delay.
      await g.copied(A);
      expect(await alarmIn()).toBe(60_000);
    });

    it("should not clear at all after a copy of an account set to never, whatever the other's delay", async () => {
      await saveSettings(work, { syncMinutes: 15, clipboardSeconds: 0 });
      await saveSettings(home, { syncMinutes: 15, clipboardSeconds: 15 });
      const g = backgroundClipboardGuard(async () => home);
      await g.copied(A, work);
      expect(await alarmIn()).toBeUndefined();
      await g.copied(B, home);
      expect(await alarmIn()).toBe(30_000);
    });
  });
});
