import { startService } from '../../service/server';
import { signIn, startBrowser } from '../bench/browser';
import { seedTokens } from '../bench/seed';
import { pageScript, probeState, waitUntil } from '../bench/page';
import { probe } from '../bench/probe';
import { waitSynced } from '../bench/measure';
import { workerProbe } from '../bench/worker-probe';

const N = Number(process.argv[2] ?? 10);
const REPS = Number(process.argv[3] ?? 8);

const HOOK = `(() => {
  const log = globalThis.__tl = [];
  const at = (what) => log.push([what, performance.now()]);
  globalThis.__at = at;
  const f = globalThis.fetch;
  globalThis.fetch = function (input, init) { const u = String(input instanceof Request ? input.url : input).replace(/^.*:\\d+/, ''); at('fetch> ' + u); return f.call(this, input, init).then((r) => { at('fetch< ' + u); const t = r.text.bind(r); r.text = () => t().then((x) => { at('text< ' + u); return x; }); const j = r.json.bind(r); r.json = () => j().then((x) => { at('json< ' + u); return x; }); return r; }); };
  const tx = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (...a) { const s = [].concat(a[0]).join('+') + ' ' + (a[1] ?? 'ro'); at('tx> ' + s); const t = tx.apply(this, a); t.addEventListener('complete', () => at('tx< ' + s)); return t; };
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...a) { at('open>'); const r = open.apply(this, a); r.addEventListener('success', () => at('open<')); return r; };
  const get = chrome.storage.local.get;
  chrome.storage.local.get = function (...a) { const k = JSON.stringify(a[0]); at('sget> ' + k); const p = get.apply(this, a); if (p && p.then) p.then(() => at('sget< ' + k)); return p; };
  const sget = chrome.storage.session.get;
  chrome.storage.session.get = function (...a) { const k = JSON.stringify(a[0]); at('ssess> ' + k); const p = sget.apply(this, a); if (p && p.then) p.then(() => at('ssess< ' + k)); return p; };
  const set = chrome.storage.local.set;
  chrome.storage.local.set = function (...a) { const k = Object.keys(a[0]).join(','); at('sset> ' + k); const p = set.apply(this, a); if (p && p.then) p.then(() => at('sset< ' + k)); return p; };
  const lr = navigator.locks.request.bind(navigator.locks);
  navigator.locks.request = (name, ...rest) => { at('lock> ' + name); const fn = rest.at(-1); rest[rest.length - 1] = (l) => { at('lock+ ' + name); return fn(l); }; return lr(name, ...rest).then((x) => { at('lock< ' + name); return x; }); };
  chrome.runtime.onMessage.addListener((m) => { at('msg ' + m?.type); });
  const post = BroadcastChannel.prototype.postMessage;
  BroadcastChannel.prototype.postMessage = function (...a) { at('bcast'); return post.apply(this, a); };
})()`;

async function main(): Promise<void> {
  const service = await startService({ port: 0, log: () => {}, rateLimit: { max: 1e9, windowMs: 1000 } });
  const credential = await service.createAccount('p@example.org');
  const browser = await startBrowser('.output/chrome-mv3', ['http://127.0.0.1/*'], pageScript(probe));
  await signIn(browser, service.url, credential);
  await seedTokens(service.url, credential, 0, N);
  const sw = browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker'));
  const page = await browser.open('popup.html');
  await waitUntil(page, () => document.querySelector('input[aria-label="Search tokens"]') !== null || document.body.innerText.includes('No API tokens'));
  await new Promise((r) => setTimeout(r, 1500));
  await sw.evaluate(HOOK);
  if (process.env.OPEN) {
    await page.close();
    const wp = workerProbe(browser.context);
    for (let i = 0; i < REPS; i++) {
      await wp.install();
      await sw.evaluate(HOOK);
      const tOpen = (await sw.evaluate('performance.now() + performance.timeOrigin')) as number;
      const p = await browser.open('popup.html');
      const synced = await waitSynced(p, wp);
      const st = await probeState(p);
      const origin = (await p.evaluate('performance.timeOrigin')) as number;
      const swOrigin = (await sw.evaluate('performance.timeOrigin')) as number;
      const tl = (await sw.evaluate('globalThis.__tl')) as Array<[string, number]>;
      console.log(`rep ${i}: ready ${st.ready?.painted?.toFixed(1)} sync ${synced?.ms.toFixed(1)}; msgs ${st.messages.map((m) => `${m.type}@${m.start.toFixed(0)}-${m.end?.toFixed(0)}`).join(' ')}`);
      if (i >= REPS - 2) for (const [w, t] of tl) console.log(`   ${(t + swOrigin - origin).toFixed(1).padStart(7)} ${w}`);
      await p.close();
    }
    await browser.close();
    await service.close();
    return;
  }
  for (let i = 0; i < REPS; i++) {
    await sw.evaluate('globalThis.__tl.length = 0');
    const res = (await page.evaluate(`(async () => {
      const t0 = performance.now();
      const r = await chrome.runtime.sendMessage({ type: 'tokens/sync', from: 'prof' });
      const t1 = performance.now();
      const u = ${JSON.stringify(service.url)};
      const t2 = performance.now();
      const resp = await fetch(u + '/user/tokens', { headers: { Authorization: 'Bearer ${credential}' }, cache: 'no-store', credentials: 'omit' });
      JSON.parse(await resp.text());
      const t3 = performance.now();
      return { sync: t1 - t0, bare: t3 - t2, len: JSON.stringify(r).length };
    })()`)) as { sync: number; bare: number; len: number };
    const tl = (await sw.evaluate('globalThis.__tl')) as Array<[string, number]>;
    const t0 = tl[0]?.[1] ?? 0;
    console.log(`rep ${i}: sync ${res.sync.toFixed(1)} ms, bare ${res.bare.toFixed(1)} ms, reply ${res.len} B`);
    if (i >= REPS - 2) for (const [w, t] of tl) console.log(`   ${(t - t0).toFixed(1).padStart(7)} ${w}`);
  }
  await browser.close();
  await service.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
