import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const OUTPUT = join(ROOT, '.output');
export const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};

/** `.output/<name>-<version>-<suffix>.zip`, as `wxt zip` names its archives. */
export function archive(suffix: 'chrome' | 'firefox' | 'sources'): string {
  return join(OUTPUT, `${PACKAGE.name}-${PACKAGE.version}-${suffix}.zip`);
}

/** Every file under `dir`, by its path relative to `dir` with forward slashes. */
export function filesUnder(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (at: string): void => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path).split('\\').join('/'), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

export function readManifest(target: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(OUTPUT, target, 'manifest.json'), 'utf8'));
}

/**
 * The environment a person's shell gives a build: vitest's own variables (NODE_ENV=test, VITEST…)
 * would change what Vite bundles, so builds started from a test run without them.
 */
export function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key === 'NODE_ENV' || key === 'TEST' || key.startsWith('VITEST')) delete env[key];
  }
  return env;
}
