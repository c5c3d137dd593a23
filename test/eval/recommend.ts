import { createFrozenClock, createSeededRandom } from '@omnikernel/sdk';
import type { AnyPlugin, CatalogView, Contribution, ItemCandidate, StateSnapshot } from '@omnikernel/sdk';
import type { EvalStore } from './eval-store.ts';
import { quiet } from './replay.ts';

/** Every evaluated customer's recommendations, and how long `decide` took. */
export interface Recommended {
  readonly lists: ReadonlyMap<string, readonly ItemCandidate[]>;
  /** Milliseconds per decide call, sorted. */
  readonly timings: readonly number[];
}

/** Calls `decide` for each customer as the kernel would: frozen clock at `at`, seeded random, channel web. */
export async function recommend(
  plugin: AnyPlugin,
  customers: Iterable<string>,
  store: EvalStore,
  catalog: CatalogView,
  options: unknown,
  snapshot: StateSnapshot<unknown>,
  at: string,
  k: number,
): Promise<Recommended> {
  const clock = createFrozenClock(at);
  const signal = new AbortController().signal;
  const lists = new Map<string, readonly ItemCandidate[]>();
  const timings: number[] = [];
  for (const customerId of customers) {
    const profile = await store.profile(customerId);
    const input = { profile, catalog, context: { channel: 'web' }, clock, random: createSeededRandom(`${customerId}|${profile.version}`), options, signal, snapshot, maxRecommendations: k, logger: quiet };
    const start = performance.now();
    const result: Contribution = await plugin.decide(input);
    timings.push(performance.now() - start);
    lists.set(customerId, result.items ?? []);
  }
  timings.sort((a, b) => a - b);
  return { lists, timings };
}
