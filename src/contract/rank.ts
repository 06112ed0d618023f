/** A sort key: higher first. Dates are ISO strings of one form, so they compare as strings. */
export type RankKey<T> = (item: T) => number | string;

/**
 * The comparison every list order is made of (articles' and stories'): by each key in turn,
 * higher first, then by `id`, lower first, so the order is total and deterministic.
 */
export function rankBy<T>(id: (item: T) => string, ...keys: RankKey<T>[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      if (x !== y) return x > y ? -1 : 1;
    }
    const i = id(a);
    const j = id(b);
    return i < j ? -1 : i > j ? 1 : 0;
  };
}
