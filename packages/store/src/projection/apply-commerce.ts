import type { LineItem, PurchaseRecord } from '@omnikernel/sdk';
import { addAffinityInto } from './affinity.ts';
import { categoryOf, lineItems, num, str } from './draft.ts';
import type { Change, Draft, Step } from './draft.ts';
import { AFFINITY_WEIGHTS, LIMITS } from './limits.ts';
import { compareTime } from './time.ts';

/**
 * A purchase: offline when made in a store (channel `store` or a `storeId`), online otherwise.
 * The list keeps the newest 50; `lifetimeValue` and `orderCount` cover every purchase. It clears
 * the cart and the abandoned cart that came before it. Always material.
 */
export const applyPurchase: Step = (d, c) => {
  const { event: e, at } = c;
  const p = e.properties;
  const items = lineItems(p) ?? [];
  const storeId = str(p, 'storeId');
  const currency = str(p, 'currency');
  const total = num(p, 'total') ?? cents(items.reduce((sum, i) => sum + i.quantity * i.price, 0));
  const record: PurchaseRecord = {
    orderId: str(p, 'orderId') ?? e.id,
    at,
    channel: e.channel,
    online: !(e.channel === 'store' || storeId !== undefined),
    items,
    total,
    ...(storeId === undefined ? {} : { storeId }),
    ...(currency === undefined ? {} : { currency }),
  };
  d.purchases = c.own.insert(d.purchases, record, LIMITS.purchases);
  d.lifetimeValue = cents(d.lifetimeValue + total);
  d.orderCount += 1;
  if (d.cart !== null && compareTime(d.cart.updatedAt, at) <= 0) d.cart = null;
  if (d.abandonedCart !== null && compareTime(d.abandonedCart.abandonedAt, at) <= 0) d.abandonedCart = null;
  addCategories(d, c, items, AFFINITY_WEIGHTS.purchase);
  return true;
};

/** The cart as last updated (by `occurredAt`); an empty cart clears it. Material when it changes. */
export const applyCart: Step = (d, c) => {
  const { event: e, at } = c;
  const items = lineItems(e.properties) ?? [];
  addCategories(d, c, items, AFFINITY_WEIGHTS.cart);
  if (d.cart !== null && compareTime(d.cart.updatedAt, at) > 0) return false;
  if (purchasedSince(d, at)) return false; // a later purchase already emptied this cart
  d.cart = items.length === 0 ? null : { items, updatedAt: at, channel: e.channel };
  return true;
};

/** An abandoned cart (its items, or the current cart's); a later purchase makes it moot. */
export const applyAbandon: Step = (d, { event: e, at }) => {
  if (d.abandonedCart !== null && compareTime(d.abandonedCart.abandonedAt, at) > 0) return false;
  if (purchasedSince(d, at)) return false;
  const own = lineItems(e.properties);
  const items = own ?? d.cart?.items ?? [];
  const updatedAt = own === undefined && d.cart !== null ? d.cart.updatedAt : at;
  d.abandonedCart = { items, updatedAt, channel: e.channel, abandonedAt: at };
  return true;
};

function purchasedSince(d: Draft, at: string): boolean {
  const last = d.purchases[0];
  return last !== undefined && compareTime(last.at, at) >= 0;
}

/** Adds `weight` once per distinct catalog category among the products. */
export function addCategories(d: Draft, c: Change, items: readonly Pick<LineItem, 'productId'>[], weight: number): void {
  const categories = new Set<string>();
  for (const item of items) {
    const category = categoryOf(c.ctx, item.productId);
    if (category !== undefined) categories.add(category);
  }
  if (categories.size === 0) return;
  const affinity = (d.categoryAffinity = c.own.record(d.categoryAffinity));
  for (const category of categories) addAffinityInto(affinity, category, weight, c.at, c.atMs);
}

/** Money rounded to cents, so sums of prices do not drift (0.1 + 0.2). */
export function cents(x: number): number {
  return Math.round(x * 100) / 100;
}
