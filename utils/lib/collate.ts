// How token names are ordered, the same in the background (which keeps each list in this order)
// and in the pages (which sort what they show): case- and accent-insensitive, numbers by value,
// ties by id so the order is total.

interface Named {
  id: string;
  name: string;
}

let collator: Intl.Collator | undefined;

/** Token ids are decimal strings: a shorter one is a smaller number. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export function compareNames(a: Named, b: Named): number {
  collator ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  return collator.compare(a.name, b.name) || compareIds(a.id, b.id);
}
