import { t } from '../lib';

export const MAX_NAME_LENGTH = 200;

export type NameCheck = { ok: true; name: string; duplicate: boolean } | { ok: false; message: string };

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Characters as a person counts them: a flag or a family emoji is one. */
export function countCharacters(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

/**
 * Our rule for token names, stricter than the service's ("a non-empty string", which accepts "  "):
 * trimmed, required, at most 200 characters, any Unicode. A name made only of invisible characters
 * (zero-width spaces, direction marks) counts as empty. A name already in use is allowed, with a warning.
 */
export function checkName(input: string, existingNames: readonly string[]): NameCheck {
  const name = input.trim();
  if (isBlank(name)) {
    return { ok: false, message: t('errNameEmpty') };
  }
  const length = countCharacters(name);
  if (length > MAX_NAME_LENGTH) {
    return {
      ok: false,
      message: t('errNameLong', MAX_NAME_LENGTH, length),
    };
  }
  const key = comparable(name);
  const duplicate = existingNames.some((other) => comparable(other) === key);
  return { ok: true, name, duplicate };
}

/** Nothing a person could see: spaces, zero-width characters, direction marks. */
function isBlank(name: string): boolean {
  return name.replace(/[\s\p{Cf}]/gu, '') === '';
}

/**
 * A name as shown: another client of the service may have named a token "  " or only zero-width
 * characters (the service takes any non-empty string), which would leave a row with no name.
 */
export function visibleName(name: string): string {
  return isBlank(name) ? t('unnamedToken') : name;
}

function comparable(name: string): string {
  return name.trim().normalize('NFC').toLocaleLowerCase();
}
