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
  /** The decision it was last set up for (see Candidates). */
  round: number;
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

/** Products kept between decisions at most; past it the pool starts afresh. */
const POOL_LIMIT = 50_000;

/**
 * The candidates of one decision, by product id, in the order first met. A decision meets a few
 * hundred (neighbours of each seed, five popularity lists), so the objects and the map are kept
 * for the next decision instead of made anew: a candidate from an earlier round is set up again
 * when first met in this one. `decide` is synchronous, so one set serves every decision; nothing
 * of it outlives the decision that filled it.
 */
export class Candidates {
  readonly #byId = new Map<string, Candidate>();
  readonly #met: Candidate[] = [];
  #round = 0;

  /** Starts a decision: no candidate is met yet. */
  begin(): this {
    this.#round += 1;
    this.#met.length = 0;
    if (this.#byId.size > POOL_LIMIT) this.#byId.clear();
    return this;
  }

  /** The candidate for a product, set up fresh the first time this decision meets it. */
  get(productId: string): Candidate {
    let c = this.#byId.get(productId);
    // Every field set up front: one hidden class for all candidates keeps property access fast.
    if (c === undefined) this.#byId.set(productId, (c = { productId, round: 0, repeat: 0, related: 0, popular: 0, total: 0, seed: undefined, seedShare: 0, popularSource: undefined, own: undefined }));
    if (c.round !== this.#round) {
      c.round = this.#round;
      c.repeat = 0;
      c.related = 0;
      c.popular = 0;
      c.total = 0;
      c.seed = undefined;
      c.seedShare = 0;
      c.popularSource = undefined;
      c.own = undefined;
      this.#met.push(c);
    }
    return c;
  }

  /** This decision's candidates, in the order first met. */
  values(): readonly Candidate[] {
    return this.#met;
  }
}

function candidate(all: Candidates, productId: string): Candidate {
  return all.get(productId);
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
