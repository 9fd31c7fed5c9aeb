import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundFillDeps } from '../../../utils/fill/tab';

type Injection = {
  target: { tabId: number; allFrames?: boolean; frameIds?: number[] };
  files?: string[];
  func?: (...a: unknown[]) => unknown;
  args?: unknown[];
};

/** A tab of frames 0 and 5; `loaded`: the frames whose isolated world has the fill code. */
function tab(loaded: Set<number>) {
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 3 }] as never);
  const calls: string[] = [];
  const answer = (frameId: number) => ({ frameId, found: true, origin: 'https://ci.example', path: [0] });
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async (injection: Injection) => {
    const frames = injection.target.frameIds ?? [0, 5];
    if (injection.files) {
      calls.push('inject');
      for (const frame of frames) loaded.add(frame);
      return frames.map((frameId) => ({ frameId, result: undefined }));
    }
    calls.push(injection.args ? 'fill' : 'ask');
    return frames.map((frameId) => ({
      frameId,
      result: loaded.has(frameId) ? answer(frameId) : injection.args ? null : false,
    }));
  }) as never);
  return calls;
}

describe('the fill code in the active tab (issue 14)', () => {
  it('should inject the fill code only when a frame lacks it', async () => {
    const loaded = new Set<number>();
    const calls = tab(loaded);
    const deps = backgroundFillDeps();
    expect((await deps.probe())?.map((a) => a.frameId)).toEqual([0, 5]);
    expect(calls).toEqual(['ask', 'inject', 'ask']);
    calls.length = 0;
    expect((await deps.probe())?.map((a) => a.frameId)).toEqual([0, 5]);
    expect(calls).toEqual(['ask']);
    // A frame that navigated (a new document, no code) gets it again.
    loaded.delete(5);
    calls.length = 0;
    expect((await deps.probe())?.map((a) => a.frameId)).toEqual([0, 5]);
    expect(calls).toEqual(['ask', 'inject', 'ask']);
  });

  it('should not inject the code again with the secret into a frame that lost it', async () => {
    const loaded = new Set<number>([0]);
    const calls = tab(loaded);
    const deps = backgroundFillDeps();
    expect(await deps.fillFrame(5, 'secret', 'https://ci.example', '[0]')).toBeNull();
    expect(calls).toEqual(['fill']);
    expect(await deps.fillFrame(0, 'secret', 'https://ci.example', '[0]')).toMatchObject({ found: true });
  });
});

// Issue 14: the popup reads the question with its first reads, asking the background nothing.
describe('the question a menu or shortcut fill leaves for the popup', () => {
  it('should be kept in storage.session with when it was left, never a secret', async () => {
    const question = { id: '1', origin: 'https://ci.example', scope: { service: 's', account: 'a' } };
    const before = Date.now();
    await backgroundFillDeps().leaveQuestion(question);
    const { pendingFill } = await fakeBrowser.storage.session.get('pendingFill');
    expect(pendingFill).toEqual({ question, at: expect.any(Number) });
    expect((pendingFill as { at: number }).at).toBeGreaterThanOrEqual(before);
  });
});
