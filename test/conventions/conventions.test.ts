import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { componentReach, fatEntrypoint, folderHeader, longFunctions, looseMessages, reachIns } from './rules';

// The house rules (../shared/house-style.md, issue 16), checked over the whole tree as
// refined-github's build/features.test.ts does: each rule is first shown to fail on a breach.
const ROOT = join(import.meta.dirname, '../..');
const sources = execFileSync(
  'git',
  ['ls-files', '-co', '--exclude-standard', 'utils', 'components', 'entrypoints'],
  {
    cwd: ROOT,
    encoding: 'utf8',
  },
)
  .split('\n')
  .filter((file) => /\.tsx?$/.test(file) && existsSync(join(ROOT, file)));
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const where = (breaches: { file: string; line: number; rule: string }[]): string[] =>
  breaches.map((b) => `${b.file}:${b.line} ${b.rule}`);

describe('convention rules', () => {
  it.each([
    ['utils/fill/filler.ts', "import { listTokens } from '../store/db';", 1],
    ['components/tokens/TokenList.tsx', "import { fillPage } from '../../utils/fill/page';", 1],
    ['entrypoints/background.ts', "const m = await import('../utils/sync/engine');", 1],
    ['utils/fill/filler.ts', "import { listTokens } from '../store';", 0],
    ['utils/fill/filler.ts', "import { fillPage } from './page';", 0],
    ['components/tokens/TokenList.tsx', "import { t } from '../../utils/lib';", 0],
  ])('should find reach-ins in %s: %s', (file, text, count) => {
    expect(reachIns(file, text)).toHaveLength(count);
  });

  it('should find a function over the limit, nested or not', () => {
    const body = (n: number): string =>
      Array.from({ length: n }, (_, i) => `  const a${i} = ${i};`).join('\n');
    expect(longFunctions('utils/x/y.ts', `export function f() {\n${body(79)}\n}`)).toHaveLength(1);
    expect(longFunctions('utils/x/y.ts', `export function f() {\n${body(77)}\n}`)).toHaveLength(0);
    expect(longFunctions('utils/x/y.ts', `const o = { m: () => {\n${body(90)}\n} };`)).toHaveLength(1);
  });

  it.each([
    ["import { browser } from 'wxt/browser';", 1],
    ["import { openDB } from 'idb';", 1],
    ["const r = await fetch('/x');", 1],
    ["chrome.runtime.sendMessage('x');", 1],
    ['const x = props.fetch; const y = { fetch: 1 };', 0],
  ])('should find what a component may not reach: %s', (text, count) => {
    expect(componentReach('components/A.tsx', text)).toHaveLength(count);
  });

  it('should find a message named outside the contract', () => {
    expect(looseMessages('components/A.tsx', "send({ type: 'vault/forget', passphrase })")).toHaveLength(1);
    expect(looseMessages('components/A.tsx', "const input = { type: 'text' };")).toHaveLength(0);
  });

  it('should find a fat entrypoint', () => {
    expect(fatEntrypoint('entrypoints/a.ts', 'x\n'.repeat(90))).toHaveLength(1);
    expect(fatEntrypoint('entrypoints/a.ts', 'x\n'.repeat(20))).toHaveLength(0);
  });

  it('should want a header on every feature folder', () => {
    expect(folderHeader('utils/fill', null)).toHaveLength(1);
    expect(folderHeader('utils/fill', 'export {};')).toHaveLength(1);
    expect(folderHeader('utils/fill', '// utils/fill/: putting a token into a field.\n')).toHaveLength(0);
  });
});

describe('the tree', () => {
  it('should have found the sources', () => {
    expect(sources.length).toBeGreaterThan(80);
  });

  it('should reach other features only through their index', () => {
    expect(where(sources.flatMap((file) => reachIns(file, read(file))))).toEqual([]);
  });

  it('should keep every function in utils/ under 80 lines', () => {
    const utils = sources.filter((file) => file.startsWith('utils/'));
    expect(where(utils.flatMap((file) => longFunctions(file, read(file))))).toEqual([]);
  });

  it('should keep browser, idb and fetch out of components', () => {
    const components = sources.filter((file) => file.startsWith('components/'));
    expect(where(components.flatMap((file) => componentReach(file, read(file))))).toEqual([]);
  });

  it('should name messages only in the contract', () => {
    const others = sources.filter((file) => file !== 'utils/messages.ts');
    expect(where(others.flatMap((file) => looseMessages(file, read(file))))).toEqual([]);
  });

  it('should keep entrypoints as wiring', () => {
    const entrypoints = sources.filter((file) => file.startsWith('entrypoints/') && /\.tsx?$/.test(file));
    expect(where(entrypoints.flatMap((file) => fatEntrypoint(file, read(file))))).toEqual([]);
  });

  it('should say at the top of every feature folder what it owns', () => {
    const folders = readdirSync(join(ROOT, 'utils')).filter((name) =>
      statSync(join(ROOT, 'utils', name)).isDirectory(),
    );
    expect(folders.length).toBeGreaterThanOrEqual(8);
    const breaches = folders.flatMap((name) => {
      const index = join(ROOT, 'utils', name, 'index.ts');
      return folderHeader(`utils/${name}`, existsSync(index) ? readFileSync(index, 'utf8') : null);
    });
    expect(where(breaches)).toEqual([]);
  });
});
