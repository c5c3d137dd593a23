import type { DecisionContext, Product, Profile } from '@omnikernel/sdk';

/**
 * The store whose shelves matter for this decision: the one the request comes from, or on the
 * store channel without one, the customer's last store. `undefined` means online stock.
 */
export function stockLocation(context: DecisionContext, profile: Profile): string | undefined {
  if (context.storeId) return context.storeId;
  if (context.channel === 'store' && profile.lastStoreId) return profile.lastStoreId;
  return undefined;
}

/**
 * Whether a product can be sold where the customer is: a store's units when a store is in
 * question, online units otherwise. A product without those figures is not stock-tracked
 * there and counts as available.
 */
export function isAvailable(product: Product, storeId: string | undefined): boolean {
  const stock = product.stock;
  if (!stock) return true;
  if (storeId !== undefined) {
    if (!stock.stores) return true;
    return (stock.stores[storeId] ?? 0) > 0;
  }
  return stock.online === undefined || stock.online > 0;
}
