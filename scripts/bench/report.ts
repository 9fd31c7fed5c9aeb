import { BUDGETS, type BundleSizes } from './bundle-sizes';
import type { RunResults, SizeRun } from './run';
import { count, kb, mb, median, ms, type Row, ratio } from './stats';

// The targets of issues 6 and 14.
const READY_TARGET: Record<number, number> = { 0: 1.2, 10: 1.2, 1000: 1.2, 10000: 1.5 };
const SYNC_TARGET = { first: 2, again: 1.5 };
const HEAP_TARGET = 20 * 1024 * 1024;
const SEARCH_TARGET_MS = 16;
// Issue 14: from the gesture to the token in the field.
const FILL_TARGET_MS = 50;

// Issue 14: where a target is below what the browser allows, the floor is the empty page plus
// the primitive, the least any popup must do first (the session and one read, browser.ts).
function readyRow(run: SizeRun): Row {
  const blank = median(run.blankReady);
  const floor = median(run.primitiveReady);
  const popup = median(run.popupReady);
  const target = READY_TARGET[run.tokens];
  return {
    measure: `Popup ready, ${count(run.tokens)} tokens`,
    result: ms(popup),
    floor: `${ms(blank)} empty page, ${ms(floor)} + session and one read`,
    ratio: `${ratio(popup / floor)} (${ratio(popup / blank)} of empty)`,
    target: target === undefined ? undefined : `≤ ${target}×`,
    met: target === undefined ? undefined : popup / floor <= target,
  };
}

// A sync's floor: fetch + parse, plus what any page's sync adds to it, measured beside the syncs
// it is compared with (run.ts, measure.ts): the message to the background and back, and one
// IndexedDB transaction (a write into a new database on an empty device, a read when nothing
// changed). The ratio to the bare fetch alone is shown too.
function syncRows(run: SizeRun): Row[] {
  if (run.tokens === 0) return [];
  const rows: Array<[string, SizeRun['firstSync'], number, number[], number[], string]> = [
    ['first, empty device', run.firstSync, SYNC_TARGET.first, run.bareFetch, run.firstFloor, 'one write'],
    ['again, nothing changed', run.repeatSync, SYNC_TARGET.again, run.againFetch, run.againFloor, 'one read'],
  ];
  return rows.map(([label, syncs, target, fetches, floors, primitive]) => {
    const fetched = median(fetches);
    const value = median(syncs.map((s) => s.ms));
    const floor = median(floors);
    const last = syncs.at(-1);
    const counts = last
      ? ` · ${last.written} written, ${last.broadcasts} broadcast, ${last.menuItems} menu`
      : '';
    return {
      measure: `Sync ${count(run.tokens)} tokens (${label})`,
      result: `${ms(value)}${counts}`,
      floor: `${ms(fetched)} fetch + parse, ${ms(floor)} + message and ${primitive}`,
      ratio: `${ratio(value / floor)} (${ratio(value / fetched)} of fetch)`,
      target: `≤ ${target}×`,
      met: value / floor <= target,
    };
  });
}

function fillRows(fill: RunResults['fill']): Row[] {
  const gestures = [
    ['Fill, popup click → value in field', fill.popup, true],
    ['Fill, popup click as the names show → value in field', fill.popupAtOnce, false],
    ['Fill, shortcut → value in field', fill.shortcut, true],
  ] as const;
  return gestures.map(([label, samples, targeted]) => {
    const value = median(samples);
    const result = fill.skipped
      ? `not measured: ${fill.skipped}`
      : `${ms(value)} / ${ms(Math.max(...samples))}`;
    const measure = `${label}, ${count(fill.tokens)} tokens (median / worst)`;
    if (!targeted) return { measure, result };
    return {
      measure,
      result,
      target: `median ≤ ${FILL_TARGET_MS} ms`,
      met: fill.skipped ? false : value <= FILL_TARGET_MS,
    };
  });
}

/** The table the benchmark prints and docs/performance.md shows. */
export function tableRows(results: RunResults, bundles: BundleSizes): Row[] {
  const syncs = results.sizes.flatMap((run) => [...run.firstSync, ...run.repeatSync]);
  const most = Math.max(...syncs.map((s) => s.transactions));
  const least = Math.min(...syncs.map((s) => s.transactions));
  const updated = results.search.samples.map((s) => s.updatedMs);
  const painted = median(results.search.samples.map((s) => s.paintedMs));
  const popupBudget = BUDGETS.popup ?? Number.POSITIVE_INFINITY;
  return [
    ...results.sizes.map(readyRow),
    ...results.sizes.flatMap(syncRows),
    ...fillRows(results.fill),
    {
      measure: 'IndexedDB transactions per sync',
      result: `${least === most ? most : `${least}–${most}`} (no revokes waiting)`,
      target: '1',
      met: most === 1,
    },
    {
      measure: 'Fill code (injected), gzip',
      result: kb(bundles.fill.gzip),
      target: `≤ ${kb(BUDGETS.fill ?? Number.POSITIVE_INFINITY)}`,
      met: bundles.fill.gzip <= (BUDGETS.fill ?? Number.POSITIVE_INFINITY),
    },
    {
      measure: 'Popup JS, gzip',
      result: kb(bundles.popup.gzip),
      target: `≤ ${kb(popupBudget)}`,
      met: bundles.popup.gzip <= popupBudget,
    },
    { measure: 'Options page JS, gzip', result: kb(bundles.options.gzip) },
    { measure: 'Background JS, gzip', result: kb(bundles.background.gzip) },
    {
      measure: `Popup JS heap, ${count(results.heap.tokens)} tokens`,
      result: mb(results.heap.popup),
      floor: `${mb(results.heap.blank)} empty page`,
      target: `≤ ${mb(HEAP_TARGET)}`,
      met: results.heap.popup <= HEAP_TARGET,
    },
    {
      measure: `Search ${count(results.search.tokens)} names, keydown → list updated (median / worst)`,
      result: `${ms(median(updated))} / ${ms(Math.max(...updated))}`,
      floor: `${ms(painted)} to paint (median)`,
      target: `median ≤ ${SEARCH_TARGET_MS} ms`,
      met: median(updated) <= SEARCH_TARGET_MS,
    },
  ];
}
