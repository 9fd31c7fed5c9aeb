// Hand-made CAR files for the upload tests: good ones, and one of each kind the service refuses.
import { CarWriter } from '@ipld/car';
import { CID } from 'multiformats/cid';
import * as raw from 'multiformats/codecs/raw';
import { sha256 } from 'multiformats/hashes/sha2';

export interface TestBlock {
  cid: CID;
  bytes: Uint8Array;
}

export async function rawBlock(content: string | Uint8Array): Promise<TestBlock> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { cid: CID.createV1(raw.code, await sha256.digest(bytes)), bytes };
}

/** A CAR with these roots and blocks, written by @ipld/car with no check of its own. */
export async function writeCar(roots: CID[], blocks: TestBlock[]): Promise<Uint8Array> {
  const { writer, out } = CarWriter.create(roots);
  const chunks: Uint8Array[] = [];
  const collected = (async () => {
    for await (const chunk of out) chunks.push(chunk);
  })();
  for (const block of blocks) await writer.put(block);
  await writer.close();
  await collected;
  return new Uint8Array(Buffer.concat(chunks));
}

/** A valid one-block CAR whose root is the block itself. */
export async function goodCar(content: string): Promise<{ root: CID; car: Uint8Array }> {
  const block = await rawBlock(content);
  return { root: block.cid, car: await writeCar([block.cid], [block]) };
}

/** One CAR for each reason the original refused one with 400 ERROR_INVALID_CAR. */
export async function badCars(): Promise<[string, Uint8Array, RegExp][]> {
  const a = await rawBlock('block a');
  const b = await rawBlock('block b');
  const big = await rawBlock(new Uint8Array(1024 * 1024 + 1));
  const forged = { cid: a.cid, bytes: new TextEncoder().encode('not block a') };
  return [
    ['no root', await writeCar([], [a]), /expected 1 root, got 0/],
    ['two roots', await writeCar([a.cid, b.cid], [a, b]), /expected 1 root, got 2/],
    ['no block', await writeCar([a.cid], []), /empty CAR/],
    ['a block over 1 MiB', await writeCar([big.cid], [big]), /block too big/],
    ['a block whose bytes do not match its CID', await writeCar([a.cid], [forged]), /does not match CID/],
    ['no root block', await writeCar([a.cid], [b]), /missing root block/],
    ['bytes that are not a CAR', new TextEncoder().encode('hello, not a car'), /Invalid CAR file received/],
  ];
}
