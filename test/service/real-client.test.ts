// @vitest-environment node
// The original JS client (npm `web3.storage` 4.5.5, unmodified) against the reference service:
// a token made through the service's routes uploads, lists, reads status and content, shows as
// used on GET /user/tokens, and stops working once revoked. Runs on PGlite and on PostgreSQL.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { File, Web3Storage } from 'web3.storage';
import type { RunningService } from '../../service/server';
import { backendName, call, createToken, listTokens, startTestService } from './support';

let service: RunningService;
let credential: string;

beforeAll(async () => {
  ({ service, credential } = await startTestService('real-client@example.org'));
}, 60_000);
afterAll(() => service?.close());

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const list: T[] = [];
  for await (const item of items) list.push(item);
  return list;
}

describe(`web3.storage 4.5.5 against the reference service (${backendName})`, () => {
  it('should put, list, read status and content with a token, then fail once the token is revoked', async () => {
    const id = await createToken(service.url, credential, 'real client');
    const token = (await listTokens(service.url, credential)).find((row) => row._id === id)?.secret ?? '';
    const client = new Web3Storage({ token, endpoint: new URL(`${service.url}/`) });

    const content = `hello from the real client ${Date.now()}`;
    const cid = await client.put([new File([content], 'hello.txt')], { name: 'greeting', maxRetries: 0 });
    expect(cid).toMatch(/^bafy/);

    const uploads = await all(client.list());
    expect(uploads).toEqual([expect.objectContaining({ cid, name: 'greeting', type: 'Car' })]);

    const status = await client.status(cid);
    expect(status).toMatchObject({ cid, pins: [], deals: [] });
    expect(status?.dagSize).toBeGreaterThan(content.length);

    const res = await client.get(cid);
    expect(res?.ok).toBe(true);
    const files = (await res?.files()) ?? [];
    expect(files.map((file) => file.name)).toEqual(['hello.txt']);
    expect(await files[0]?.text()).toBe(content);

    expect((await listTokens(service.url, credential)).find((row) => row._id === id)?.hasUploads).toBe(true);

    const revoked = await call(service.url, `/user/tokens/${id}`, { method: 'DELETE', credential });
    expect(revoked.status).toBe(200);
    await expect(all(client.list())).rejects.toThrow('API token no longer valid');
    await expect(client.put([new File(['more'], 'more.txt')], { maxRetries: 0 })).rejects.toThrow(
      'API token no longer valid',
    );
    // The client hashes, packs and unpacks files: generous on two shared cores, never asserted.
  }, 60_000);
});
