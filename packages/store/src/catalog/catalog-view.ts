import type { CatalogView, Offer, Product, Store } from '@omnikernel/sdk';

/** The catalog's content at one version. */
export interface CatalogData {
  readonly products: ReadonlyMap<string, Product>;
  readonly stores: ReadonlyMap<string, Store>;
  readonly offers: ReadonlyMap<string, Offer>;
}

export const EMPTY_CATALOG: CatalogData = { products: new Map(), stores: new Map(), offers: new Map() };

/**
 * An immutable view of the catalog at `version`. A change builds a new view instead of touching
 * this one, so a decision in flight keeps reading the version it started with.
 *
 * @example
 * const view = createCatalogView({ products: new Map([[p.id, p]]), stores: new Map(), offers: new Map() }, 1);
 * view.productsInCategory('shoes');
 */
export function createCatalogView(data: CatalogData, version: number): CatalogView {
  const byCategory = new Map<string, Product[]>();
  for (const product of data.products.values()) {
    const list = byCategory.get(product.category);
    if (list === undefined) byCategory.set(product.category, [product]);
    else list.push(product);
  }
  return Object.freeze({
    version,
    product: (id: string) => data.products.get(id),
    products: () => data.products.values(),
    productsInCategory: (category: string): readonly Product[] => byCategory.get(category) ?? [],
    store: (id: string) => data.stores.get(id),
    stores: () => data.stores.values(),
    offer: (id: string) => data.offers.get(id),
    offers: () => data.offers.values(),
  });
}

/** `data` with `items` upserted into one of its maps (a copy; `data` is not touched). */
export function upsertInto<K extends keyof CatalogData>(
  data: CatalogData,
  kind: K,
  items: readonly { readonly id: string }[],
): CatalogData {
  const map = new Map(data[kind] as ReadonlyMap<string, { readonly id: string }>);
  for (const item of items) map.set(item.id, item);
  return { ...data, [kind]: map };
}
