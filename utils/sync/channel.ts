import type { Scope } from '../store';

const CHANNEL = 'w3s-token-sync';

interface Change extends Scope {
  from: string;
}

/**
 * Tells the other open extension pages (and the background) that a scope's records changed.
 * `from` names the sender, so a page does not reload what it has just written itself.
 */
export function announceChange(scope: Scope, from = ''): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  const change: Change = { service: scope.service, account: scope.account, from };
  channel.postMessage(change);
  channel.close();
}

/** Calls `listener` when someone other than `self` changed the records of `scope`. Returns the unsubscribe function. */
export function onChange(scope: () => Scope | null, listener: () => void, self = ''): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const current = scope();
    const data = event.data as Partial<Change> | null;
    if (self !== '' && data?.from === self) return;
    if (current && data?.service === current.service && data.account === current.account) listener();
  };
  return () => channel.close();
}

/** Calls `listener` when the records of any account changed (the badge counts every signed-in account's). */
export function onAnyChange(listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = () => listener();
  return () => channel.close();
}
