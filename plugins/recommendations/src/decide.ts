import type { Contribution, DecideInput, ItemCandidate, Profile } from '@omnikernel/sdk';
import { isAvailable, stockLocation } from './availability.ts';
import { type Candidate, Candidates, addOwn, addPopular, addRelated } from './candidates.ts';
import { halve, readHistory } from './history.ts';
import type { RecommendationsOptions } from './options.ts';
import { reasonsFor } from './reasons.ts';
import { selectTop } from './select-top.ts';
import type { RecommendationsSnapshot } from './snapshot.ts';

type Input = DecideInput<RecommendationsOptions, RecommendationsSnapshot>;

// decide is synchronous: one set of candidate objects serves every decision in turn.
const pool = new Candidates();

/** Category affinity halves every 30 days, as the store projects it. */
const AFFINITY_HALF_LIFE_DAYS = 30;
const EMPTY: RecommendationsSnapshot = { generation: 0, neighbours: {}, trend: {}, popular: { ids: [], scores: [] }, popularByCountry: {}, popularByStore: {}, popularByCategory: {} };

/**
 * Blends four kinds of evidence into one ranked list: the customer's own purchases
 * (recency-weighted, per `repeatPurchases`), neighbours of everything they bought, viewed,
 * put in a cart or discussed, their category affinity, and local then global popularity.
 * Reads only the profile and the snapshot; sorts nothing larger than the answer.
 */
export function decideRecommendations(input: Input): Contribution {
  const { profile, context, catalog, options, maxRecommendations, signal } = input;
  if (signal.aborted || maxRecommendations <= 0) return {};
  const snapshot = input.snapshot?.data ?? EMPTY;
  const now = input.clock.now();
  const history = readHistory(profile, context, now, options);
  const candidates = pool.begin();
  addOwn(candidates, history, snapshot.trend, options);
  addRelated(candidates, selectTop(history.values(), options.maxSeeds, (s) => s.seedWeight, (s) => s.productId), snapshot, options.neighboursPerSeed);

  const where = stockLocation(context, profile);
  const storeId = where ?? profile.lastStoreId ?? undefined;
  const affinity = categoryWeights(profile, now);
  const w = options.blend.popularity;
  if (storeId) addPopular(candidates, snapshot.popularByStore[storeId], w, { kind: 'store', storeId });
  if (profile.country) addPopular(candidates, snapshot.popularByCountry[profile.country], w, { kind: 'country', country: profile.country });
  for (const [category, share] of affinity.top) addPopular(candidates, snapshot.popularByCategory[category], w * share, { kind: 'category', category });
  addPopular(candidates, snapshot.popular, w / 2, { kind: 'global' });

  const owned = (productId: string) => (history.get(productId)?.count ?? 0) > 0;
  const best = pickBest(candidates, maxRecommendations, input, where, affinity.share, owned);
  const top = best[0]?.total ?? 0;
  if (top <= 0) return {};
  const topCategory = affinity.top[0]?.[0];
  const categoryShare = affinity.share.get(topCategory ?? '') ?? 0;
  return {
    items: best.map((c): ItemCandidate => ({
      productId: c.productId,
      score: Math.round((c.total / top) * 1e4) / 1e4,
      reasons: reasonsFor(c, catalog, topCategory, categoryShare),
      repeat: owned(c.productId),
    })),
  };
}

/**
 * The best `n` candidates that may be shown, by their blended total: never the product on
 * screen or what is in the cart already, never a product that cannot be sold here, never an
 * own product in `exclude` mode. A candidate whose upper bound (the strongest category boost)
 * cannot beat the current n-th is skipped before its catalog lookup: most of them, since own
 * products and strong neighbours come first.
 */
function pickBest(candidates: Candidates, n: number, input: Input, where: string | undefined, share: ReadonlyMap<string, number>, owned: (id: string) => boolean): Candidate[] {
  const { profile, context, catalog, options } = input;
  const skip = new Set<string>();
  if (context.productId) skip.add(context.productId);
  for (const item of profile.cart?.items ?? []) skip.add(item.productId);
  const excludeOwn = options.repeatPurchases === 'exclude';
  const categoryWeight = options.blend.categoryAffinity;
  const best: Candidate[] = [];
  for (const c of candidates.values()) {
    const floor = best.length === n ? best[n - 1]! : undefined;
    if (floor && c.repeat + (c.related + c.popular) * (1 + categoryWeight) < floor.total) continue;
    if (skip.has(c.productId) || (excludeOwn && owned(c.productId))) continue;
    const product = catalog.product(c.productId);
    if (product === undefined || (options.excludeOutOfStock && !isAvailable(product, where))) continue;
    c.total = c.repeat + (c.related + c.popular) * (1 + categoryWeight * (share.get(product.category) ?? 0));
    if (floor && !beats(c, floor)) continue;
    insert(best, c, n);
  }
  return best;
}

/** Higher total first; ties by product id, so the order never depends on the Map's. */
function beats(a: Candidate, b: Candidate): boolean {
  return a.total > b.total || (a.total === b.total && a.productId < b.productId);
}

function insert(best: Candidate[], c: Candidate, n: number): void {
  let i = Math.min(best.length, n - 1);
  while (i > 0 && beats(c, best[i - 1]!)) {
    best[i] = best[i - 1]!;
    i--;
  }
  best[i] = c;
}

interface CategoryWeights {
  /** Category → affinity as a share of the strongest, in [0, 1]. */
  readonly share: Map<string, number>;
  /** The three strongest categories, strongest first. */
  readonly top: readonly [string, number][];
}

function categoryWeights(profile: Profile, now: number): CategoryWeights {
  const share = new Map<string, number>();
  let max = 0;
  for (const [category, a] of Object.entries(profile.categoryAffinity)) {
    const score = a.score * halve(now - Date.parse(a.at), AFFINITY_HALF_LIFE_DAYS);
    share.set(category, score);
    if (score > max) max = score;
  }
  if (max <= 0) return { share: new Map(), top: [] };
  for (const [category, score] of share) share.set(category, score / max);
  return { share, top: selectTop(share.entries(), 3, (e) => e[1], (e) => e[0]) };
}
