import type { CatalogView, DecisionContext, Offer, Product, Profile } from '@omnikernel/sdk';

/** Whether the offer has a rule of place or time (geo-time-offers' business by default). */
export function isContextual(offer: Offer): boolean {
  const e = offer.eligibility;
  return !!e && ((e.storeIds?.length ?? 0) > 0 || e.radiusKm !== undefined || (e.timeWindows?.length ?? 0) > 0 || e.whileStoreOpen === true);
}

/** The categories the customer's abandoned cart and recent views touch. */
export function touchedCategories(profile: Profile, catalog: CatalogView): Set<string> {
  const out = new Set<string>();
  for (const { productId } of [...(profile.abandonedCart?.items ?? []), ...(profile.cart?.items ?? []), ...profile.recentlyViewed]) {
    const category = catalog.product(productId)?.category;
    if (category !== undefined) out.add(category);
  }
  return out;
}

/** Units for the channel: the request's store, else online; no figures means not stock-tracked. */
function inStock(product: Product, context: DecisionContext): boolean {
  const stock = product.stock;
  if (!stock) return true;
  if (context.storeId && stock.stores) return (stock.stores[context.storeId] ?? 0) > 0;
  return stock.online === undefined || stock.online > 0;
}

/**
 * Why the offer cannot be made now, or null when it can: channel, validity window, countries,
 * segments, consent, lifetime value, abandoned cart, categories touching the abandoned cart or
 * recent views, and stock of its products (ineligible when all are out of stock here).
 */
export function ineligibility(offer: Offer, profile: Profile, context: DecisionContext, catalog: CatalogView, now: number, touched: ReadonlySet<string>): string | null {
  if (offer.channels?.length && !offer.channels.includes(context.channel)) return `not offered on ${context.channel}`;
  if (offer.validFrom && Date.parse(offer.validFrom) > now) return `starts ${offer.validFrom}`;
  if (offer.validUntil && Date.parse(offer.validUntil) <= now) return `ended ${offer.validUntil}`;
  const e = offer.eligibility;
  if (!e) return null;
  if (e.countries?.length && !(profile.country && e.countries.includes(profile.country))) return 'country';
  if (e.segments?.length && !e.segments.some((s) => profile.segments.includes(s))) return 'segment';
  const missing = e.consent?.find((purpose) => profile.consent[purpose] !== true);
  if (missing) return `no ${missing} consent`;
  if (e.minLifetimeValue !== undefined && profile.lifetimeValue < e.minLifetimeValue) return 'lifetime value';
  if (e.requiresAbandonedCart && !profile.abandonedCart) return 'no abandoned cart';
  if (e.categories?.length && !e.categories.some((c) => touched.has(c))) return 'categories';
  if (e.productIds?.length) {
    const products = e.productIds.map((id) => catalog.product(id)).filter((p): p is Product => p !== undefined);
    if (products.length > 0 && !products.some((p) => inStock(p, context))) return 'out of stock';
  }
  return null;
}
