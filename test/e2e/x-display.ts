import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Locator, Page } from '@playwright/test';

// Native UI (the context menu) and browser shortcuts (extension commands) take no input from
// CDP or from headless Chromium. Headed Chromium on a virtual X server (Xvfb) does, from real X
// input sent with xdotool. CI installs both (`xvfb xdotool` in .ci/run).

const run = promisify(execFile);
const XVFB = '/usr/bin/Xvfb';
const XDOTOOL = '/usr/bin/xdotool';

export interface XDisplay {
  /** ":N", for Chromium's DISPLAY. */
  name: string;
  /** Runs xdotool on this display. */
  xdotool(...args: string[]): Promise<string>;
  close(): Promise<void>;
}

/** Why the X tests cannot run here, or null when they can. */
export function missingX(): string | null {
  const missing = [XVFB, XDOTOOL].filter((path) => !existsSync(path));
  return missing.length === 0 ? null : `needs ${missing.join(' and ')} (apt-get install xvfb xdotool)`;
}

/** Starts Xvfb on a free display number it picks itself (`-displayfd`). */
export async function startDisplay(): Promise<XDisplay> {
  const xvfb: ChildProcess = spawn(
    XVFB,
    ['-displayfd', '3', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const number = await new Promise<string>((resolve, reject) => {
    let text = '';
    let errors = '';
    xvfb.stderr?.on('data', (chunk) => {
      errors += chunk;
    });
    xvfb.stdio[3]?.on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve(text.trim());
    });
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${errors.slice(-500)}`)));
  });
  const name = `:${number}`;
  return {
    name,
    async xdotool(...args) {
      const { stdout } = await run(XDOTOOL, args, { env: { ...process.env, DISPLAY: name } });
      return stdout;
    },
    async close() {
      if (xvfb.exitCode !== null) return;
      const exited = new Promise((resolve) => xvfb.once('exit', resolve));
      xvfb.kill();
      await exited;
    },
  };
}

/** Gives `page`'s browser window the X keyboard focus and waits until the page has it. */
export async function focusWindow(x: XDisplay, page: Page): Promise<void> {
  await page.bringToFront();
  const ids = (await x.xdotool('search', '--sync', '--onlyvisible', '--class', 'chromium'))
    .split('\n')
    .filter(Boolean);
  // No window manager runs on Xvfb: windowfocus sets the input focus directly.
  for (const id of ids) await x.xdotool('windowfocus', '--sync', id);
  await page.waitForFunction(() => document.hasFocus());
}

/** The screen point at the centre of `locator` (frames included), for X mouse input. */
export async function screenPoint(page: Page, locator: Locator): Promise<[number, number]> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('no box: the element is not visible');
  // The window has no frame on Xvfb: the browser's own bars sit above the viewport.
  const win = await page.evaluate(() => ({
    x: window.screenX + window.outerWidth - window.innerWidth,
    y: window.screenY + window.outerHeight - window.innerHeight,
  }));
  return [Math.round(win.x + box.x + box.width / 2), Math.round(win.y + box.y + box.height / 2)];
}
