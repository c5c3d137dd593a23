import type { CustomerEvent, PluginStateWriter, Profile } from '@omnikernel/sdk';
import { basketOf } from './basket.ts';
import type { RecommendationsOptions } from './options.ts';
import { addPairs, addWeights } from './pairs.ts';
import type { StateWrites } from './pairs.ts';
import { countBuyers, sideOfWeek, weekOf } from './popularity.ts';
import type { WeekClock } from './popularity.ts';
import { keys, scopes } from './state-keys.ts';

/**
 * A purchase teaches two things. Its products co-occur pairwise (and, if `crossBasketWeight`,
 * the customer's earlier products point at them: what one buys next). And each product gains
 * a buyer this week, overall, in the customer's country and in the store, unless the customer
 * already bought it earlier that week (a wholesaler's daily orders count once a week).
 */
export async function learnPurchase(event: CustomerEvent, profile: Profile, state: PluginStateWriter, writes: StateWrites, clock: WeekClock, options: RecommendationsOptions): Promise<boolean> {
  const basket = basketOf(event, profile);
  if (!basket) return false;
  const { basketWeight, crossBasketWeight, maxBasketItems } = options.learning;
  const paired = basket.productIds.slice(0, maxBasketItems);
  addPairs(writes, paired, paired, basketWeight);
  addWeights(writes, keys.occurrences, basket.productIds, basketWeight);

  const week = weekOf(event.occurredAt);
  const side = sideOfWeek(week);
  const crossBasket = crossBasketWeight > 0;
  const inBasket = new Set(basket.productIds);
  const earlier = new Set<string>();
  // The basket's products the customer already bought earlier this week.
  const thisWeek = new Set<string>();
  for (const purchase of profile.purchases) {
    if (purchase.orderId === basket.orderId) continue;
    const relative = side(purchase.at); // once per order, not per line
    // Without cross-basket pairs nothing of another week matters, and orders are newest first:
    // past the first of an earlier week there is none of this week.
    if (!crossBasket && relative !== 0) {
      if (relative < 0) break;
      continue;
    }
    const sameWeek = relative === 0;
    for (const item of purchase.items) {
      if (crossBasket) earlier.add(item.productId);
      if (sameWeek && inBasket.has(item.productId)) thisWeek.add(item.productId);
    }
    // Every product of the basket was bought earlier this week: the older orders change nothing.
    if (!crossBasket && thisWeek.size === inBasket.size) break;
  }
  if (crossBasket) {
    const before = [...earlier].filter((id) => !inBasket.has(id)).slice(0, maxBasketItems);
    addPairs(writes, before, paired, crossBasketWeight);
  }
  const buyers = thisWeek.size === 0 ? basket.productIds : basket.productIds.filter((id) => !thisWeek.has(id));
  const where = [scopes.all, ...(profile.country ? [scopes.country(profile.country)] : []), ...(basket.storeId ? [scopes.store(basket.storeId)] : [])];
  if (buyers.length > 0) await countBuyers(state, writes, clock, buyers, week, where, options);
  return true;
}
