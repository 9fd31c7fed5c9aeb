import type { Page } from '@playwright/test';
import type { ProbeState } from './probe';

// Talking to a page of the extension. Its CSP (`script-src 'self'`) refuses `eval`, so nothing
// here may use `page.waitForFunction`, which evaluates its predicate with it; `page.evaluate` of
// a string goes through the DevTools protocol, which the CSP does not cover.

const TIMEOUT_MS = 60_000;

/** `fn` as a self-contained script calling it with `args` (tsx wraps functions in `__name`). */
export function pageScript(fn: (...args: never[]) => unknown, ...args: unknown[]): string {
  const call = `(${fn.toString()})(...${JSON.stringify(args)})`;
  return `(() => { const __name = (f) => f; return ${call}; })()`;
}

/** `page.evaluate`, which never returns from a page stuck in a loop, bounded by `ms`. */
export async function evaluateWithin(page: Page, script: string, ms = TIMEOUT_MS): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    const error = new Error(`the page did not answer within ${ms} ms`);
    timer = setTimeout(() => reject(error), Math.max(ms, 1_000));
  });
  try {
    return await Promise.race([page.evaluate(script), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `predicate` in the page every 25 ms (not every frame: it stays out of the way) until it holds. */
export async function waitUntil(
  page: Page,
  predicate: (...args: never[]) => unknown,
  args: unknown[] = [],
  timeoutMs = TIMEOUT_MS,
): Promise<void> {
  const script = pageScript(predicate, ...args);
  const deadline = Date.now() + timeoutMs;
  while (!(await evaluateWithin(page, script, deadline - Date.now()))) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${predicate.name}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const signals = new WeakMap<Page, Map<string, number>>();

/**
 * Keeps the probe's signals (`bench:<what> <time>` on the console, probe.ts) of `page`, which
 * must be called before it navigates: waiting for them runs nothing in the page.
 */
export function watchSignals(page: Page): void {
  const seen = new Map<string, number>();
  signals.set(page, seen);
  page.on('console', (message) => {
    const [tag, at] = message.text().split(' ');
    if (tag?.startsWith('bench:')) seen.set(tag.slice('bench:'.length), Number(at));
  });
}

/** The time the probe in `page` signalled `what` (e.g. `painted`), once it has (see watchSignals). */
export async function signalled(page: Page, what: string, timeoutMs = TIMEOUT_MS): Promise<number> {
  const seen = signals.get(page);
  if (!seen) throw new Error('signalled: the page was opened without watchSignals');
  const deadline = Date.now() + timeoutMs;
  while (!seen.has(what)) {
    if (page.isClosed() || Date.now() > deadline) throw new Error(`the page never signalled ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return seen.get(what) as number;
}

/** What the probe has recorded in the page so far. */
export const probeState = (page: Page): Promise<ProbeState> =>
  evaluateWithin(page, 'window.__bench') as Promise<ProbeState>;
