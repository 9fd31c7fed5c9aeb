import { fail, ok, type Result, t } from '../lib';
import { digestOf, newSalt } from './digest';

/** What a page tells the background after a copy: never the text, only its salted digest. */
export interface CopiedMark {
  salt: string;
  digest: string;
}

/**
 * Writes text to the clipboard from an extension page. The text is never put in the DOM. Before
 * the write, `onCopied` hears its salted digest so the background arms the clear
 * (utils/clipboard/guard.ts): a popup that closes right after `writeText` (a click elsewhere)
 * never gets to say anything afterwards. A failure to tell never stops the copy.
 */
export async function copyText(
  text: string,
  clipboard: Pick<Clipboard, 'writeText'> = navigator.clipboard,
  onCopied?: (mark: CopiedMark) => Promise<unknown>,
): Promise<Result<void>> {
  if (onCopied) {
    const salt = newSalt();
    await onCopied({ salt, digest: await digestOf(text, salt) }).catch(() => {});
  }
  try {
    await clipboard.writeText(text);
  } catch {
    return fail('clipboard', t('errClipboard'));
  }
  return ok(undefined);
}
