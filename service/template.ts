import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { MIGRATIONS } from './migrations';

// initdb inside PGlite costs 2-5 s of CPU, paid by every fresh database (each test file starts one).
// A freshly migrated, still empty database is dumped once and loaded by later fresh databases in
// about 0.5 s: https://pglite.dev/docs/api#loaddatadir. The file name carries the PGlite version
// and a hash of the migrations, so a stale template is never picked up. It lives in the project's
// node_modules/.cache, not a shared /tmp where another user could plant one.
function templatePath(): string {
  // The package does not export its package.json: find it next to the resolved entry point.
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const { version } = JSON.parse(readFileSync(join(entry, '../../package.json'), 'utf8')) as {
    version: string;
  };
  const schema = createHash('sha256').update(MIGRATIONS.join('\n')).digest('hex').slice(0, 16);
  const cache = fileURLToPath(new URL('../node_modules/.cache/w3s-reference-service/', import.meta.url));
  return join(cache, `pglite-${version}-${schema}.tar.gz`);
}

/** The dumped empty database, or undefined when there is none yet (or it cannot be read). */
export function readTemplate(): Blob | undefined {
  try {
    return new Blob([readFileSync(templatePath())]);
  } catch {
    return undefined;
  }
}

/** Dumps `db`, which must be freshly migrated and empty. Best effort: a cache, not a requirement. */
export async function writeTemplate(db: PGlite): Promise<void> {
  try {
    const path = templatePath();
    const dump = Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer());
    mkdirSync(join(path, '..'), { recursive: true });
    // Write then rename, so a concurrent reader never sees half a file.
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, dump);
    renameSync(partial, path);
  } catch {
    // No template: the next fresh database runs initdb again.
  }
}
