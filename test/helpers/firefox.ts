import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's `firefox-esr` (.ci/run installs it), or FIREFOX_PATH. */
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const hasFirefox = (): boolean => existsSync(FIREFOX);

interface Reply {
  type: 'success' | 'error';
  id?: number;
  result?: Record<string, unknown>;
  error?: string;
  message?: string;
  method?: string;
  params?: Record<string, unknown>;
}

export interface Firefox {
  /** One WebDriver BiDi command: https://w3c.github.io/webdriver-bidi/ */
  send(method: string, params?: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Events received so far (those subscribed to with `session.subscribe`). */
  events: Reply[];
  /** What Firefox printed: its own JavaScript errors land here, the add-on's included. */
  output(): string;
  close(): Promise<void>;
}

/**
 * Starts headless Firefox on a fresh profile with `xpi` installed as a sideloaded add-on, as a
 * person's Firefox would hold it after installing it from a store, under the given moz-extension
 * UUID. ESR honours `xpinstall.signatures.required`, so the unsigned package can load.
 * Driven over WebDriver BiDi, which Firefox ships (Playwright's Firefox needs its own build).
 */
export async function launchFirefox(xpi: string, addonId: string, uuid: string): Promise<Firefox> {
  const profile = mkdtempSync(join(tmpdir(), 'w3s-firefox-'));
  mkdirSync(join(profile, 'extensions'));
  copyFileSync(xpi, join(profile, 'extensions', `${addonId}.xpi`));
  const prefs: Record<string, unknown> = {
    'xpinstall.signatures.required': false,
    'extensions.autoDisableScopes': 0,
    'extensions.enabledScopes': 15,
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
    // Grants `permissions.request` without its prompt, which headless Firefox cannot answer.
    'extensions.webextOptionalPermissionPrompts': false,
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'app.update.enabled': false,
  };
  const userJs = Object.entries(prefs).map(
    ([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`,
  );
  writeFileSync(join(profile, 'user.js'), `${userJs.join('\n')}\n`);
  const child = spawn(
    FIREFOX,
    ['--headless', '--no-remote', '--remote-debugging-port=0', '--profile', profile],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let printed = '';
  const url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer): void => {
      printed += chunk.toString();
      const found = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(printed);
      if (found?.[1]) resolve(found[1]);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`firefox exited (${code}):\n${printed}`)));
  });
  const socket = new WebSocket(`${url}/session`);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  return client(socket, child, profile, () => printed);
}

function client(socket: WebSocket, child: ChildProcess, profile: string, output: () => string): Firefox {
  const waiting = new Map<number, (reply: Reply) => void>();
  const events: Reply[] = [];
  let next = 0;
  socket.onmessage = ({ data }) => {
    const reply = JSON.parse(String(data)) as Reply;
    if (reply.id === undefined) events.push(reply);
    else waiting.get(reply.id)?.(reply);
  };
  const send = async (
    method: string,
    params: Record<string, unknown> = {},
  ): Promise<Record<string, unknown>> => {
    const id = ++next;
    const reply = await new Promise<Reply>((resolve) => {
      waiting.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
    if (reply.type === 'error') throw new Error(`${method}: ${reply.error}: ${reply.message}`);
    return reply.result ?? {};
  };
  return {
    send,
    events,
    output,
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await send('browser.close').catch(() => {});
      socket.close();
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      if (child.exitCode === null) await exited;
      clearTimeout(timer);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
