import { t } from './i18n';
import { fail, ok, type Result } from './result';

/** Writes text to the clipboard from an extension page. The text is never put in the DOM. */
export async function copyText(
  text: string,
  clipboard: Pick<Clipboard, 'writeText'> = navigator.clipboard,
): Promise<Result<void>> {
  try {
    await clipboard.writeText(text);
    return ok(undefined);
  } catch {
    return fail('clipboard', t('errClipboard'));
  }
}
