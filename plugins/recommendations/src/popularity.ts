import type { PluginStateReader, PluginStateWriter } from '@omnikernel/sdk';
import type { RecommendationsOptions } from './options.ts';
import type { StateWrites } from './pairs.ts';
import { keys } from './state-keys.ts';

const WEEK_MS = 7 * 86_400_000;
const READ_ALL = 1_000_000;

/** Whole weeks since the Unix epoch: the popularity bucket an instant falls in. */
export function weekOf(iso: string): number {
  return Math.floor(Date.parse(iso) / WEEK_MS);
}

/**
 * `iso => Math.sign(weekOf(iso) - week)`: negative for an instant of an earlier week, 0 in `week`,
 * positive after. Cheap for text in `toISOString()` form (the store's): such text sorts in time
 * order, so it is two comparisons with the week's bounds instead of a `Date.parse` (a purchase
 * reads the week of the customer's earlier orders).
 */
export function sideOfWeek(week: number): (iso: string) => number {
  const from = new Date(week * WEEK_MS).toISOString();
  const to = new Date((week + 1) * WEEK_MS).toISOString();
  const parsed = (iso: string) => Math.sign(weekOf(iso) - week);
  if (from.length !== 24 || to.length !== 24) return parsed;
  return (iso) => (iso.length === 24 && iso.charCodeAt(23) === 90 && iso.charCodeAt(10) === 84 ? (iso < from ? -1 : iso < to ? 0 : 1) : parsed(iso));
}

/** The newest week seen, as a run of observations knows it (read once, then kept up to date). */
export interface WeekClock {
  newest: number | undefined;
}

/**
 * Counts buyers of `productIds` in `week`, in every scope. Buckets older than the window are
 * deleted when a new week starts, and late events for them are ignored, so state stays bounded.
 * The increments join `writes`; a new week first sends what was gathered, then moves the week
 * and deletes the old buckets, as observing one event after the other would.
 */
export async function countBuyers(state: PluginStateWriter, writes: StateWrites, clock: WeekClock, productIds: readonly string[], week: number, scopeList: readonly string[], options: RecommendationsOptions): Promise<void> {
  clock.newest ??= Number((await state.get(keys.newestWeek)) ?? Number.NEGATIVE_INFINITY);
  const newest = clock.newest;
  if (week <= newest - options.popularityWeeks) return;
  if (week > newest) {
    await writes.flush(state);
    clock.newest = week;
    await state.set(keys.newestWeek, String(week));
    for (const key of await state.keys(keys.popularityPrefix)) {
      if (weekOfKey(key) <= week - options.popularityWeeks) await state.del(key);
    }
  }
  for (const scope of scopeList) {
    const key = keys.popularity(week, scope);
    for (const productId of productIds) writes.zcount(key, productId);
  }
}

/**
 * Popularity per scope, each product's weekly buyers summed with a weight that halves every
 * `popularityHalfLifeDays` back from the newest week: what sells now counts most.
 */
/** `pause`: a break between buckets for a caller that builds in time slices (snapshot.ts). */
export async function readPopularity(state: PluginStateReader, options: RecommendationsOptions, pause: () => Promise<void> | undefined = () => undefined): Promise<Map<string, Map<string, number>>> {
  const buckets = (await state.keys(keys.popularityPrefix)).map((key) => ({ key, week: weekOfKey(key) })).filter((b) => Number.isFinite(b.week));
  const newest = Math.max(...buckets.map((b) => b.week));
  const out = new Map<string, Map<string, number>>();
  for (const { key, week } of buckets) {
    if (week <= newest - options.popularityWeeks) continue;
    const weight = 0.5 ** (((newest - week) * 7) / options.popularityHalfLifeDays);
    const scope = key.slice(key.indexOf(':', keys.popularityPrefix.length) + 1);
    let scores = out.get(scope);
    if (scores === undefined) out.set(scope, (scores = new Map()));
    for (const { member, score } of await state.ztop(key, READ_ALL)) scores.set(member, (scores.get(member) ?? 0) + weight * score);
    await pause();
  }
  return out;
}

function weekOfKey(key: string): number {
  const rest = key.slice(keys.popularityPrefix.length);
  return Number(rest.slice(0, rest.indexOf(':')));
}
