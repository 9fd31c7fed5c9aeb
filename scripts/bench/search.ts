import type { Page } from '@playwright/test';
import { probeState, waitUntil } from './page';
import type { ProbeState } from './probe';

export interface SearchSample {
  query: string;
  /** Keydown until the list is updated in the DOM (the input's task and its render have run). */
  updatedMs: number;
  /** Keydown until the frame showing it has been painted. */
  paintedMs: number;
  /** The list changed in the DOM (a keystroke that changes nothing would measure nothing). */
  changed: boolean;
}

function searchPainted(count: number): boolean {
  const list = window.__bench?.searches ?? [];
  return list.length > count && list[list.length - 1]?.painted != null;
}

const searches = async (page: Page): Promise<ProbeState['searches']> => (await probeState(page)).searches;

async function keystroke(page: Page, press: () => Promise<void>): Promise<void> {
  const before = (await searches(page)).length;
  await press();
  await waitUntil(page, searchPainted, [before], 10_000);
  // Let the page go idle between keystrokes, as it would between a person's.
  await page.waitForTimeout(60);
}

/**
 * Types `query` one character at a time into "Search tokens", then clears it, `rounds` times;
 * every keystroke is one sample.
 */
export async function measureSearch(page: Page, query: string, rounds: number): Promise<SearchSample[]> {
  const field = page.getByRole('searchbox', { name: 'Search tokens' });
  await field.focus();
  const start = (await searches(page)).length;
  for (let round = 0; round < rounds; round++) {
    for (const char of query) await keystroke(page, () => page.keyboard.type(char));
    const first = page.getByRole('list', { name: 'API tokens' }).getByRole('listitem').first();
    const name = (await first.textContent())?.toLocaleLowerCase() ?? '';
    if (!name.includes(query.toLocaleLowerCase())) throw new Error(`search "${query}" shows "${name}" first`);
    await keystroke(page, async () => {
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Backspace');
    });
  }
  return (await searches(page)).slice(start).map((entry) => {
    const updated = Math.max(entry.handled ?? Number.NaN, entry.dom ?? 0);
    return {
      query: entry.query,
      updatedMs: updated - entry.start,
      paintedMs: (entry.painted ?? Number.NaN) - entry.start,
      changed: entry.dom !== null,
    };
  });
}
