// `npm run bench`: builds the extension, then measures it in Chromium against the reference
// service (issue 6). `--smoke`: one repetition, 0 and 1,000 tokens. `--no-build`: use the
// existing .output/chrome-mv3. `--reps N`: repetitions per measure (median reported); the
// openings of the popup and of its floor pages are three times as many.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleSizes, EXTENSION_ROOT } from './bench/bundle-sizes';
import { tableRows } from './bench/report';
import { runBench } from './bench/run';
import { markdownTable } from './bench/stats';

const { values: args } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    reps: { type: 'string' },
  },
});
const smoke = args.smoke === true;
const reps = Number(args.reps ?? (smoke ? 1 : 7));
if (!Number.isInteger(reps) || reps < 1 || reps > 100)
  throw new Error('--reps takes a whole number from 1 to 100');

const started = performance.now();
const log = (line: string): void =>
  console.error(`[${((performance.now() - started) / 1000).toFixed(1)} s]${line}`);
if (!args['no-build']) {
  log(' wxt build');
  execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
const bundles = bundleSizes(EXTENSION_ROOT);
const results = await runBench({
  sizes: smoke ? [0, 10, 1_000] : [0, 10, 1_000, 10_000],
  reps,
  pageReps: smoke ? 1 : 3 * reps,
  warmup: smoke ? 0 : 1,
  buildDir: EXTENSION_ROOT,
  searchQuery: 'stag',
  searchRounds: smoke ? 1 : 5,
  log,
});
const rows = tableRows(results, bundles);
const table = markdownTable(rows);
console.log(table);

const git = (...argv: string[]): string => execFileSync('git', argv, { encoding: 'utf8' }).trim();
const report = {
  date: new Date().toISOString(),
  commit: git('rev-parse', '--short', 'HEAD'),
  dirty: git('status', '--porcelain', '--untracked-files=no') !== '',
  chromium: execFileSync(process.env.CHROME_PATH ?? '/usr/bin/chromium', ['--version'], {
    encoding: 'utf8',
    // Debian's wrapper script complains on stderr about the machine's memory size.
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim(),
  node: process.version,
  cpus: cpus().length,
  smoke,
  reps,
  pageReps: smoke ? 1 : 3 * reps,
  seconds: Math.round((performance.now() - started) / 1000),
  table: rows,
  bundles,
  ...results,
};
const outDir = join(import.meta.dirname, '..', 'bench-results');
mkdirSync(outDir, { recursive: true });
const file = join(outDir, smoke ? 'smoke.json' : 'latest.json');
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
log(` wrote ${file}`);
