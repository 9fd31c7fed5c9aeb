import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BUDGETS, type BundleSizes, bundleSizes, EXTENSION_ROOT } from './bench/bundle-sizes';

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(2)} KB`;

if (!existsSync(join(EXTENSION_ROOT, 'manifest.json'))) {
  console.error(`${EXTENSION_ROOT}/manifest.json is missing: run \`npm run build\` first`);
  process.exit(1);
}
const sizes = bundleSizes(EXTENSION_ROOT);
let over = false;
for (const [entry, size] of Object.entries(sizes) as [keyof BundleSizes, BundleSizes[keyof BundleSizes]][]) {
  const budget = BUDGETS[entry];
  const verdict =
    budget === undefined ? '' : size.gzip <= budget ? `  ≤ ${kb(budget)} ok` : `  > ${kb(budget)} OVER`;
  if (budget !== undefined && size.gzip > budget) over = true;
  console.log(
    `${entry.padEnd(10)} ${kb(size.gzip).padStart(9)} gzip  ${kb(size.raw).padStart(9)} raw${verdict}`,
  );
  console.log(`${''.padEnd(10)} ${size.files.join(', ')}`);
}
if (over) {
  console.error('Size budget exceeded (issue 6). See docs/performance.md.');
  process.exit(1);
}
