import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { fillPage } from '../utils/fill';

// Injected on demand into every frame of the active tab it may script (utils/fill/tab.ts), in
// the extension's isolated world, which the page cannot read. It only defines the function; the secret arrives later as
// the argument of a second injected call, so it never sits in a file or a global the page sees.
declare global {
  var w3sFill: typeof fillPage | undefined;
}

export default defineUnlistedScript(() => {
  globalThis.w3sFill = fillPage;
});
