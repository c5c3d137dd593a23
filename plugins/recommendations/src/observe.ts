import type { Observation, ObserveContext, Profile } from '@omnikernel/sdk';
import { itemIds } from './basket.ts';
import { learnPurchase } from './learn-purchase.ts';
import type { RecommendationsOptions } from './options.ts';
import { addPairs, weights } from './pairs.ts';
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
  if (observation.kind !== 'event') return;
  const { event, profile } = observation;
  let changed = false;
  if (event.type === 'purchase') changed = await learnPurchase(event, profile, ctx);
  else if (event.type === 'product_viewed') changed = await learnView(event.properties.productId, profile, ctx);
  else if (event.type === 'call' || event.type === 'chat') changed = await learnConversation(itemIds(event.properties.productIds), profile, ctx);
  if (changed) await ctx.state.incr(keys.observed);
}

async function learnView(productId: unknown, profile: Profile, { state, options }: Ctx): Promise<boolean> {
  if (typeof productId !== 'string' || productId === '') return false;
  const { viewWeight, viewWindow } = options.learning;
  const others = recentViews(profile, viewWindow, productId);
  await addPairs(state, [productId], others, viewWeight);
  await addPairs(state, others, [productId], viewWeight);
  await state.hincr(keys.occurrences, productId, viewWeight);
  return true;
}

async function learnConversation(productIds: string[], profile: Profile, { state, options }: Ctx): Promise<boolean> {
  const discussed = [...new Set(productIds)];
  if (discussed.length === 0) return false;
  const w = options.learning.conversationWeight;
  const viewed = recentViews(profile, 3, ...discussed);
  await addPairs(state, discussed, [...discussed, ...viewed], w);
  await addPairs(state, viewed, discussed, w);
  await state.hincrMany(keys.occurrences, weights(discussed, w));
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
