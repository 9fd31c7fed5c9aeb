/**
 * `fresh`, except that its first call takes what `early` answers (null: no answer for those
 * arguments): a read a page's first script already made (utils/page-head.ts, issue 14).
 */
export function earlyFirst<A extends unknown[], T>(
  early: (...args: A) => Promise<T> | null,
  fresh: (...args: A) => Promise<T>,
): (...args: A) => Promise<T> {
  let taken = false;
  return (...args) => {
    const answer = taken ? null : early(...args);
    taken = true;
    return answer ?? fresh(...args);
  };
}
