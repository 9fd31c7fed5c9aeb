import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run test:packaging`: the store packages, built once by global-setup.ts (`npm run zip`),
// checked in Node. Kept out of the unit run, which must not build.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    environment: 'node',
    include: ['test/packaging/**/*.test.ts'],
    globalSetup: ['test/packaging/global-setup.ts'],
    // Builds, web-ext lint and Firefox run here on two shared cores: generous, never asserted.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // One at a time: the tests build into .output and start browsers.
    fileParallelism: false,
    // test/helpers/firefox.ts speaks WebDriver BiDi over the WebSocket Node 22 has built in.
    execArgv: typeof WebSocket === 'undefined' ? ['--experimental-websocket'] : [],
  },
});
