// @vitest-environment node
// POST /car, GET /user/uploads, DELETE /user/uploads/:cid, GET /status/:cid and GET /car/:cid over
// real HTTP, with the API-token auth path of the original (/work/shared/api-contract.md, "Routes
// that take an API token"). Runs on PGlite and on PostgreSQL (vitest.config.ts).
import { CarReader } from '@ipld/car';
import { CID } from 'multiformats/cid';
import { sha256 } from 'multiformats/hashes/sha2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signApiToken } from '../../service/jwt';
import type { RunningService } from '../../service/server';
import { badCars, goodCar } from './cars';
import {
  type Answer,
  backendName,
  call,
  control,
  createToken,
  listTokens,
  startTestService,
} from './support';

const SALT = 'uploads-test-salt';
const MAX_CAR_BYTES = 3 * 1024 * 1024;
const BAD_CARS = await badCars();
let service: RunningService;
let alice: string;
let token: string;
let tokenId: string;

async function secretOf(credential: string, id: string): Promise<string> {
  const found = (await listTokens(service.url, credential)).find((row) => row._id === id);
  if (!found) throw new Error(`no token ${id}`);
  return found.secret;
}

async function newToken(credential: string, name: string): Promise<{ id: string; secret: string }> {
  const id = await createToken(service.url, credential, name);
  return { id, secret: await secretOf(credential, id) };
}

function upload(credential: string | undefined, car: Uint8Array, name?: string): Promise<Answer> {
  return call(service.url, '/car', {
    method: 'POST',
    credential,
    body: car,
    headers: {
      'Content-Type': 'application/vnd.ipld.car',
      ...(name ? { 'X-Name': encodeURIComponent(name) } : {}),
    },
  });
}

beforeAll(async () => {
  ({ service, credential: alice } = await startTestService('uploads@example.org', () => {}, {
    salt: SALT,
    maxCarBytes: MAX_CAR_BYTES,
  }));
  ({ id: tokenId, secret: token } = await newToken(alice, 'uploader'));
}, 60_000);
afterAll(() => service?.close());

describe(`POST /car (${backendName})`, () => {
  it('should store a CAR, answer its root and the CID of its bytes, and credit the token', async () => {
    const { root, car } = await goodCar('hello uploads');
    const answer = await upload(token, car, 'my file ✓');
    expect(answer.status).toBe(200);
    const carCid = CID.createV1(0x0202, await sha256.digest(car)).toString();
    expect(answer.json()).toEqual({ cid: root.toString(), carCid });
    expect((await listTokens(service.url, alice)).find((row) => row._id === tokenId)?.hasUploads).toBe(true);

    const listed = await call(service.url, '/user/uploads', { credential: token });
    expect(listed.json()).toContainEqual(
      expect.objectContaining({ cid: root.toString(), name: 'my file ✓', type: 'Car', dagSize: 13 }),
    );
  });

  it('should rename a re-upload and keep the credit with the token that sent it first', async () => {
    const { root, car } = await goodCar('uploaded twice');
    const second = await newToken(alice, 'second');
    expect((await upload(token, car, 'first name')).status).toBe(200);
    expect((await upload(second.secret, car, 'second name')).status).toBe(200);
    const rows = (await call(service.url, '/user/uploads?size=1000', { credential: token })).json() as {
      cid: string;
      name: string;
    }[];
    expect(rows.filter((row) => row.cid === root.toString())).toEqual([
      expect.objectContaining({ name: 'second name' }),
    ]);
    expect((await listTokens(service.url, alice)).find((row) => row._id === second.id)?.hasUploads).toBe(
      false,
    );
  });

  it('should name an upload after the time when X-Name is missing', async () => {
    const { root, car } = await goodCar('no name');
    expect((await upload(token, car)).status).toBe(200);
    const rows = (await call(service.url, '/user/uploads?size=1000', { credential: token })).json() as {
      cid: string;
      name: string;
    }[];
    expect(rows.find((row) => row.cid === root.toString())?.name).toMatch(/^Upload at \d{4}-\d\d-\d\dT/);
  });

  it('should accept a session credential and credit no token', async () => {
    const bob = await service.createAccount('uploads-bob@example.org');
    const bobToken = await newToken(bob, 'unused');
    const { car } = await goodCar('sent with a session');
    expect((await upload(bob, car)).status).toBe(200);
    expect((await listTokens(service.url, bob)).find((row) => row._id === bobToken.id)?.hasUploads).toBe(
      false,
    );
    expect((await call(service.url, '/user/uploads', { credential: bob })).json()).toHaveLength(1);
  });

  it('should keep hasUploads after the upload is deleted', async () => {
    const carol = await service.createAccount('uploads-carol@example.org');
    const carolToken = await newToken(carol, 'once');
    const { root, car } = await goodCar('deleted later');
    await upload(carolToken.secret, car);
    const deleted = await call(service.url, `/user/uploads/${root}`, { method: 'DELETE', credential: carol });
    expect(deleted.status).toBe(200);
    expect((await call(service.url, '/user/uploads', { credential: carol })).json()).toEqual([]);
    expect((await listTokens(service.url, carol))[0]?.hasUploads).toBe(true);
    const again = await call(service.url, `/user/uploads/${root}`, { method: 'DELETE', credential: carol });
    expect(again.status).toBe(404);
  });

  it.each(BAD_CARS)(
    'should refuse a CAR with %s: 400 ERROR_INVALID_CAR, nothing stored',
    async (_, car, message) => {
      const before = (await call(service.url, '/user/uploads', { credential: token })).headers.get('Count');
      const answer = await upload(token, car);
      expect(answer.status).toBe(400);
      expect(answer.json()).toEqual({ code: 'ERROR_INVALID_CAR', message: expect.stringMatching(message) });
      expect((await call(service.url, '/user/uploads', { credential: token })).headers.get('Count')).toBe(
        before,
      );
    },
  );

  it('should refuse a body over the size limit with 413, and still take JSON up to 1 MiB only', async () => {
    const answer = await upload(token, new Uint8Array(MAX_CAR_BYTES + 1));
    expect(answer.status).toBe(413);
    expect(answer.json()).toMatchObject({ code: 'HTTP_ERROR' });
    const json = await call(service.url, '/user/tokens', {
      method: 'POST',
      credential: alice,
      body: { name: 'x'.repeat(1024 * 1024 + 1) },
    });
    expect(json.status).toBe(413);
  });

  it('should take a CAR of several MiB when the limit allows it (blocks up to 1 MiB each)', async () => {
    const { rawBlock, writeCar } = await import('./cars');
    const blocks = await Promise.all([1, 2].map((n) => rawBlock(new Uint8Array(1024 * 1024).fill(n))));
    const root = blocks[0]?.cid as CID;
    const answer = await upload(token, await writeCar([root], blocks));
    expect(answer.status).toBe(200);
    expect((await call(service.url, `/status/${root}`)).json()).toMatchObject({ dagSize: 2 * 1024 * 1024 });
    // Several MiB through HTTP and the database on two shared cores: generous, never asserted.
  }, 60_000);
});

describe(`API-token auth on the upload routes (${backendName})`, () => {
  const routes: [string, (credential?: string) => Promise<Answer>][] = [
    ['POST /car', async (credential) => upload(credential, (await goodCar('auth table')).car)],
    ['GET /user/uploads', (credential) => call(service.url, '/user/uploads', { credential })],
  ];

  it.each(routes)('%s: 401 ERROR_NO_TOKEN without a header', async (_, send) => {
    expect((await send()).json()).toMatchObject({ code: 'ERROR_NO_TOKEN' });
  });

  it.each(routes)(
    '%s: 401 ERROR_UNRECOGNISED_TOKEN for something that is no token of ours',
    async (_, send) => {
      const foreign = signApiToken({ sub: 'did:ethr:0x1', iat: 1, name: 'x' }, 'another salt');
      for (const credential of ['not-a-jwt', foreign, 'w3ss_unknownsession']) {
        const answer = await send(credential);
        expect(answer.status).toBe(401);
        expect(answer.json()).toMatchObject({ code: 'ERROR_UNRECOGNISED_TOKEN' });
      }
    },
  );

  it.each(routes)('%s: 401 ERROR_TOKEN_NOT_FOUND for a revoked or unknown token', async (_, send) => {
    const doomed = await newToken(alice, 'revoked');
    await call(service.url, `/user/tokens/${doomed.id}`, { method: 'DELETE', credential: alice });
    const sub = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()).sub as string;
    const unknown = signApiToken({ sub, iat: Date.now(), name: 'never stored' }, SALT);
    const otherAccount = signApiToken({ sub: 'did:ethr:0xnobody', iat: 1, name: 'uploader' }, SALT);
    for (const credential of [doomed.secret, unknown, otherAccount]) {
      const answer = await send(credential);
      expect(answer.status).toBe(401);
      expect(answer.json()).toEqual({ code: 'ERROR_TOKEN_NOT_FOUND', message: 'API token no longer valid' });
    }
  });

  it.each(routes)('%s: 403 ERROR_TOKEN_BLOCKED for a token an administrator blocked', async (_, send) => {
    const blocked = await newToken(alice, 'blocked');
    await control(service.url, { blocked: { id: blocked.id, value: true } });
    const answer = await send(blocked.secret);
    expect(answer.status).toBe(403);
    expect(answer.json()).toMatchObject({ code: 'ERROR_TOKEN_BLOCKED' });
    await control(service.url, { blocked: { id: blocked.id, value: false } });
    expect((await send(blocked.secret)).status).toBe(200);
  });

  it('should refuse uploads from a restricted account with 403 ERROR_ACCOUNT_RESTRICTED, and still list', async () => {
    const dave = await service.createAccount('uploads-dave@example.org');
    const daveToken = await newToken(dave, 'restricted');
    await control(service.url, { restrictions: { email: 'uploads-dave@example.org', account: true } });
    const [post, list] = await Promise.all(routes.map(([, send]) => send(daveToken.secret)));
    expect(post?.status).toBe(403);
    expect(post?.json()).toMatchObject({ code: 'ERROR_ACCOUNT_RESTRICTED' });
    expect(list?.status).toBe(200);
  });

  it('should check the write mode before any token: 503 in read-only mode, 410 after the sunset', async () => {
    try {
      await control(service.url, { mode: 'r-' });
      expect((await upload(undefined, new Uint8Array(1))).json()).toMatchObject({
        code: 'ERROR_MAINTENANCE',
      });
      expect((await call(service.url, '/user/uploads', { credential: token })).status).toBe(200);
      await control(service.url, { mode: 'rw', sunset: true });
      const sunset = await upload('not-a-jwt', new Uint8Array(1));
      expect(sunset.status).toBe(410);
      expect(sunset.json()).toMatchObject({ code: 'ERROR_FEATURE_HAS_BEEN_SUNSET' });
    } finally {
      await control(service.url, { reset: true });
    }
  });
});

describe(`GET /user/uploads (${backendName})`, () => {
  it('should page newest first, with Count, and Link only when the page is full', async () => {
    const erin = await service.createAccount('uploads-erin@example.org');
    const roots: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { root, car } = await goodCar(`page item ${i}`);
      expect((await upload(erin, car, `item ${i}`)).status).toBe(200);
      roots.push(root.toString());
      // Distinct `created` milliseconds, so `before` splits the pages where the test expects.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const seen: string[] = [];
    let path: string | null = '/user/uploads?size=2';
    const links: (string | null)[] = [];
    while (path) {
      const answer: Answer = await call(service.url, path, { credential: erin });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('Count')).toBe('5');
      const items = answer.json() as { cid: string; created: string }[];
      seen.push(...items.map((item) => item.cid));
      const link = answer.headers.get('Link');
      links.push(link);
      path = link ? (/^<([^>]+)>; rel="next"$/.exec(link)?.[1] ?? null) : null;
      if (link) expect(link).toContain(`before=${encodeURIComponent(items.at(-1)?.created ?? '')}`);
    }
    expect(seen).toEqual([...roots].reverse());
    expect(links.map(Boolean)).toEqual([true, true, false]);
  });

  it('should answer the item shape of the contract', async () => {
    const answer = await call(service.url, '/user/uploads?size=1', { credential: token });
    const [item] = answer.json() as Record<string, unknown>[];
    expect(Object.keys(item ?? {})).toEqual([
      '_id',
      'type',
      'name',
      'created',
      'updated',
      'cid',
      'dagSize',
      'pins',
      'deals',
      'parts',
    ]);
    expect(item).toMatchObject({ _id: expect.stringMatching(/^\d+$/), pins: [], deals: [], parts: [] });
  });

  it.each(['0', '1001', 'ten', '2.5'])('should refuse size=%s with 400', async (size) => {
    const answer = await call(service.url, `/user/uploads?size=${size}`, { credential: token });
    expect(answer.status).toBe(400);
  });

  it('should refuse a before that is not a date with 400', async () => {
    expect((await call(service.url, '/user/uploads?before=yesterday', { credential: token })).status).toBe(
      400,
    );
  });
});

describe(`GET /status/:cid and GET /car/:cid (${backendName})`, () => {
  it('should answer the status and the CAR of an upload to anyone, and 404 for an unknown root', async () => {
    const { root, car } = await goodCar('public read');
    await upload(token, car);
    const status = await call(service.url, `/status/${root}`);
    expect(status.json()).toEqual({
      cid: root.toString(),
      dagSize: 11,
      created: expect.stringMatching(/^\d{4}-.*\+00:00$/),
      pins: [],
      deals: [],
    });
    const res = await fetch(`${service.url}/car/${root}`);
    expect(res.headers.get('Content-Type')).toBe('application/vnd.ipld.car');
    const reader = await CarReader.fromBytes(new Uint8Array(await res.arrayBuffer()));
    expect((await reader.getRoots()).map(String)).toEqual([root.toString()]);
    expect(new TextDecoder().decode((await reader.get(root))?.bytes)).toBe('public read');

    const unknown = (await goodCar('never sent')).root;
    expect((await call(service.url, `/status/${unknown}`)).status).toBe(404);
    expect((await call(service.url, `/car/${unknown}`)).status).toBe(404);
    expect((await call(service.url, '/status/not-a-cid')).json()).toMatchObject({
      code: 'ERROR_INVALID_CID',
    });
  });
});
