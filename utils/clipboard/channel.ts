import type { CopiedMark } from './copy';
import type { ClearOutcome } from './dom';
import { copiedMarkOf } from './rule';

/**
 * The background and its offscreen document (utils/clipboard/offscreen.ts) talk over a
 * BroadcastChannel: only the extension's own origin can join it (a content script runs in the
 * page's origin), and the offscreen document needs no `browser` API for it.
 */
const CHANNEL = 'w3s-clipboard-clear';
const OUTCOMES: readonly ClearOutcome[] = ['cleared', 'changed', 'unreadable'];

/** Asks the offscreen document to clear; asks again until it answers (it may still be loading). */
export function askToClear(mark: CopiedMark, timeoutMs = 10_000, everyMs = 250): Promise<ClearOutcome> {
  const channel = new BroadcastChannel(CHANNEL);
  const ask = crypto.randomUUID();
  return new Promise<ClearOutcome>((resolve) => {
    const done = (outcome: ClearOutcome): void => {
      clearInterval(again);
      clearTimeout(limit);
      channel.close();
      resolve(outcome);
    };
    channel.onmessage = ({ data }: MessageEvent<{ answer?: unknown; outcome?: unknown } | null>) => {
      const outcome = OUTCOMES.find((o) => o === data?.outcome);
      if (data?.answer === ask && outcome) done(outcome);
    };
    const post = (): void => channel.postMessage({ ask, salt: mark.salt, digest: mark.digest });
    const again = setInterval(post, everyMs);
    const limit = setTimeout(() => done('unreadable'), timeoutMs);
    post();
  });
}

/** The offscreen document's side: answers each ask with `clear`'s outcome. */
export function answerClears(clear: (mark: CopiedMark) => Promise<ClearOutcome>): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  const seen = new Set<string>();
  channel.onmessage = ({ data }: MessageEvent<{ ask?: unknown } | null>) => {
    const mark = copiedMarkOf(data);
    const ask = data?.ask;
    // A repeated ask is the same request: the first answer counts.
    if (!mark || typeof ask !== 'string' || seen.has(ask)) return;
    seen.add(ask);
    void clear(mark).then((outcome) => channel.postMessage({ answer: ask, outcome }));
  };
  return () => channel.close();
}
