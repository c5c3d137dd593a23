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
 * Add `weight` at `at` (`atMs` parsed) to a category, in a map the caller owns (a draft's copy).
 * The score is kept as of the latest contribution, so the result does not depend on arrival
 * order: Σ weightᵢ · ½^((T − tᵢ)/half-life), T = latest tᵢ.
 */
export function addAffinityInto(map: Record<string, Affinity>, category: string, weight: number, at: string, atMs: number): void {
  const current = map[category];
  map[category] = current === undefined ? { score: round(weight), at } : combineParsed(current, ms(current.at), { score: weight, at }, atMs);
}

/** Two affinities of one category as one, as of the later of their times. */
export function combine(a: Affinity, b: Affinity): Affinity {
  return combineParsed(a, ms(a.at), b, ms(b.at));
}

function combineParsed(a: Affinity, ta: number, b: Affinity, tb: number): Affinity {
  return ta <= tb ? { score: round(b.score + decay(a.score, tb - ta)), at: b.at } : { score: round(a.score + decay(b.score, ta - tb)), at: a.at };
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
