import type { Affinity } from '@omnikernel/sdk';
import { AFFINITY_HALF_LIFE_MS } from './limits.ts';
import { ms } from './time.ts';

type AffinityMap = Readonly<Record<string, Affinity>>;

/** `score` decayed over `elapsedMs` with the 30-day half-life. */
export function decay(score: number, elapsedMs: number): number {
  return score * 0.5 ** (elapsedMs / AFFINITY_HALF_LIFE_MS);
}

/** An affinity's score as of `at` (never inflated for instants before its own time). */
export function affinityAt(affinity: Affinity, at: string): number {
  return decay(affinity.score, Math.max(0, ms(at) - ms(affinity.at)));
}

/**
 * Add `weight` at `at` to a category. The score is kept as of the latest contribution, so the
 * result does not depend on arrival order: Σ weightᵢ · ½^((T − tᵢ)/half-life), T = latest tᵢ.
 */
export function addAffinity(map: AffinityMap, category: string, weight: number, at: string): Record<string, Affinity> {
  const current = map[category];
  return { ...map, [category]: current === undefined ? { score: round(weight), at } : combine(current, { score: weight, at }) };
}

/** Two affinities of one category as one, as of the later of their times. */
export function combine(a: Affinity, b: Affinity): Affinity {
  const [older, newer] = ms(a.at) <= ms(b.at) ? [a, b] : [b, a];
  return { score: round(newer.score + decay(older.score, ms(newer.at) - ms(older.at))), at: newer.at };
}

/** Category maps merged category by category. */
export function mergeAffinity(a: AffinityMap, b: AffinityMap): Record<string, Affinity> {
  const out: Record<string, Affinity> = { ...a };
  for (const [category, affinity] of Object.entries(b)) {
    const mine = out[category];
    out[category] = mine === undefined ? affinity : combine(mine, affinity);
  }
  return out;
}

// Six decimals keep the JSON short and the arithmetic reproducible across merges.
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
