// @vitest-environment node
// The front door (service/guard.ts, server.ts): a request for a foreign Host (DNS rebinding) gets
// 421, a foreign web page gets no CORS grant, test and admin routes answer loopback only, and
// Postgres' error text never reaches a client.

import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { type AddressInfo, createServer } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_HEADER, readAdminSecret } from '../../service/admin';
import { allowedHosts, isAllowedOrigin, isLoopback, parseOrigins } from '../../service/guard';
import { type RunningService, startService } from '../../service/server';
import { call } from './support';

let service: RunningService;
let credential: string;
const WEB_APP = 'https://app.example.org';

beforeAll(async () => {
  service = await startService({
    port: 0,
    control: true,
    log: () => {},
    publicUrls: ['https://tokens.example.org/'],
    corsOrigins: [WEB_APP],
  });
  credential = await service.createAccount('guard@example.org');
}, 30_000);
afterAll(() => service?.close());

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http, because fetch will not send a Host header of our choosing (or none at all). */
function raw(
  url: string,
  path: string,
  headers: Record<string, string>,
  options: { method?: string; setHost?: boolean } = {},
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, url),
      { method: options.method ?? 'GET', headers, setHost: options.setHost ?? true },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('Host', () => {
  const port = () => String(service.port);

  it.each([
    ['evil.example:PORT'],
    ['evil.example'],
    ['127.0.0.1:1'],
    ['localhost.:PORT'],
    ['127.0.0.1.nip.io:PORT'],
    ['tokens.example.org:8443'],
  ])('should answer 421 with a JSON error for Host %s, even with a good credential', async (host) => {
    const answer = await raw(service.url, '/user/tokens', {
      Host: host.replace('PORT', port()),
      Authorization: `Bearer ${credential}`,
      Origin: 'chrome-extension://abcdefghijklmnop',
    });
    expect(answer.status).toBe(421);
    expect(JSON.parse(answer.body)).toEqual({
      code: 'ERROR_MISDIRECTED_REQUEST',
      message: expect.any(String),
    });
    expect(answer.body).not.toContain('w3ss_');
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('should refuse a request without a Host', async () => {
    const answer = await raw(service.url, '/version', {}, { setHost: false });
    // Node's HTTP/1.1 parser answers 400 itself before the service sees the request.
    expect([400, 421]).toContain(answer.status);
  });

  it.each([
    ['127.0.0.1:PORT'],
    ['localhost:PORT'],
    ['LOCALHOST:PORT'],
    ['[::1]:PORT'],
    ['tokens.example.org'],
  ])('should answer for Host %s', async (host) => {
    const answer = await raw(service.url, '/user/tokens', {
      Host: host.replace('PORT', port()),
      Authorization: `Bearer ${credential}`,
    });
    expect(answer.status).toBe(200);
  });

  it('should list the loopback names with the port, the listen address and each public URL host', () => {
    expect([...allowedHosts(8787, '192.168.1.5', ['https://a.example/', 'http://b.example:8080/x'])]).toEqual(
      ['127.0.0.1:8787', 'localhost:8787', '[::1]:8787', '192.168.1.5:8787', 'a.example', 'b.example:8080'],
    );
    expect(allowedHosts(80, '0.0.0.0', []).size).toBe(3);
  });
});

describe('CORS', () => {
  const get = (origin: string, path = '/user/tokens') =>
    call(service.url, path, { credential, headers: { Origin: origin } });

  it.each([
    ['a web page', 'https://evil.example'],
    ['another loopback port', 'http://127.0.0.1:1'],
    ['an opaque origin', 'null'],
    ['a look-alike', 'chrome-extension://abc.evil.example'],
    ['the allowed origin on another scheme', 'http://app.example.org'],
  ])('should refuse %s with 403 and no Access-Control-Allow-Origin', async (_, origin) => {
    for (const path of ['/user/tokens', '/version', '/auth/email/verify']) {
      const answer = await get(origin, path);
      expect(answer.status).toBe(403);
      expect(answer.json()).toMatchObject({ code: 'ERROR_ORIGIN_NOT_ALLOWED' });
      expect(answer.headers.has('access-control-allow-origin')).toBe(false);
      expect(answer.text).not.toContain('w3ss_');
    }
  });

  it.each([
    ['chrome-extension://abcdefghijklmnopabcdefghijklmnop'],
    ['moz-extension://4b6c7a1e-2f0d-4a8e-9c1b-0f3e5d7a9b11'],
    [WEB_APP],
  ])('should let %s read, echoing its origin', async (origin) => {
    const answer = await get(origin);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
    expect(answer.headers.get('vary')).toMatch(/Origin/);
  });

  it('should answer an extension preflight with 204 and the grant', async () => {
    const origin = 'moz-extension://4b6c7a1e-2f0d-4a8e-9c1b-0f3e5d7a9b11';
    const answer = await call(service.url, '/auth/session', {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'DELETE',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
    expect(answer.headers.get('access-control-allow-headers')).toBe('authorization');
    expect(answer.headers.get('access-control-allow-methods')).toContain('DELETE');
  });

  it('should refuse a foreign preflight without any grant', async () => {
    const answer = await call(service.url, '/user/tokens', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://evil.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(answer.status).toBe(403);
    for (const name of [
      'access-control-allow-origin',
      'access-control-allow-headers',
      'access-control-allow-methods',
    ]) {
      expect(answer.headers.has(name)).toBe(false);
    }
  });

  it('should never run a route for a foreign page (no code is mailed)', async () => {
    const answer = await call(service.url, '/auth/email', {
      method: 'POST',
      body: { email: 'victim@example.org' },
      headers: { Origin: 'https://evil.example', 'Content-Type': 'text/plain' },
    });
    expect(answer.status).toBe(403);
  });

  it.each([
    ['', []],
    [' https://a.example , http://b.example:8080/path ', ['https://a.example', 'http://b.example:8080']],
  ])('should read CORS_ORIGINS %j as origins', (list, origins) => {
    expect(parseOrigins(list)).toEqual(origins);
  });

  it('should refuse a CORS_ORIGINS entry that is not an origin', () => {
    expect(() => parseOrigins('not a url')).toThrow();
  });

  it.each([
    ['chrome-extension://abcdefghijklmnop', true],
    ['moz-extension://4b6c7a1e-2f0d-4a8e-9c1b-0f3e5d7a9b11', true],
    ['chrome-extension://x/../evil', false],
    ['https://chrome-extension.example', false],
    [WEB_APP, true],
    [`${WEB_APP}.evil.example`, false],
  ])('should tell whether %s may call', (origin, allowed) => {
    expect(isAllowedOrigin(origin, new Set([WEB_APP]))).toBe(allowed);
  });
});

describe('loopback-only routes', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.12.0.3', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.2', false],
    ['::ffff:10.0.0.2', false],
    ['fe80::1', false],
    ['', false],
    [undefined, false],
  ])('should tell whether %s is loopback', (address, loopback) => {
    expect(isLoopback(address)).toBe(loopback);
  });

  // Needs an address of this machine that is not loopback; a machine without one cannot test this.
  const lan = Object.values(networkInterfaces())
    .flat()
    .find((nic) => nic && nic.family === 'IPv4' && !nic.internal)?.address;

  it.skipIf(!lan)(
    'should answer /__control and /__admin/session only to loopback clients',
    { timeout: 30_000 },
    async () => {
      const port = await freePort();
      const dataDir = mkdtempSync(join(tmpdir(), 'w3s-guard-'));
      const open = await startService({
        port,
        dataDir,
        host: '0.0.0.0',
        control: true,
        log: () => {},
        publicUrls: [`http://${lan}:${port}`],
      });
      try {
        const lanUrl = `http://${lan}:${open.port}`;
        const remote = await call(lanUrl, '/__control', { method: 'POST', body: { mode: '--' } });
        expect(remote.status).toBe(404);
        expect((await call(lanUrl, '/version')).json()).toMatchObject({ mode: 'rw' });
        const local = await call(`http://127.0.0.1:${open.port}`, '/__control', {
          method: 'POST',
          body: { reset: true },
        });
        expect(local.status).toBe(200);
        // Even with the right secret, the admin route does not exist for another machine.
        const admin = {
          method: 'POST',
          body: { email: 'lan@example.org' },
          headers: { [ADMIN_HEADER]: readAdminSecret(dataDir) ?? '' },
        };
        const remoteAdmin = await call(lanUrl, '/__admin/session', admin);
        expect(remoteAdmin.status).toBe(404);
        expect(remoteAdmin.text).not.toContain('w3ss_');
        expect((await call(`http://127.0.0.1:${open.port}`, '/__admin/session', admin)).status).toBe(200);
      } finally {
        await open.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('database errors', () => {
  it('should answer 500 ERROR_DB without Postgres text, even when the input was a secret', async () => {
    const answer = await call(service.url, `/user/tokens/${credential}`, { method: 'DELETE', credential });
    expect(answer.status).toBe(500);
    expect(answer.json()).toEqual({ code: 'ERROR_DB', message: 'Database error' });
    expect(answer.text).not.toMatch(/w3ss_|bigint|syntax/);
  });
});
