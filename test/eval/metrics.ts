/** HR@K, Recall@K and catalogue coverage of one recommender over one target set. */
export interface Scores {
  readonly customers: number;
  readonly hr: number;
  readonly recall: number;
  /** Distinct products recommended to anyone / products in the catalog. */
  readonly coverage: number;
}

/**
 * Scores ranked lists against target baskets as `eval_baselines.py` does: a hit when any target
 * product is in the top K; recall = the share of the basket's distinct products in the top K.
 */
export function scoreLists(
  targets: ReadonlyMap<string, ReadonlySet<string>>,
  listFor: (customerId: string) => readonly string[],
  k: number,
  catalogSize: number,
): Scores {
  let hits = 0;
  let recall = 0;
  const recommended = new Set<string>();
  for (const [customerId, target] of targets) {
    const list = listFor(customerId).slice(0, k);
    let found = 0;
    for (const id of list) {
      recommended.add(id);
      if (target.has(id)) found++;
    }
    if (found > 0) hits++;
    recall += found / target.size;
  }
  const n = targets.size;
  return { customers: n, hr: hits / n, recall: recall / n, coverage: recommended.size / catalogSize };
}
