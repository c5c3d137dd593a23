import type { DecisionContext, Profile } from '@omnikernel/sdk';
import type { RecommendationsOptions } from './options.ts';

const DAY_MS = 86_400_000;

/** What made a product a seed for "goes with": the strongest single interaction. */
export type SeedKind = 'purchase' | 'view' | 'cart' | 'abandoned-cart' | 'call' | 'chat' | 'context';

/** Everything the customer did with one product, folded into one record (one allocation per product, one shape). */
export interface Interaction {
  readonly productId: string;
  /** Orders that contain it (of the newest 50 the profile keeps); 0 when never bought. */
  count: number;
  /** Σ ½^(age / repeatHalfLifeDays) over those orders. */
  repeatScore: number;
  /** The newest of those orders, and its store when it was bought offline. */
  lastAt: string;
  lastMs: number;
  storeId: string | undefined;
  /** Weight as a seed: Σ blend weight × ½^(age / seedHalfLifeDays) over every interaction. */
  seedWeight: number;
  kind: SeedKind;
  /** The strongest single contribution to `seedWeight` (it decides `kind`). */
  strongest: number;
  lastOrder: string;
}

/** ½^(age / half-life) for an age in milliseconds (1 for the future). */
export function halve(ageMs: number, halfLifeDays: number): number {
  return ageMs <= 0 ? 1 : 0.5 ** (ageMs / (halfLifeDays * DAY_MS));
}

/**
 * One pass over the profile: per product, its purchases (recency-weighted count, for repeats)
 * and its weight as a seed from purchases, views, carts, calls, chats and the product on
 * screen (the cart and the screen do not fade: they are now).
 */
export function readHistory(profile: Profile, context: DecisionContext, now: number, options: RecommendationsOptions): Map<string, Interaction> {
  const { blend, seedHalfLifeDays: h, repeatHalfLifeDays } = options;
  const all = new Map<string, Interaction>();
  const touch = (productId: string, at: string, ms: number): Interaction => {
    let entry = all.get(productId);
    if (entry === undefined) {
      entry = { productId, count: 0, repeatScore: 0, lastAt: at, lastMs: ms, storeId: undefined, seedWeight: 0, kind: 'purchase', strongest: 0, lastOrder: '' };
      all.set(productId, entry);
    }
    return entry;
  };
  const seed = (entry: Interaction, weight: number, kind: SeedKind) => {
    entry.seedWeight += weight;
    if (weight > entry.strongest) {
      entry.strongest = weight;
      entry.kind = kind;
    }
  };
  for (const purchase of profile.purchases) {
    const ms = Date.parse(purchase.at);
    const repeat = halve(now - ms, repeatHalfLifeDays);
    const weight = blend.purchaseSeed * halve(now - ms, h);
    const storeId = purchase.online ? undefined : purchase.storeId;
    for (const { productId } of purchase.items) {
      const entry = touch(productId, purchase.at, ms);
      if (entry.lastOrder === purchase.orderId) continue; // the same product on two lines of one order
      entry.lastOrder = purchase.orderId;
      entry.count += 1;
      entry.repeatScore += repeat;
      if (entry.count === 1 || ms > entry.lastMs) {
        entry.lastAt = purchase.at;
        entry.lastMs = ms;
        entry.storeId = storeId;
      }
      seed(entry, weight, 'purchase');
    }
  }
  const other = (productId: string, at: string, weight: number, kind: SeedKind) => {
    if (weight > 0) seed(touch(productId, at, Date.parse(at)), weight, kind);
  };
  for (const view of profile.recentlyViewed) other(view.productId, view.at, blend.viewSeed * halve(now - Date.parse(view.at), h), 'view');
  const cart = profile.cart;
  if (cart) for (const item of cart.items) other(item.productId, cart.updatedAt, blend.cartSeed, 'cart');
  const abandoned = profile.abandonedCart;
  if (abandoned) {
    const weight = blend.cartSeed * halve(now - Date.parse(abandoned.abandonedAt), h);
    for (const item of abandoned.items) other(item.productId, abandoned.abandonedAt, weight, 'abandoned-cart');
  }
  for (const talk of profile.conversations) {
    const weight = blend.conversationSeed * halve(now - Date.parse(talk.at), h);
    for (const productId of talk.productIds) other(productId, talk.at, weight, talk.type);
  }
  if (context.productId) other(context.productId, new Date(now).toISOString(), blend.contextSeed, 'context');
  return all;
}
