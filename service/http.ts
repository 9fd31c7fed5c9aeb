import { once } from 'node:events';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/** What a handler answers. Handlers return values and never touch the socket, so the server can
 * decorate (CORS) or, later, tamper with (fault injection) every reply in one place. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** A body sent as it is produced (a CAR read from the database), without Content-Length. */
  stream?: AsyncIterable<Uint8Array>;
}

// The original's JSONResponse header, kept verbatim.
const JSON_TYPE = 'application/json;charset=UTF-8';

export function json(status: number, value: unknown): Reply {
  return { status, headers: { 'Content-Type': JSON_TYPE }, body: JSON.stringify(value) };
}

/** The original answered `new JSONResponse(undefined)`: a JSON content type and no body at all. */
export function emptyJson(status: number): Reply {
  return { status, headers: { 'Content-Type': JSON_TYPE } };
}

export function text(status: number, body: string): Reply {
  return { status, headers: { 'Content-Type': 'text/plain;charset=UTF-8' }, body };
}

/**
 * CORS headers of the original (packages/api/src/cors.js), but only for an origin server.ts let in:
 * the original echoed any Origin, which lets every web page read a signed-in person's tokens.
 * No Origin (not a browser page): no Access-Control-Allow-Origin, and never `*`.
 */
export function corsHeaders(origin: string | undefined): Record<string, string> {
  return {
    ...(origin
      ? {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': 'GET,POST,PUT,DELETE,OPTIONS',
          'Access-Control-Expose-Headers': 'Count, Link, Retry-After',
        }
      : {}),
    Vary: 'Origin',
  };
}

export function preflight(headers: IncomingHttpHeaders): Reply {
  const requested = headers['access-control-request-headers'];
  return {
    status: 204,
    headers: {
      ...(requested ? { 'Access-Control-Allow-Headers': requested } : {}),
      'Access-Control-Max-Age': '86400',
    },
  };
}

export class BodyTooLargeError extends Error {}

/** Reads the whole request body as UTF-8, refusing more than `limit` bytes. */
export async function readBody(req: IncomingMessage, limit = 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The request body as it arrives, refusing more than `limit` bytes (first by Content-Length). The
 * stream is left open on refusal so Node discards the rest and the client still reads the 413.
 */
export async function* readBytes(req: IncomingMessage, limit: number): AsyncGenerator<Uint8Array> {
  if (Number(req.headers['content-length'] ?? 0) > limit)
    throw new BodyTooLargeError('request body too large');
  let size = 0;
  for await (const chunk of req.iterator({ destroyOnReturn: false })) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError('request body too large');
    yield chunk as Buffer;
  }
}

export async function send(
  res: ServerResponse,
  reply: Reply,
  extraHeaders: Record<string, string>,
): Promise<void> {
  if (reply.stream) {
    res.writeHead(reply.status, { ...extraHeaders, ...reply.headers });
    try {
      for await (const chunk of reply.stream) {
        if (res.destroyed) return;
        if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
      }
      res.end();
    } catch {
      // Headers are gone: the only way left to say "failed" is to cut the connection.
      res.destroy();
    }
    return;
  }
  const body = reply.body ?? '';
  // RFC 9110 §8.6: no Content-Length on a 204.
  const length: Record<string, string> =
    reply.status === 204 ? {} : { 'Content-Length': String(Buffer.byteLength(body)) };
  res.writeHead(reply.status, { ...extraHeaders, ...reply.headers, ...length });
  res.end(reply.status === 204 ? undefined : body);
}
