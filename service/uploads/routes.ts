// The routes the real JS client (npm `web3.storage` 4.5.5) calls with an API token: POST /car,
// GET /user/uploads, and the public GET /status/:cid and GET /car/:cid. See
// /work/shared/api-contract.md, "Routes that take an API token".
import { CarWriter } from '@ipld/car';
import { CID } from 'multiformats/cid';
import type { UploaderHandler } from '../auth';
import type { Handler } from '../context';
import { httpError, invalidCar, notFound } from '../errors';
import { json, type Reply } from '../http';
import { InvalidCarError, receiveCar } from './car';

/** `POST /car`: stores the CAR and answers `{cid: <root as sent>, carCid}`. */
export const carRoute: UploaderHandler = async (req, deps, { user, tokenId }) => {
  const name = uploadName(req.headers['x-name']);
  const car = await receiveCar(req.bytes(deps.maxCarBytes), deps.tmpDir);
  try {
    const { root } = await deps.uploads.saveCar({ userId: user.id, tokenId, name, path: car.path });
    return json(200, { cid: root, carCid: car.carCid });
  } catch (error) {
    if (error instanceof InvalidCarError) return invalidCar(error.message);
    throw error;
  } finally {
    await car.discard();
  }
};

/** X-Name is `encodeURIComponent(name)`; without one the original named it after the time. */
function uploadName(header: string | string[] | undefined): string {
  const raw = Array.isArray(header) ? header[0] : header;
  if (raw) {
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return `Upload at ${new Date().toISOString()}`;
}

/** `GET /user/uploads?before=<ISO date>&size=<1..1000>`: newest first; `Link` only when the page is full. */
export const uploadsRoute: UploaderHandler = async (req, deps, { user }) => {
  const query = new URLSearchParams(req.query);
  const size = query.has('size') ? Number(query.get('size')) : 25;
  if (!Number.isInteger(size) || size < 1 || size > 1000)
    return httpError(400, 'size must be an integer from 1 to 1000');
  const before = query.has('before') ? new Date(query.get('before') ?? '') : undefined;
  if (before && Number.isNaN(before.getTime())) return httpError(400, 'before must be a date');
  const [uploads, count] = await Promise.all([
    deps.uploads.listUploads(user.id, { before, size }),
    deps.uploads.countUploads(user.id),
  ]);
  const reply = json(200, uploads);
  const last = uploads.at(-1);
  reply.headers = {
    ...reply.headers,
    Count: String(count),
    ...(last && uploads.length === size
      ? { Link: `</user/uploads?size=${size}&before=${encodeURIComponent(last.created)}>; rel="next"` }
      : {}),
  };
  return reply;
};

/** A CID from the path as CID v1, the form uploads are kept under; an error reply when it is not one. */
function contentCid(param: string | undefined): string | Reply {
  try {
    return CID.parse(param ?? '')
      .toV1()
      .toString();
  } catch {
    return json(400, { code: 'ERROR_INVALID_CID', message: `Invalid CID: ${param}` });
  }
}

/** `DELETE /user/uploads/:cid`: soft delete; the token that uploaded it keeps `hasUploads`. */
export const deleteUploadRoute: UploaderHandler = async (_req, deps, { user }, [param]) => {
  const cid = contentCid(param);
  if (typeof cid !== 'string') return cid;
  const id = await deps.uploads.deleteUpload(user.id, cid);
  return id ? json(200, { _id: id }) : httpError(404, 'Upload not found');
};

/** `GET /status/:cid` (public): `{cid, dagSize, created, pins, deals}`, or 404. */
export const statusRoute: Handler = async (_req, deps, [param]) => {
  const cid = contentCid(param);
  if (typeof cid !== 'string') return cid;
  const status = await deps.uploads.status(cid);
  return status ? json(200, status) : notFound();
};

/** `GET /car/:cid` (public): every block stored under that root, as one CAR rooted at it. */
export const getCarRoute: Handler = async (_req, deps, [param]) => {
  const cid = contentCid(param);
  if (typeof cid !== 'string') return cid;
  const blocks = await deps.uploads.blocks(cid);
  if (!blocks) return notFound();
  const { writer, out } = CarWriter.create([CID.parse(cid)]);
  // The writer waits for the reader, so blocks are read from the database as the client takes them.
  let failure: unknown;
  const pump = (async () => {
    try {
      for await (const block of blocks) await writer.put(block);
    } catch (error) {
      failure = error;
    } finally {
      await writer.close();
    }
  })();
  // A database failure halfway must not look like a shorter CAR: the stream fails, and send() cuts the connection.
  async function* body(): AsyncGenerator<Uint8Array> {
    yield* out;
    await pump;
    if (failure) throw failure;
  }
  return { status: 200, headers: { 'Content-Type': 'application/vnd.ipld.car' }, stream: body() };
};
