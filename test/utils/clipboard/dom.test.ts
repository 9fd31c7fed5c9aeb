import { beforeEach, describe, expect, it } from 'vitest';
import { digestOf } from '../../../utils/clipboard/digest';
import { clearIfUnchanged } from '../../../utils/clipboard/dom';

const SECRET = 'eyJhbGciOiJIUzI1NiJ9.payload.signature';
const SALT = 'f'.repeat(32);

/**
 * happy-dom has no system clipboard: execCommand is stood in for, the way Chromium runs it in
 * the offscreen document (paste into the focused field; copy through the copy event's data).
 */
function fakeClipboard(initial: string | null): { read(): string | null } {
  let content = initial;
  const execCommand = (command: string): boolean => {
    if (content === null) return false;
    if (command === 'paste') {
      (document.activeElement as HTMLTextAreaElement).value = content;
      return true;
    }
    const event = Object.assign(new Event('copy', { cancelable: true }), {
      clipboardData: { setData: (_type: string, value: string) => (content = value) },
    });
    document.dispatchEvent(event);
    return true;
  };
  Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
  return { read: () => content };
}

describe('clearIfUnchanged', () => {
  let digest: string;
  beforeEach(async () => {
    digest = await digestOf(SECRET, SALT);
  });

  it.each([
    ['the copied token', SECRET, 'cleared', ''],
    ['something copied since', 'a shopping list', 'changed', 'a shopping list'],
    ['the token with a space added', `${SECRET} `, 'changed', `${SECRET} `],
    ['nothing readable', null, 'unreadable', null],
  ])('should find %s and leave the clipboard as expected', async (_label, initial, outcome, after) => {
    const clipboard = fakeClipboard(initial);
    expect(await clearIfUnchanged({ salt: SALT, digest })).toBe(outcome);
    expect(clipboard.read()).toBe(after);
    // The text read for the comparison does not stay in the document.
    expect(document.body.innerHTML).not.toContain(SECRET);
  });
});
