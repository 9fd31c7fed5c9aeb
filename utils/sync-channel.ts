import type { Scope } from './reconcile';

const CHANNEL = 'w3s-token-sync';

/** Tells the other open extension pages (and the background) that a scope's records changed. */
export function announceChange(scope: Scope): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ service: scope.service, account: scope.account });
  channel.close();
}

/** Calls `listener` when another context changed the records of `scope`. Returns the unsubscribe function. */
export function onChange(scope: () => Scope | null, listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const current = scope();
    const data = event.data as Partial<Scope> | null;
    if (current && data?.service === current.service && data.account === current.account) listener();
  };
  return () => channel.close();
}
