import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CarBlockIterator } from '@ipld/car';
import { equals } from 'multiformats/bytes';
import { CID } from 'multiformats/cid';
import { create as createDigest } from 'multiformats/hashes/digest';
import { identity } from 'multiformats/hashes/identity';
import { sha256, sha512 } from 'multiformats/hashes/sha2';

// Checks of the original's POST /car (packages/api/src/car.js), on top of @ipld/car's parser.

/** The multicodec of a CAR file, for the `carCid` of the bytes as sent. */
const CAR_CODEC = 0x0202;
export const MAX_BLOCK_BYTES = 1024 * 1024;
const HASHERS = new Map([sha256, sha512, identity].map((hasher) => [hasher.code as number, hasher]));

export class InvalidCarError extends Error {}

export interface Block {
  cid: CID;
  bytes: Uint8Array;
}

export interface ReceivedCar {
  /** A temporary file holding the body; `discard()` removes it. */
  path: string;
  size: number;
  /** CID v1 (CAR codec, sha2-256) of the bytes exactly as sent. */
  carCid: string;
  discard(): Promise<void>;
}

/**
 * Writes a request body to a temporary file while hashing it, so a 50 MiB chunk never sits whole
 * in memory and the database is not held while a slow client sends.
 */
export async function receiveCar(body: AsyncIterable<Uint8Array>, dir = tmpdir()): Promise<ReceivedCar> {
  const path = join(dir, `w3s-upload-${randomUUID()}.car`);
  const discard = (): Promise<void> => rm(path, { force: true });
  const hash = createHash('sha256');
  const file = createWriteStream(path);
  let size = 0;
  try {
    for await (const chunk of body) {
      hash.update(chunk);
      size += chunk.length;
      if (!file.write(chunk)) await once(file, 'drain');
    }
    file.end();
    await once(file, 'finish');
  } catch (error) {
    file.destroy();
    await discard();
    throw error;
  }
  const carCid = CID.createV1(CAR_CODEC, createDigest(sha256.code, hash.digest())).toString();
  return { path, size, carCid, discard };
}

/** The one root of a CAR file and its blocks, each checked as it is read; throws InvalidCarError. */
export async function readCar(path: string): Promise<{ root: CID; blocks: AsyncIterable<Block> }> {
  const file = createReadStream(path);
  let iterator: CarBlockIterator;
  try {
    iterator = await CarBlockIterator.fromIterable(file);
  } catch (error) {
    file.destroy();
    throw new InvalidCarError(describe(error));
  }
  const roots = await iterator.getRoots();
  if (roots.length !== 1) {
    file.destroy();
    throw new InvalidCarError(`expected 1 root, got ${roots.length}`);
  }
  const root = roots[0] as CID;
  return { root, blocks: closing(checkedBlocks(iterator, root), file) };
}

/** Closes the file however the reading ends: done, refused, or abandoned by the caller. */
async function* closing<T>(items: AsyncGenerator<T>, file: { destroy(): void }): AsyncGenerator<T> {
  try {
    yield* items;
  } finally {
    file.destroy();
  }
}

async function* checkedBlocks(iterator: CarBlockIterator, root: CID): AsyncGenerator<Block> {
  let count = 0;
  let rootSeen = false;
  const blocks = iterator[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<Block>;
    try {
      next = await blocks.next();
    } catch (error) {
      throw new InvalidCarError(describe(error));
    }
    if (next.done) break;
    const block = next.value;
    if (block.bytes.length > MAX_BLOCK_BYTES) {
      throw new InvalidCarError(`block too big: ${block.bytes.length} > ${MAX_BLOCK_BYTES}`);
    }
    await verifyHash(block);
    // By multihash: a CID v0 root names the same block as its CID v1 (dag-pb) form.
    rootSeen ||= equals(block.cid.multihash.bytes, root.multihash.bytes);
    count++;
    yield block;
  }
  if (count === 0) throw new InvalidCarError('empty CAR');
  if (!rootSeen) throw new InvalidCarError('missing root block');
}

async function verifyHash(block: Block): Promise<void> {
  const hasher = HASHERS.get(block.cid.multihash.code);
  // Like the original, hashes it cannot compute are taken on trust.
  if (!hasher) return;
  if (!equals((await hasher.digest(block.bytes)).digest, block.cid.multihash.digest)) {
    throw new InvalidCarError(`block data does not match CID for ${block.cid}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : 'unreadable CAR';
}
