import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { AxeResults, Result } from 'axe-core';
import type { ToolbarPopup } from './toolbar-popup';

// WCAG 2.0 and 2.1, levels A and AA (issue 7).
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One line per serious or critical violation: rule, impact, and the elements it names. */
function serious(results: Pick<AxeResults, 'violations'>): string[] {
  return results.violations
    .filter((v: Result) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Runs axe-core on an extension page opened as a tab. */
export async function axeSerious(page: Page): Promise<string[]> {
  return serious(await new AxeBuilder({ page }).withTags(TAGS).analyze());
}

const axeSource = (): string =>
  readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the real toolbar popup, which is not a Page: its source goes in over CDP. */
export async function axeSeriousInPopup(popup: ToolbarPopup): Promise<string[]> {
  await popup.evaluate(`${axeSource()};void 0`);
  const options = JSON.stringify({ runOnly: { type: 'tag', values: TAGS } });
  return serious(await popup.evaluate<AxeResults>(`axe.run(document, ${options})`));
}
