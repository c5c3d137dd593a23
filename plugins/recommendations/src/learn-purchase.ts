import type { CustomerEvent, Profile } from '@omnikernel/sdk';
import { basketOf } from './basket.ts';
import type { Ctx } from './observe.ts';
import { addPairs, weights } from './pairs.ts';
import { countBuyers, weekOf } from './popularity.ts';
import { keys, scopes } from './state-keys.ts';

/**
 * A purchase teaches two things. Its products co-occur pairwise (and, if `crossBasketWeight`,
 * the customer's earlier products point at them: what one buys next). And each product gains
 * a buyer this week, overall, in the customer's country and in the store, unless the customer
 * already bought it earlier that week (a wholesaler's daily orders count once a week).
 */
export async function learnPurchase(event: CustomerEvent, profile: Profile, { state, options }: Ctx): Promise<boolean> {
  const basket = basketOf(event, profile);
  if (!basket) return false;
  const { basketWeight, crossBasketWeight, maxBasketItems } = options.learning;
  const paired = basket.productIds.slice(0, maxBasketItems);
  await addPairs(state, paired, paired, basketWeight);
  await state.hincrMany(keys.occurrences, weights(basket.productIds, basketWeight));

  const week = weekOf(event.occurredAt);
  const earlier = new Set<string>();
  const thisWeek = new Set<string>();
  for (const purchase of profile.purchases) {
    if (purchase.orderId === basket.orderId) continue;
    const sameWeek = weekOf(purchase.at) === week; // once per order, not per line
    for (const item of purchase.items) {
      earlier.add(item.productId);
      if (sameWeek) thisWeek.add(item.productId);
    }
  }
  if (crossBasketWeight > 0) {
    const inBasket = new Set(basket.productIds);
    const before = [...earlier].filter((id) => !inBasket.has(id)).slice(0, maxBasketItems);
    await addPairs(state, before, paired, crossBasketWeight);
  }
  const buyers = basket.productIds.filter((id) => !thisWeek.has(id));
  const where = [scopes.all, ...(profile.country ? [scopes.country(profile.country)] : []), ...(basket.storeId ? [scopes.store(basket.storeId)] : [])];
  if (buyers.length > 0) await countBuyers(state, buyers, week, where, options);
  return true;
}
