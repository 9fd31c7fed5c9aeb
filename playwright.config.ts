import { defineConfig } from '@playwright/test';

// The browser is Debian's /usr/bin/chromium, launched by test/e2e/fixtures.ts with the built
// extension loaded; there are no `projects`, because Playwright's own browsers cannot be
// downloaded here. Run `npm run build` first (`npm test` does).
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  // One browser at a time: two cores, and every test owns a whole Chromium profile.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: { trace: 'retain-on-failure' },
});
