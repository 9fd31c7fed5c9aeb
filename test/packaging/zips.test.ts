import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { readZip } from '../helpers/zip';
import { archive, buildEnv, filesUnder, OUTPUT, ROOT } from './output';

/** The sources archive's allowlist from wxt.config.ts: exact paths and `folder/**` only. */
const INCLUDED = config.zip?.includeSources ?? [];
const isIncluded = (path: string): boolean =>
  INCLUDED.some((p) => (p.endsWith('/**') ? path.startsWith(p.slice(0, -2)) : path === p));

/** What the sources archive must hold: the project's files (tracked, or new and not ignored) it allows. */
function expectedSources(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const paths = listed.split('\n').filter((p) => p && isIncluded(p) && existsSync(join(ROOT, p)));
  return [...new Set(paths)].sort();
}

describe('store packages (npm run zip)', () => {
  it.each([
    ['chrome', 'chrome-mv3'],
    ['firefox', 'firefox-mv3'],
  ] as const)('should pack the %s build as it is, manifest at the root', (suffix, target) => {
    const zip = readZip(readFileSync(archive(suffix)));
    expect(zip.has('manifest.json')).toBe(true);
    expect(zip).toEqual(filesUnder(join(OUTPUT, target)));
  });

  it('should allow only exact paths and whole folders into the sources archive', () => {
    expect(INCLUDED.length).toBeGreaterThan(0);
    for (const pattern of INCLUDED) expect(pattern).toMatch(/^[\w.-]+(\/\*\*)?$/);
    expect(config.zip?.excludeSources).toEqual(['**']);
  });

  it('should put every project file a rebuild needs in the sources archive, and nothing else', () => {
    const zip = readZip(readFileSync(archive('sources')));
    expect([...zip.keys()].sort()).toEqual(expectedSources());
    for (const [path, content] of zip)
      expect(content.equals(readFileSync(join(ROOT, path))), path).toBe(true);
    for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'README.md']) {
      expect(zip.has(needed), needed).toBe(true);
    }
    const forbidden = /^(node_modules|\.output|\.wxt|\.data|\.git|test|service|scripts)\/|\.(png|log|zip)$/;
    expect([...zip.keys()].filter((p) => forbidden.test(p))).toEqual([]);
  });

  describe('rebuilt from the sources archive', () => {
    const dir = mkdtempSync(join(tmpdir(), 'w3s-sources-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    // A reviewer runs `npm ci` first, which needs the registry: here the project's own installed
    // node_modules (from the same lockfile) stands in for it, linked into the unpacked sources.
    it('should build the same Firefox extension, byte for byte', () => {
      for (const [path, content] of readZip(readFileSync(archive('sources')))) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), content);
      }
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
      execFileSync(join(dir, 'node_modules', '.bin', 'wxt'), ['build', '-b', 'firefox'], {
        cwd: dir,
        stdio: 'pipe',
        env: buildEnv(),
      });
      expect(filesUnder(join(dir, '.output', 'firefox-mv3'))).toEqual(
        filesUnder(join(OUTPUT, 'firefox-mv3')),
      );
    });
  });
});
