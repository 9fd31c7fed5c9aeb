import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A second, deliberately different server for /work/shared/api-contract.md, sharing no code with
 * `service/`: one account, a fixed session credential, in memory. Where the contract allows a
 * choice it takes the other one: create answers 200 (the original's dev mock), ids are bigints
 * beyond 2^53 whose digit counts differ, the list comes back shuffled with microsecond Postgres
 * dates and unknown extra fields, and there is no `/user/info` nor `/user/account`.
 */
export interface IndependentServer {
  url: string;
  credential: string;
  /** The live (not deleted) tokens, read past HTTP. */
  tokens(): Array<{ _id: string; name: string; secret: string }>;
  close(): Promise<void>;
}

type Row = { _id: string; name: string; secret: string; created: string; deleted: boolean };

const CREDENTIAL = 'independent-session.7c1e52b0d9a4';
const FIRST_ID = 9007199254740993n; // 2^53 + 1: not exactly representable as a JS number
const ID_STEP = 3000000000000007n; // the second id already has 17 digits

const b64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

function sign(key: Buffer, name: string): string {
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(
    JSON.stringify({ sub: 'did:ethr:0xindependent', iss: 'web3-storage', iat: Date.now(), name }),
  );
  const signature = createHmac('sha256', key).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** Postgres timestamptz text with microseconds, e.g. 2024-01-05T10:11:12.123456+00:00. */
function pgTimestamp(ms: number, micros: number): string {
  return `${new Date(ms).toISOString().slice(0, -1)}${String(micros).padStart(3, '0')}+00:00`;
}

function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export async function startIndependentServer(): Promise<IndependentServer> {
  const key = randomBytes(32);
  const rows: Row[] = [];
  let nextId = FIRST_ID;
  let lastMs = 0;

  function send(res: ServerResponse, status: number, body?: unknown): void {
    if (body === undefined) {
      res.writeHead(status); // no Content-Type, empty body
      res.end();
      return;
    }
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  }

  const error = (res: ServerResponse, status: number, code: string, message: string) =>
    send(res, status, { code, message });

  /** True when the request may go on; otherwise the 401 has been sent. */
  function authorize(req: IncomingMessage, res: ServerResponse): boolean {
    const given = /^bearer\s+(.+)$/i.exec(req.headers.authorization?.trim() ?? '')?.[1]?.trim();
    if (given === CREDENTIAL) return true;
    if (given === undefined)
      error(res, 401, 'ERROR_NO_TOKEN', 'No token found in `Authorization: Bearer ` header');
    else if (rows.some((row) => row.secret === given))
      error(res, 401, 'ERROR_MAGIC_TOKEN_REQUIRED', 'Must be logged in with magic.link');
    else error(res, 401, 'ERROR_USER_NOT_FOUND', 'User not found');
    return false;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // CORS: echo the Origin and the asked-for headers, so extension pages and web pages may call.
    if (req.headers.origin) res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
    res.setHeader('Vary', 'Origin');
    res.setHeader('Access-Control-Allow-Methods', 'GET,POST,PUT,DELETE,OPTIONS');
    const asked = req.headers['access-control-request-headers'];
    if (asked) res.setHeader('Access-Control-Allow-Headers', asked);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') return send(res, 204);
    if (method === 'GET' && path === '/version')
      return send(res, 200, { version: '0.0.0-independent', commit: 'x', branch: 'main', mode: 'rw' });
    const one = /^\/user\/tokens\/([^/]+)$/.exec(path);
    if (path === '/user/tokens' && (method === 'GET' || method === 'POST')) {
      if (!authorize(req, res)) return;
      if (method === 'GET') {
        const live = rows.filter((row) => !row.deleted);
        // Unknown extra fields around the contract's ones, as a newer server might send.
        const items = live.map(({ deleted, ...row }) => ({ meta: null, ...row, hasUploads: false, ext: {} }));
        return send(res, 200, shuffled(items));
      }
      let text = '';
      for await (const chunk of req) text += chunk;
      let name: unknown;
      try {
        name = (JSON.parse(text) as { name?: unknown } | null)?.name;
      } catch {}
      if (typeof name !== 'string' || name === '') return error(res, 400, 'HTTP_ERROR', 'invalid name');
      lastMs = Math.max(Date.now(), lastMs + 1); // strictly increasing, so the order is known
      const _id = String(nextId);
      nextId += ID_STEP;
      rows.push({
        _id,
        name,
        secret: sign(key, name),
        created: pgTimestamp(lastMs, (456 + rows.length * 137) % 1000),
        deleted: false,
      });
      return send(res, 200, { _id });
    }
    if (one && method === 'DELETE') {
      if (!authorize(req, res)) return;
      const id = decodeURIComponent(one[1] ?? '');
      if (!/^\d+$/.test(id))
        return error(res, 500, 'ERROR_DB', `invalid input syntax for type bigint: "${id}"`);
      const row = rows.find((r) => r._id === id && !r.deleted);
      if (!row) return send(res, 200);
      row.deleted = true;
      return send(res, 200, { _id: id });
    }
    return send(res, 404, { message: 'Not Found' });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => error(res, 500, 'HTTP_ERROR', 'Internal Server Error'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    credential: CREDENTIAL,
    tokens: () => rows.filter((r) => !r.deleted).map(({ _id, name, secret }) => ({ _id, name, secret })),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
