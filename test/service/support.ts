// Shared by the service tests: plain fetch against a running reference service.
import { type RunningService, type ServiceOptions, startService } from '../../service/server';
import { freshDatabase } from './backend';

export { backendName, onPostgres, openTestDb } from './backend';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json(): unknown;
}

export interface CallOptions {
  method?: string;
  credential?: string;
  /** A string or bytes are sent as they are; anything else as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
}

export async function call(baseUrl: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const { method = 'GET', credential, body, headers = {} } = options;
  const res = await fetch(new URL(path, baseUrl), {
    method,
    headers: { ...(credential ? { Authorization: `Bearer ${credential}` } : {}), ...headers },
    body:
      body === undefined
        ? undefined
        : typeof body === 'string'
          ? body
          : body instanceof Uint8Array
            ? new Uint8Array(body)
            : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
}

/** Flips switches of a service started with `control: true`. */
export async function control(baseUrl: string, body: unknown): Promise<Answer> {
  const answer = await call(baseUrl, '/__control', { method: 'POST', body });
  if (answer.status !== 200)
    throw new Error(`control ${JSON.stringify(body)}: ${answer.status} ${answer.text}`);
  return answer;
}

export interface TokenJson {
  _id: string;
  name: string;
  secret: string;
  created: string;
  hasUploads: boolean;
}

export async function listTokens(baseUrl: string, credential: string): Promise<TokenJson[]> {
  const answer = await call(baseUrl, '/user/tokens', { credential });
  if (answer.status !== 200) throw new Error(`list: ${answer.status} ${answer.text}`);
  return answer.json() as TokenJson[];
}

export async function createToken(baseUrl: string, credential: string, name: string): Promise<string> {
  const answer = await call(baseUrl, '/user/tokens', { method: 'POST', credential, body: { name } });
  if (answer.status !== 201) throw new Error(`create: ${answer.status} ${answer.text}`);
  return (answer.json() as { _id: string })._id;
}

/**
 * A service on a fresh database of the backend under test (in-memory PGlite, or a new database on
 * the PostgreSQL server, dropped when the service closes), listening on a free port.
 */
export async function startServiceOnTestDb(options: ServiceOptions = {}): Promise<RunningService> {
  const database = await freshDatabase();
  const service = await startService({ port: 0, ...options, databaseUrl: database.databaseUrl }).catch(
    async (error: unknown) => {
      await database.drop();
      throw error;
    },
  );
  const close = service.close;
  let closing: Promise<void> | undefined;
  service.close = () => {
    closing ??= close().then(() => database.drop());
    return closing;
  };
  return service;
}

/**
 * One service for a test file, with the control route on and a rate limit no test reaches by
 * accident, and a fresh account on it.
 */
export async function startTestService(
  email: string,
  log: (line: string) => void = () => {},
  options: ServiceOptions = {},
): Promise<{ service: RunningService; credential: string }> {
  const service = await startServiceOnTestDb({
    control: true,
    log,
    rateLimit: { max: 10_000, windowMs: 10_000 },
    ...options,
  });
  return { service, credential: await service.createAccount(email) };
}
