/**
 * storage.local: the holds per service address (utils/sync/quiet.ts, kept by the background).
 * Pages read it themselves, with their first reads (utils/page-head.ts), and follow it: a page's
 * sync answers before `/version` does (issue 14), whose answer may change it. Apart from quiet.ts
 * so that the popup's first script carries the key alone.
 */
export const HOLDS_KEY = 'serviceHolds';
