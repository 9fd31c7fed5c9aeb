import { forgetFirstScreen } from '../first-screen-key';
import type { Scope } from '../store';

const CHANNEL = 'w3s-token-sync';

interface Change extends Scope {
  from: string;
  /** Sent by the background's engine, whose own followers (menu, badge) already know (issue 14). */
  engine?: boolean;
}

/**
 * Tells the other open extension pages (and the background) that a scope's records changed.
 * `from` names the sender, so a page does not reload what it has just written itself. The popup's
 * kept first screen (utils/first-screen.ts) may show those records as they were: it goes.
 */
export function announceChange(scope: Scope, from = '', engine = false): void {
  void forgetFirstScreen();
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  const change: Change = { service: scope.service, account: scope.account, from, ...(engine && { engine }) };
  channel.postMessage(change);
  channel.close();
}

/**
 * Calls `listener` when someone other than `self` changed the records of `scope` (`pagesOnly`:
 * a page's own write, not the engine's). Returns the unsubscribe function.
 */
export function onChange(
  scope: () => Scope | null,
  listener: () => void,
  self = '',
  pagesOnly = false,
): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const current = scope();
    const data = event.data as Partial<Change> | null;
    if (self !== '' && data?.from === self) return;
    if (pagesOnly && data?.engine) return;
    if (current && data?.service === current.service && data.account === current.account) listener();
  };
  return () => channel.close();
}

/**
 * Calls `listener` when the records of any account changed (the badge counts every signed-in
 * account's; `pagesOnly`: a page's own write, not the engine's).
 */
export function onAnyChange(listener: () => void, pagesOnly = false): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (pagesOnly && (event.data as Partial<Change> | null)?.engine) return;
    listener();
  };
  return () => channel.close();
}
