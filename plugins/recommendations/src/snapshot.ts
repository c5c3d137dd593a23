import { timeSlices, type CatalogView, type PluginStateReader } from '@omnikernel/sdk';
import type { RecommendationsOptions } from './options.ts';
import { readPopularity } from './popularity.ts';
import { keys } from './state-keys.ts';

/** Products best first, with scores (popularity lists: scaled so the first is 1). Parallel arrays keep it compact. */
export interface RankedList {
  readonly ids: readonly string[];
  readonly scores: readonly number[];
}

/** What `decide` reads: everything precomputed, nothing to sort per request. Plain JSON. */
export interface RecommendationsSnapshot {
  /** How many observations had changed the state when it was built. */
  readonly generation: number;
  /** Per product, its top-K neighbours by similarity (comparable across products). */
  readonly neighbours: Readonly<Record<string, RankedList>>;
  /** Recent popularity of every product sold lately, in (0, 1] (the best seller is 1). */
  readonly trend: Readonly<Record<string, number>>;
  readonly popular: RankedList;
  readonly popularByCountry: Readonly<Record<string, RankedList>>;
  readonly popularByStore: Readonly<Record<string, RankedList>>;
  readonly popularByCategory: Readonly<Record<string, RankedList>>;
}

const TREND_LIMIT = 20_000;
const PER_CATEGORY = 20;

/**
 * Materialises the learned state: for each product its top-K neighbours, where similarity =
 * co(a,b) / (occ(a)^(1-d) · occ(b)^d) with d = `popularityDamping` (0.5 is the cosine), and the
 * recent-popularity lists (overall, per country, per store, per catalog category).
 */
export async function buildSnapshot({ state, catalog, options }: { state: PluginStateReader; catalog: CatalogView; options: RecommendationsOptions }): Promise<RecommendationsSnapshot> {
  const pause = timeSlices();
  const occurrences = await state.hgetall(keys.occurrences);
  const d = options.popularityDamping;
  const neighbours: Record<string, RankedList> = {};
  for (const key of await state.keys(keys.coPrefix)) {
    const productId = key.slice(keys.coPrefix.length);
    const own = Math.max(occurrences[productId] ?? 0, 1e-9) ** (1 - d);
    const scored: [string, number][] = [];
    for (const [other, weight] of Object.entries(await state.hgetall(key))) scored.push([other, weight / (own * Math.max(occurrences[other] ?? 0, 1e-9) ** d)]);
    neighbours[productId] = ranked(top(scored, options.neighbours), false);
    await pause();
  }
  const popularity = await readPopularity(state, options, pause);
  await pause();
  const all = top([...(popularity.get('all') ?? [])], TREND_LIMIT);
  const group = (prefix: string) => {
    const out: Record<string, RankedList> = {};
    for (const [scope, scores] of popularity) if (scope.startsWith(prefix)) out[scope.slice(prefix.length)] = ranked(top([...scores], options.popularListSize), true);
    return sortKeys(out);
  };
  return {
    generation: Number((await state.get(keys.observed)) ?? 0),
    neighbours: sortKeys(neighbours),
    trend: toRecord(ranked(all, true)),
    popular: ranked(all.slice(0, options.popularListSize), true),
    popularByCountry: group('country:'),
    popularByStore: group('store:'),
    popularByCategory: byCategory(all, catalog),
  };
}

function byCategory(entries: readonly [string, number][], catalog: CatalogView): Record<string, RankedList> {
  const groups: Record<string, [string, number][]> = {};
  for (const entry of entries) {
    const category = catalog.product(entry[0])?.category;
    if (category === undefined) continue;
    const list = (groups[category] ??= []);
    if (list.length < PER_CATEGORY) list.push(entry);
  }
  return sortKeys(Object.fromEntries(Object.entries(groups).map(([c, list]) => [c, ranked(list, true)])));
}

/** The best `limit` entries, highest score first, ties by id so every build agrees. */
function top(entries: readonly [string, number][], limit: number): [string, number][] {
  return [...entries].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, limit);
}

function ranked(entries: readonly [string, number][], scaleToFirst: boolean): RankedList {
  const first = entries[0]?.[1] ?? 1;
  const scale = scaleToFirst && first > 0 ? 1 / first : 1;
  return { ids: entries.map((e) => e[0]), scores: entries.map((e) => round(e[1] * scale)) };
}

function toRecord(list: RankedList): Record<string, number> {
  const out: Record<string, number> = {};
  list.ids.forEach((id, i) => {
    if (list.scores[i]! > 0) out[id] = list.scores[i]!;
  });
  return out;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

// Six decimals: stable across Redis and memory number round trips, and compact.
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
