import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every regular file under `dir` (the browser profile), symlinks and sockets left out. */
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return entry.isFile() && lstatSync(path).isFile() ? [path] : [];
  });
}

/**
 * Where in the profile's raw bytes each needle occurs, as UTF-8 (and Latin-1) or UTF-16 (both byte
 * orders): LevelDB, IndexedDB and storage files included. Each needle is also looked for by its
 * last 16 characters, which a compressed LevelDB table keeps as a literal even when it encodes a
 * repeated beginning (a JWT's header) as a back-reference.
 */
export function scanProfile(dir: string, needles: Record<string, string>): string[] {
  const patterns = Object.entries(needles).flatMap(([label, value]) =>
    [value, value.slice(-16)].flatMap((text) => [
      { label, bytes: Buffer.from(text, 'utf8') },
      { label, bytes: Buffer.from(text, 'utf16le') },
      { label, bytes: Buffer.from(text, 'utf16le').swap16() },
    ]),
  );
  const hits = new Set<string>();
  for (const file of files(dir)) {
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch {
      continue; // Removed while the browser runs (a LevelDB log being rotated).
    }
    for (const { label, bytes } of patterns) {
      if (data.includes(bytes)) hits.add(`${label} in ${relative(dir, file)}`);
    }
  }
  return [...hits].sort();
}
