// The options page changes grants (a site's default, a removed site) in its own IndexedDB
// connection; the background's context menu shows them. This channel tells it, and nothing else
// does: a sync's change reaches the menu from the engine with the tokens in hand (no re-read).
const CHANNEL = 'w3s-fill-grants';

/** Tells the background that a grant changed. */
export function announceGrants(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage('grants');
  channel.close();
}

/** Calls `listener` when a page changed a grant. Returns the unsubscribe function. */
export function onGrantsChange(listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = () => listener();
  return () => channel.close();
}
