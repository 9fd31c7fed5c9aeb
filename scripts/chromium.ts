import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** A browser window can be shown: there is a display and a Chromium to show it. */
export function canShowChromium(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY) && existsSync(CHROMIUM_PATH);
}

/**
 * The id Chromium gives an unpacked extension without a manifest `key`: the first 128 bits of
 * the SHA-256 of its absolute path, written with the letters a-p.
 * https://source.chromium.org/chromium/chromium/src/+/main:components/crx_file/id_util.cc
 */
export function unpackedExtensionId(extensionDir: string): string {
  const hex = createHash('sha256').update(realpathSync(extensionDir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

/**
 * Starts Chromium on its own profile with the extension loaded, on the extension's details page
 * (a `chrome-extension://` URL given on the command line is blocked on the first launch, before
 * the extension has loaded; the extension opens its options page itself when installed).
 */
export function launchChromium(extensionDir: string, profileDir: string): ChildProcess {
  const args = [
    `--user-data-dir=${profileDir}`,
    `--load-extension=${extensionDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    `chrome://extensions/?id=${unpackedExtensionId(extensionDir)}`,
  ];
  // Chromium refuses to run as root with its sandbox.
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  return spawn(CHROMIUM_PATH, args, { stdio: 'ignore' });
}
