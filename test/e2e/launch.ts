import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** The switches that make headless Chromium load `extensionDir` quietly on this machine (environment.md). */
export function chromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Tests run as root in CI, where Chromium refuses to start with its sandbox.
    '--no-sandbox',
  ];
}

/**
/**
 * Launches Chromium on `userDataDir` with the built extension loaded (see /work/shared/environment.md):
 * - its UI in `language` when given ("de"): `--lang` and, on Linux, `LANGUAGE` pick what
 *   `browser.i18n` answers;
 * - headed on X `display` when one is given (x-display.ts), in a window at the screen's top left.
 */
export async function launchWithExtension(
  userDataDir: string,
  { language, display, dark }: { language?: string; display?: string; dark?: boolean } = {},
): Promise<BrowserContext> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`${EXTENSION_DIR}/manifest.json is missing: run \`npm run build\` first`);
  }
  const env = {
    ...process.env,
    ...(display === undefined ? {} : { DISPLAY: display }),
    ...(language ? { LANGUAGE: language } : {}),
  };
  const headed = display === undefined ? {} : { viewport: null };
  const window = display === undefined ? [] : ['--window-position=0,0', '--window-size=1200,850'];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: display === undefined,
    args: [
      ...chromiumArgs(EXTENSION_DIR),
      ...window,
      ...(language ? [`--lang=${language}`] : []),
      // The browser's own UI (the toolbar) dark as well as the pages.
      ...(dark ? ['--force-dark-mode'] : []),
    ],
    env,
    ...headed,
    ...(language ? { locale: language } : {}),
    ...(dark ? { colorScheme: 'dark' as const } : {}),
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  return context;
}

export async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

/**
 * Waits, at most `timeoutMs`, for the options page the extension opens when it is installed
 * (entrypoints/background.ts) to load. A test that starts earlier races it: Chromium opens that
 * page in the blank tab the test has just created, interrupting the test's own navigation.
 */
export async function settleFirstRun(context: BrowserContext, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const firstRun = context.pages().find((page) => page.url().endsWith('/options.html'));
    if (firstRun) return firstRun.waitForLoadState();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Records `origins` (match patterns) as already granted to the extension in a profile that has
 * loaded it once and is closed. Headless Chromium shows `chrome.permissions.request`'s prompt
 * where nobody can answer it (the promise never settles), but answers `true` at once for what
 * is already granted. Chromium keeps the grants in `Default/Preferences`, unsigned.
 */
export function preGrantOrigins(userDataDir: string, extensionId: string, origins: readonly string[]): void {
  const file = join(userDataDir, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(file, 'utf8'));
  const settings = prefs.extensions?.settings?.[extensionId];
  if (!settings) throw new Error(`no settings for extension ${extensionId} in ${file}`);
  for (const key of ['granted_permissions', 'active_permissions', 'runtime_granted_permissions']) {
    const set = settings[key] ?? {};
    set.explicit_host = [...new Set([...(set.explicit_host ?? []), ...origins])];
    settings[key] = set;
  }
  writeFileSync(file, JSON.stringify(prefs));
}

/**
 * Pins the extension's button to the toolbar in a profile that has loaded it once and is closed
 * (Chromium puts a new extension under its puzzle-piece menu, where no badge shows).
 */
export function pinToToolbar(userDataDir: string, extensionId: string): void {
  const file = join(userDataDir, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(file, 'utf8'));
  prefs.extensions ??= {};
  prefs.extensions.pinned_extensions = [
    ...new Set([...(prefs.extensions.pinned_extensions ?? []), extensionId]),
  ];
  writeFileSync(file, JSON.stringify(prefs));
}
