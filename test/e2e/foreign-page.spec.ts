import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

// A web page a person happens to visit while the reference service runs, in real Chromium: from
// its own origin it can neither get a credential nor read tokens (CORS), and a DNS-rebinding page,
// whose requests reach the service under the page's own host name, is refused by the Host check.

/** The attacker's page: it runs fetch() calls and writes what it could read into a list. */
const ATTACKER_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A web page</title>
<style>body{font:16px system-ui;margin:2rem}li{margin:.3rem 0}</style></head>
<body><h1>A web page on another origin</h1><p>What its fetch() calls could read from the token service:</p>
<ol id="out"></ol><script>
window.attempt = async (label, url, init) => {
  let result;
  try {
    const res = await fetch(url, init);
    result = res.status + ' ' + (await res.text()).slice(0, 120);
  } catch (error) {
    result = 'blocked (' + error.name + ')';
  }
  const li = document.createElement('li');
  li.textContent = label + ': ' + result.replace(/w3ss_[\\w-]+/g, 'w3ss_…');
  document.getElementById('out').append(li);
  return result;
};
</script></body></html>`;

async function servePage(): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(ATTACKER_PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

/** What the page passes to fetch(): plain data, so it crosses into the page. */
interface Init {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}
type Attempt = (label: string, url: string, init: Init) => Promise<string>;

/** Runs one fetch() inside the page, as the page's own script. */
const attempt = (page: Page, label: string, url: string, init: Init = {}): Promise<string> =>
  page.evaluate(([l, u, i]) => (window as unknown as { attempt: Attempt }).attempt(l, u, i), [
    label,
    url,
    init,
  ] as const);

test.describe('a web page on another origin', () => {
  test('should get no credential and read no tokens from the running service', async ({
    context,
    service,
  }) => {
    const email = `e2e-${randomUUID()}@example.org`;
    const credential = await service.createAccount(email);
    const page_ = await servePage();
    try {
      const page = await context.newPage();
      await page.goto(page_.url);
      const json = { 'Content-Type': 'application/json' };
      const auth = { Authorization: `Bearer ${credential}` };
      const results = [
        await attempt(page, 'POST /auth/session', `${service.url}/auth/session`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ email }),
        }),
        await attempt(page, 'POST /auth/email/verify', `${service.url}/auth/email/verify`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ email, code: '123456' }),
        }),
        await attempt(page, 'POST /__admin/session', `${service.url}/__admin/session`, {
          method: 'POST',
          body: JSON.stringify({ email }),
        }),
        await attempt(page, 'GET /user/tokens with a credential', `${service.url}/user/tokens`, {
          headers: auth,
        }),
        await attempt(page, 'GET /user/info with a credential', `${service.url}/user/info`, {
          headers: auth,
        }),
        await attempt(page, 'DELETE /auth/session with a credential', `${service.url}/auth/session`, {
          method: 'DELETE',
          headers: auth,
        }),
        await attempt(page, 'GET /version', `${service.url}/version`),
      ];
      expect(results).toEqual(results.map(() => 'blocked (TypeError)'));
      // The page's fetch() itself works: it reads its own origin.
      expect(await attempt(page, 'GET its own origin', page_.url)).toMatch(/^200 <!doctype html>/);
      // The sign-out never ran (its preflight was refused): the credential still works.
      const still = await fetch(`${service.url}/user/tokens`, { headers: auth });
      expect(still.status).toBe(200);
      await screenshot(page, 'foreign-page-refused', { secrets: [credential] });
    } finally {
      page_.server.close();
    }
  });

  test('should be refused with 421 when it rebinds its own host name to the service', async ({
    context,
    service,
  }) => {
    const credential = await service.createAccount(`e2e-${randomUUID()}@example.org`);
    // The page first loads from the attacker (the route below stands in for the first DNS answer);
    // then its host name resolves to 127.0.0.1 (Chromium resolves *.localhost to loopback), so its
    // same-origin fetches reach the service with `Host: rebind.localhost:<port>`.
    const origin = `http://rebind.localhost:${service.port}`;
    const page = await context.newPage();
    await page.route(`${origin}/`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: ATTACKER_PAGE }),
    );
    await page.goto(`${origin}/`);
    const results = [
      await attempt(page, 'GET /version (rebound)', `${origin}/version`),
      await attempt(page, 'GET /user/tokens (rebound)', `${origin}/user/tokens`, {
        headers: { Authorization: `Bearer ${credential}` },
      }),
      await attempt(page, 'POST /auth/email (rebound)', `${origin}/auth/email`, {
        method: 'POST',
        body: JSON.stringify({ email: 'victim@example.org' }),
      }),
    ];
    for (const result of results) expect(result).toMatch(/^421 \{"code":"ERROR_MISDIRECTED_REQUEST"/);
    expect(results.join('\n')).not.toContain('w3ss_');
    await screenshot(page, 'foreign-page-rebinding-refused', { secrets: [credential] });
  });
});
