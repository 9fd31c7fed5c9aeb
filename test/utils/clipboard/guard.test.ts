import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CopiedMark } from '../../../utils/clipboard/copy';
import type { ClearOutcome } from '../../../utils/clipboard/dom';
import { CLIPBOARD_ALARM, createClipboardGuard } from '../../../utils/clipboard/guard';

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

  it('should report an unreadable clipboard when the clear fails, and not try again', async () => {
    clear.mockRejectedValueOnce(new Error('no offscreen document'));
    const g = guard();
    await g.copied(A);
    vi.advanceTimersByTime(30_000);
    expect(await g.fire()).toBe('unreadable');
    expect(await g.fire()).toBeNull();
  });
});
