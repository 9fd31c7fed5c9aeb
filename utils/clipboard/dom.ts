import type { CopiedMark } from './copy';
import { digestOf } from './digest';
import { shouldClear } from './rule';

export type ClearOutcome = 'cleared' | 'changed' | 'unreadable';

/**
 * Empties the clipboard if it still holds what was copied. Runs in a document the person never
 * sees: Chromium's offscreen document (entrypoints/offscreen/), or Firefox's background page.
 * Neither has focus, so navigator.clipboard refuses; execCommand('paste') and ('copy') work there
 * with the clipboardRead and clipboardWrite permissions.
 * https://developer.chrome.com/docs/extensions/reference/api/offscreen#clipboard
 */
export async function clearIfUnchanged(mark: CopiedMark, doc: Document = document): Promise<ClearOutcome> {
  const current = readClipboard(doc);
  if (current === null) return 'unreadable';
  if (!shouldClear(mark, await digestOf(current, mark.salt))) return 'changed';
  return writeEmpty(doc) ? 'cleared' : 'unreadable';
}

function readClipboard(doc: Document): string | null {
  const area = doc.createElement('textarea');
  doc.body.append(area);
  area.focus();
  try {
    return doc.execCommand('paste') ? area.value : null;
  } finally {
    // The read text leaves this document at once.
    area.value = '';
    area.remove();
  }
}

function writeEmpty(doc: Document): boolean {
  const onCopy = (event: ClipboardEvent): void => {
    event.clipboardData?.setData('text/plain', '');
    event.preventDefault();
  };
  doc.addEventListener('copy', onCopy);
  try {
    return doc.execCommand('copy');
  } finally {
    doc.removeEventListener('copy', onCopy);
  }
}
