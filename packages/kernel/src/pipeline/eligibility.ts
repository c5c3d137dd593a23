import type { CatalogView, Offer, Product, Profile } from '@omnikernel/sdk';

/** A product counts as available when it is not stock-tracked or has stock somewhere. */
export function isAvailable(product: Product): boolean {
  const stock = product.stock;
  if (!stock || (stock.online === undefined && stock.stores === undefined)) return true;
  if ((stock.online ?? 0) > 0) return true;
  return Object.values(stock.stores ?? {}).some((n) => n > 0);
}

/**
 * The kernel's own eligibility rules for an offer (what plugins cannot be trusted to check alone):
 * validity window, consent, country, segment, value and cart conditions, stock. Place and time
 * rules belong to the plugins that understand them. Returns why not, or null.
 */
export function offerIneligibility(offer: Offer, profile: Profile, catalog: CatalogView, now: number): string | null {
  if (offer.validFrom && Date.parse(offer.validFrom) > now) return `not valid before ${offer.validFrom}`;
  if (offer.validUntil && Date.parse(offer.validUntil) <= now) return `expired at ${offer.validUntil}`;
  const e = offer.eligibility;
  if (!e) return null;
  for (const purpose of e.consent ?? []) {
    if (profile.consent[purpose] !== true) return `no '${purpose}' consent`;
  }
  if (e.countries && e.countries.length > 0 && !(profile.country && e.countries.includes(profile.country))) return `country ${profile.country ?? 'unknown'} not in ${e.countries.join(', ')}`;
  if (e.segments && e.segments.length > 0 && !e.segments.some((s) => profile.segments.includes(s))) return `not in segments ${e.segments.join(', ')}`;
  if (e.minLifetimeValue !== undefined && profile.lifetimeValue < e.minLifetimeValue) return `lifetime value below ${e.minLifetimeValue}`;
  if (e.requiresAbandonedCart && !profile.abandonedCart) return 'no abandoned cart';
  if (e.productIds && e.productIds.length > 0) {
    const products = e.productIds.map((id) => catalog.product(id)).filter((p): p is Product => p !== undefined);
    if (!products.some(isAvailable)) return 'every product of the offer is out of stock';
  }
  return null;
}
