/**
 * Values computed once per pair of keys (a time zone and a time slice, a base URL and a link),
 * kept up to `limit` entries and dropped all at once past it. Two levels of `Map` rather than one
 * keyed by a joined string: a lookup on the decision path builds and hashes no key text.
 *
 * @example
 * const offsets = createPairMemo<string, number, number>(50_000);
 * const offset = offsets.get(zone, slice, offsetOf); // offsetOf(zone, slice) runs once per pair
 */
export interface PairMemo<A, B, V> {
  /** The value for (a, b), computed by `compute(a, b)` the first time (a thrown error is not kept). */
  get(a: A, b: B, compute: (a: A, b: B) => V): V;
}

export function createPairMemo<A, B, V>(limit: number): PairMemo<A, B, V> {
  const outer = new Map<A, Map<B, V>>();
  let kept = 0;
  return {
    get(a, b, compute) {
      let inner = outer.get(a);
      const held = inner?.get(b);
      // One lookup for the common case; `has` only tells a kept undefined from a missing value.
      if (held !== undefined || (inner !== undefined && inner.has(b))) return held as V;
      const value = compute(a, b);
      if (kept >= limit) {
        outer.clear();
        kept = 0;
        inner = undefined;
      }
      if (inner === undefined) outer.set(a, (inner = new Map()));
      inner.set(b, value);
      kept += 1;
      return value;
    },
  };
}
