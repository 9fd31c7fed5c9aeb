/**
 * storage.session: the question a menu or shortcut fill left for the popup (pending.ts). Apart
 * from pending.ts so that the popup's first script, which reads it, carries the key alone.
 */
export const PENDING_FILL_KEY = 'pendingFill';
