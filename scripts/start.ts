// `npm start`: build the extension, run the reference service with a demo account, and open
// Chromium with the extension loaded when there is a screen to show it on.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'wxt';
import { optionsFromEnv } from '../service/config';
import { startService } from '../service/server';
import { canShowChromium, launchChromium, unpackedExtensionId } from './chromium';

const DEMO_EMAIL = 'demo@example.org';
const extensionDir = resolve('.output/chrome-mv3');
const profileDir = resolve('.data/chromium-profile');

await build();

// The same variables as `npm run service` (service/README.md): SMTP_URL decides where codes go.
const options = optionsFromEnv();
const service = await startService({ ...options, log: console.log });

console.log(`
  Token service        ${service.url}
  Demo email           ${DEMO_EMAIL}
  Sign-in codes go to  ${service.codesGoTo}

  In the extension's settings, enter the service URL and the demo email (or any email), choose
  "Send code", then type the code ${options.smtpUrl ? 'from that mail' : 'that appears below in this terminal'}.
  The account is created on its first sign-in.`);

let stopping = false;
let chromium: ReturnType<typeof launchChromium> | undefined;
if (canShowChromium()) {
  mkdirSync(profileDir, { recursive: true });
  chromium = launchChromium(extensionDir, profileDir);
  chromium.on('error', (error) => console.log(`\n  Chromium did not start: ${error.message}`));
  chromium.on('exit', () => {
    if (!stopping) console.log('\n  Chromium closed; the service keeps running.');
  });
  console.log(`
  Chromium is opening with the extension on the profile in ${profileDir}.
  Settings page        chrome-extension://${unpackedExtensionId(extensionDir)}/options.html`);
} else {
  console.log(`
  The built extension is in ${extensionDir}. To load it: open chrome://extensions,
  turn on Developer mode, choose "Load unpacked" and pick that folder.`);
}
console.log('\n  Press Ctrl-C to stop.\n');

async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('\n  Stopping the service…');
  if (chromium && chromium.exitCode === null) chromium.kill();
  await service.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
