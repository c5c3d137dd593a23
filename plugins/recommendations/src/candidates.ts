import type { Interaction } from './history.ts';
import type { RecommendationsOptions } from './options.ts';
import type { RankedList, RecommendationsSnapshot } from './snapshot.ts';

/** Where a popularity score came from, for the reason shown. */
export type PopularSource =
  | { readonly kind: 'store'; readonly storeId: string }
  | { readonly kind: 'country'; readonly country: string }
  | { readonly kind: 'category'; readonly category: string }
  | { readonly kind: 'global' };

/** A product being considered, with its evidence kept apart so the reasons can say which counted. */
export interface Candidate {
  readonly productId: string;
  /** The boosted repeat score (0 unless `repeatPurchases` is `boost`). */
  repeat: number;
  /** Σ seed weight × similarity over the seeds it neighbours. */
  related: number;
  popular: number;
  /** The blend of the above with the category boost; set when the candidate is ranked. */
  total: number;
  /** The seed that contributed most to `related`, and how much. */
  seed: Interaction | undefined;
  seedShare: number;
  popularSource: PopularSource | undefined;
  /** Set when the customer bought it before. */
  own: Interaction | undefined;
}

/** Candidates by product id. */
export type Candidates = Map<string, Candidate>;

function candidate(all: Candidates, productId: string): Candidate {
  let c = all.get(productId);
  // Every field set up front: one hidden class for all candidates keeps property access fast.
  if (c === undefined) all.set(productId, (c = { productId, repeat: 0, related: 0, popular: 0, total: 0, seed: undefined, seedShare: 0, popularSource: undefined, own: undefined }));
  return c;
}

/**
 * Own products: in `boost` mode scored by recency-weighted purchase count × (1 + trend × the
 * product's recent popularity), since what sells now is what gets rebought; in `include`
 * mode candidates with no bonus; in `exclude` mode left out.
 */
export function addOwn(all: Candidates, history: ReadonlyMap<string, Interaction>, trend: Readonly<Record<string, number>>, options: RecommendationsOptions): void {
  if (options.repeatPurchases === 'exclude') return;
  const boost = options.repeatPurchases === 'boost' ? options.blend.repeat : 0;
  const w = options.blend.trend;
  for (const entry of history.values()) {
    if (entry.count === 0) continue;
    const c = candidate(all, entry.productId);
    c.own = entry;
    c.repeat = boost * entry.repeatScore * (1 + w * (trend[entry.productId] ?? 0));
  }
}

/** Neighbours of the seeds, each adding seed weight × similarity. */
export function addRelated(all: Candidates, seeds: readonly Interaction[], snapshot: RecommendationsSnapshot, perSeed: number): void {
  for (const seed of seeds) {
    const list = snapshot.neighbours[seed.productId];
    if (list === undefined) continue;
    const n = Math.min(list.ids.length, perSeed);
    for (let i = 0; i < n; i++) {
      const share = seed.seedWeight * list.scores[i]!;
      const c = candidate(all, list.ids[i]!);
      c.related += share;
      if (share > c.seedShare) {
        c.seedShare = share;
        c.seed = seed;
      }
    }
  }
}

/** Popular products of one list, scaled by `weight`; the first list to name a product gives its reason. */
export function addPopular(all: Candidates, list: RankedList | undefined, weight: number, source: PopularSource): void {
  if (list === undefined || weight <= 0) return;
  for (let i = 0; i < list.ids.length; i++) {
    const c = candidate(all, list.ids[i]!);
    c.popular += weight * list.scores[i]!;
    c.popularSource ??= source;
  }
}
