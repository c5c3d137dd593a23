import type { PluginStateReader } from '@omnikernel/sdk';
import { OBSERVED_KEY, type OfferStats, STATS_PREFIX } from './stats.ts';

/** The outcome counts `decide` samples propensities from. Plain JSON. */
export interface NextBestOfferSnapshot {
  /** Outcomes observed when it was built. */
  readonly generation: number;
  readonly offers: Readonly<Record<string, OfferStats>>;
}

/** Reads every offer's counters into one immutable object (sorted, so two builds are identical). */
export async function buildSnapshot({ state }: { state: PluginStateReader }): Promise<NextBestOfferSnapshot> {
  const offers: Record<string, OfferStats> = {};
  for (const key of [...(await state.keys(STATS_PREFIX))].sort()) {
    const all: Record<string, number> = {};
    const segments: Record<string, Record<string, number>> = {};
    for (const [field, count] of Object.entries(await state.hgetall(key)).sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (!field.startsWith('seg|')) {
        all[field] = count;
        continue;
      }
      const cut = field.lastIndexOf('|');
      const segment = field.slice(4, cut);
      (segments[segment] ??= {})[field.slice(cut + 1)] = count;
    }
    offers[key.slice(STATS_PREFIX.length)] = { all, segments };
  }
  return { generation: Number((await state.get(OBSERVED_KEY)) ?? 0), offers };
}
