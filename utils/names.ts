export const MAX_NAME_LENGTH = 200;

export type NameCheck = { ok: true; name: string; duplicate: boolean } | { ok: false; message: string };

/**
 * Our rule for token names, stricter than the service's ("a non-empty string", which accepts "  "):
 * trimmed, required, at most 200 characters (counted as a person counts them, so an emoji is one),
 * any Unicode. A name already in use is allowed, with a warning.
 */
export function checkName(input: string, existingNames: readonly string[]): NameCheck {
  const name = input.trim();
  if (name === '')
    return { ok: false, message: 'Give the token a name, for example the app that will use it.' };
  const length = [...name].length;
  if (length > MAX_NAME_LENGTH) {
    return {
      ok: false,
      message: `Names can be at most ${MAX_NAME_LENGTH} characters; this one has ${length}.`,
    };
  }
  const key = name.toLocaleLowerCase();
  const duplicate = existingNames.some((other) => other.trim().toLocaleLowerCase() === key);
  return { ok: true, name, duplicate };
}
