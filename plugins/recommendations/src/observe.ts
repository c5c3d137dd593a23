import type { Observation, ObserveContext, Profile } from '@omnikernel/sdk';
import { itemIds } from './basket.ts';
import { learnPurchase } from './learn-purchase.ts';
import type { RecommendationsOptions } from './options.ts';
import { addPairs, addWeights, StateWrites } from './pairs.ts';
import type { WeekClock } from './popularity.ts';
import { keys } from './state-keys.ts';

/** What `observe` gets besides the observation. */
export type Ctx = ObserveContext<RecommendationsOptions>;

/**
 * Learns from every channel, off the decision path: products bought in one basket co-occur
 * (and with the customer's earlier purchases, more weakly), a viewed product co-occurs with
 * the customer's other recent views, products discussed in a call or chat co-occur with each
 * other and with recent views. Purchases also count each week's buyers per product, overall,
 * per country and per store. Outcomes teach nothing here.
 */
export async function observeRecommendations(observation: Observation, ctx: Ctx): Promise<void> {
  await observeRecommendationsBatch([observation], ctx);
}

/**
 * `observeRecommendations` over a run of observations, in order, with their increments sent
 * together (see `StateWrites`: the same state, bit for bit, as observing them one by one).
 * Returns how many taught something.
 */
export async function observeRecommendationsBatch(observations: readonly Observation[], { state, options }: Ctx): Promise<number> {
  const writes = new StateWrites();
  const clock: WeekClock = { newest: undefined };
  let taught = 0;
  for (const observation of observations) {
    if (observation.kind !== 'event') continue;
    const { event, profile } = observation;
    let changed = false;
    if (event.type === 'purchase') changed = await learnPurchase(event, profile, state, writes, clock, options);
    else if (event.type === 'product_viewed') changed = learnView(event.properties.productId, profile, writes, options);
    else if (event.type === 'call' || event.type === 'chat') changed = learnConversation(itemIds(event.properties.productIds), profile, writes, options);
    if (changed) {
      writes.observed();
      taught++;
    }
  }
  await writes.flush(state);
  return taught;
}

function learnView(productId: unknown, profile: Profile, writes: StateWrites, options: RecommendationsOptions): boolean {
  if (typeof productId !== 'string' || productId === '') return false;
  const { viewWeight, viewWindow } = options.learning;
  const others = recentViews(profile, viewWindow, productId);
  addPairs(writes, [productId], others, viewWeight);
  addPairs(writes, others, [productId], viewWeight);
  writes.hincr(keys.occurrences, productId, viewWeight);
  return true;
}

function learnConversation(productIds: string[], profile: Profile, writes: StateWrites, options: RecommendationsOptions): boolean {
  const discussed = [...new Set(productIds)];
  if (discussed.length === 0) return false;
  const w = options.learning.conversationWeight;
  const viewed = recentViews(profile, 3, ...discussed);
  addPairs(writes, discussed, [...discussed, ...viewed], w);
  addPairs(writes, viewed, discussed, w);
  addWeights(writes, keys.occurrences, discussed, w);
  return true;
}

/** The newest `limit` distinct viewed products, leaving out `except`. */
function recentViews(profile: Profile, limit: number, ...except: string[]): string[] {
  const out: string[] = [];
  for (const view of profile.recentlyViewed) {
    if (out.length >= limit) break;
    if (!except.includes(view.productId) && !out.includes(view.productId)) out.push(view.productId);
  }
  return out;
}
