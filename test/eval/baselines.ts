import type { Split } from './protocol.ts';

/** The reference recommenders of `eval_baselines.py`, over the training data of a split. */
export interface Baselines {
  /** The K most popular products (by distinct training customers; ties by stock code). */
  pop(): readonly string[];
  /** The customer's own products by number of baskets (ties by popularity), padded with POP. */
  repeat(customerId: string): readonly string[];
  /** POP skipping the customer's own products (the novel-items baseline). */
  popUnseen(customerId: string): readonly string[];
}

export function createBaselines(split: Split, k: number): Baselines {
  const buyers = new Map<string, number>();
  for (const baskets of split.history.values()) {
    for (const id of new Set(baskets.flatMap((b) => [...b.products]))) buyers.set(id, (buyers.get(id) ?? 0) + 1);
  }
  const ranked = [...buyers.keys()].sort((a, b) => buyers.get(b)! - buyers.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const rank = new Map(ranked.map((id, i) => [id, i]));
  const top = ranked.slice(0, k);
  const owned = (customerId: string) => new Set((split.history.get(customerId) ?? []).flatMap((b) => [...b.products]));
  return {
    pop: () => top,
    repeat(customerId) {
      const counts = new Map<string, number>();
      for (const basket of split.history.get(customerId) ?? []) for (const id of basket.products) counts.set(id, (counts.get(id) ?? 0) + 1);
      const own = [...counts.keys()]
        .sort((a, b) => counts.get(b)! - counts.get(a)! || (rank.get(a) ?? 1e9) - (rank.get(b) ?? 1e9) || (a < b ? -1 : a > b ? 1 : 0))
        .slice(0, k);
      return [...own, ...top.filter((id) => !own.includes(id))].slice(0, k);
    },
    popUnseen(customerId) {
      const mine = owned(customerId);
      const out: string[] = [];
      for (const id of ranked) {
        if (out.length === k) break;
        if (!mine.has(id)) out.push(id);
      }
      return out;
    },
  };
}
