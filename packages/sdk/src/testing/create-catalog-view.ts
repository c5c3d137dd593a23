import { deepFreeze } from '../runtime/deep-freeze.ts';
import type { CatalogView, Offer, Product, Store } from '../types/catalog.ts';

/** What `createCatalogView` is built from. */
export interface CatalogData {
  readonly products?: readonly Product[];
  readonly stores?: readonly Store[];
  readonly offers?: readonly Offer[];
  /** Defaults to 1. */
  readonly version?: number;
}

/**
 * A simple in-memory `CatalogView` for tests and offline evaluations. The data is deep-frozen
 * (the lists it hands out too), so a plugin that sorts a catalog list in place fails loudly.
 * A later entry with the same id replaces an earlier one.
 *
 * @example
 * const catalog = createCatalogView({
 *   products: [{ id: 'p-1', name: 'Kettle', category: 'kitchen', price: 39, currency: 'EUR' }],
 *   version: 3,
 * });
 * catalog.productsInCategory('kitchen'); // [the kettle]
 */
export function createCatalogView(data: CatalogData): CatalogView {
  const products = byId(data.products ?? []);
  const stores = byId(data.stores ?? []);
  const offers = byId(data.offers ?? []);
  const byCategory = new Map<string, Product[]>();
  for (const product of products.values()) {
    const list = byCategory.get(product.category) ?? [];
    list.push(product);
    byCategory.set(product.category, list);
  }
  for (const list of byCategory.values()) deepFreeze(list);
  const productList = deepFreeze([...products.values()]);
  const storeList = deepFreeze([...stores.values()]);
  const offerList = deepFreeze([...offers.values()]);
  const none: readonly Product[] = Object.freeze([]);

  return Object.freeze({
    version: data.version ?? 1,
    product: (id: string) => products.get(id),
    products: () => productList,
    productsInCategory: (category: string) => byCategory.get(category) ?? none,
    store: (id: string) => stores.get(id),
    stores: () => storeList,
    offer: (id: string) => offers.get(id),
    offers: () => offerList,
  });
}

function byId<T extends { readonly id: string }>(list: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const entry of list) map.set(entry.id, deepFreeze(structuredClone(entry)));
  return map;
}
