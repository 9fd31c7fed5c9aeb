// @vitest-environment node
// A service on a data directory: data, ids and the signing secret survive a restart, one directory
// serves one service at a time, and `npm run account` (service/account.ts) prints a credential from
// the running service (proving it is local with DATA_DIR/admin.secret) or, with none, straight from
// DATA_DIR. One file, because every fresh data directory costs seconds of Postgres start-up.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_HEADER, readAdminSecret } from '../../service/admin';
import { type RunningService, startService } from '../../service/server';
import { call, createToken, listTokens } from './support';

const root = join(import.meta.dirname, '../..');
const dataDir = join(mkdtempSync(join(tmpdir(), 'w3s-service-')), 'data');
const CREDENTIAL_LINE = /^w3ss_[\w-]{43}\n$/;
const start = (): Promise<RunningService> => startService({ port: 0, dataDir, log: () => {} });
let service: RunningService;
let credential: string;
let tokenId: string;
let closedUrl: string;

/** A URL where nothing listens. */
async function freeUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

function account(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // `node --import tsx` rather than the tsx binary: one Node start instead of two.
    execFile(
      process.execPath,
      ['--import', 'tsx', 'service/account.ts', ...args],
      { cwd: root, env: { ...process.env, DATA_DIR: dataDir, SERVICE_URL: closedUrl, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  closedUrl = await freeUrl();
  service = await start();
  credential = await service.createAccount('persist@example.org');
  tokenId = await createToken(service.url, credential, 'kept');
}, 60_000);
afterAll(async () => {
  await service?.close();
  rmSync(join(dataDir, '..'), { recursive: true, force: true });
});

describe('startService with a dataDir', () => {
  it('should refuse a second service on the same directory', async () => {
    await expect(start()).rejects.toThrow(/in use by process/);
  });

  it('should not expose /__control unless asked', async () => {
    const answer = await call(service.url, '/__control', { method: 'POST', body: { mode: '--' } });
    expect(answer.status).toBe(404);
  });

  it('should keep accounts, sessions, tokens and the signing secret across a restart', async () => {
    const [before] = await listTokens(service.url, credential);
    await service.close();
    service = await start();
    const after = await listTokens(service.url, credential);
    expect(after).toEqual([before]);
    expect(after[0]?._id).toBe(tokenId);
    // Still recognised as one of ours, so the secret was not regenerated.
    const answer = await call(service.url, '/user/tokens', { credential: before?.secret });
    expect(answer.json()).toMatchObject({ code: 'ERROR_MAGIC_TOKEN_REQUIRED' });
    expect(BigInt(await createToken(service.url, credential, 'next')) > BigInt(tokenId)).toBe(true);
  }, 30_000);
});

// Each case starts Node with tsx: seconds on a busy two-core machine.
describe('account CLI', { timeout: 30_000 }, () => {
  it.concurrent.each([
    ['no email', [], /Usage/],
    ['an invalid email', ['not-an-email'], /Not an email address/],
  ])('should exit 2 with nothing on stdout for %s', async (_, args, message) => {
    const run = await account(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });

  it('should print only the credential it got from the service at SERVICE_URL', async () => {
    const run = await account(['cli@example.org'], { SERVICE_URL: service.url });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(CREDENTIAL_LINE);
    expect(await listTokens(service.url, run.stdout.trim())).toEqual([]);
  });

  it('should keep the administrator secret in DATA_DIR, readable by this user only', () => {
    const mode = statSync(join(dataDir, 'admin.secret')).mode & 0o777;
    expect(mode.toString(8)).toBe('600');
    expect(readAdminSecret(dataDir)).toMatch(/^[\w-]{43}$/);
  });

  it('should give nobody without the secret a credential from the running service', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'w3s-no-secret-'));
    try {
      const run = await account(['intruder@example.org'], { SERVICE_URL: service.url, DATA_DIR: elsewhere });
      expect(run.code).not.toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/admin\.secret/);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
    const body = { email: 'intruder@example.org' };
    const attempts: Record<string, string>[] = [{}, { [ADMIN_HEADER]: 'guess' }, { [ADMIN_HEADER]: '' }];
    for (const headers of attempts) {
      const answer = await call(service.url, '/__admin/session', { method: 'POST', body, headers });
      expect(answer.status).toBe(403);
      expect(answer.text).not.toContain('w3ss_');
    }
    expect((await call(service.url, '/auth/session', { method: 'POST', body })).status).toBe(404);
  });

  it('should find the service holding DATA_DIR when nothing listens at SERVICE_URL', async () => {
    const run = await account(['persist@example.org']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(CREDENTIAL_LINE);
    expect((await listTokens(service.url, run.stdout.trim())).map((token) => token._id)).toContain(tokenId);
  });

  it('should write to DATA_DIR directly when no service runs', async () => {
    await service.close();
    const run = await account(['offline@example.org']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(CREDENTIAL_LINE);
    expect(run.stderr).toMatch(/directly/);
    const secret = readAdminSecret(dataDir);
    service = await start();
    expect(await listTokens(service.url, run.stdout.trim())).toEqual([]);
    // The same secret after a restart: processes sharing DATA_DIR share it.
    expect(readAdminSecret(dataDir)).toBe(secret);
  }, 30_000);
});
