/** Room left for the old name in "<old name> (rotated YYYY-MM-DD)" under the 200-character cap. */
const NAME_ROOM = 200 - ' (rotated 2026-11-22)'.length;

/**
 * The suggested name of a rotated token: "<old name> (rotated 2026-11-22)". The date is ISO (UTC),
 * the same whatever the reader's locale, so names sort and compare; a long old name is cut.
 */
export function rotatedName(oldName: string, now: number): string {
  const base = oldName.replace(/ \(rotated \d{4}-\d{2}-\d{2}\)$/, '');
  const chars = Array.from(base);
  const kept = chars.length > NAME_ROOM ? `${chars.slice(0, NAME_ROOM - 1).join('')}…` : base;
  return `${kept} (rotated ${new Date(now).toISOString().slice(0, 10)})`;
}
