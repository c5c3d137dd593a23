import type { CatalogView, DecisionContext, Offer, Profile } from '@omnikernel/sdk';

/** Whether the offer has a rule of place or time: the offers this plugin is responsible for. */
export function isContextual(offer: Offer): boolean {
  const e = offer.eligibility;
  return !!e && ((e.storeIds?.length ?? 0) > 0 || e.radiusKm !== undefined || (e.timeWindows?.length ?? 0) > 0 || e.whileStoreOpen === true);
}

/**
 * The offer's rules that are not about place or time, checked so nothing ineligible is proposed
 * (the kernel checks again): channel, validity, country, consent, segments, lifetime value,
 * abandoned cart, categories touched by the abandoned cart or recent views.
 */
export function otherRulesHold(offer: Offer, profile: Profile, context: DecisionContext, catalog: CatalogView, now: number): boolean {
  if (offer.channels && offer.channels.length > 0 && !offer.channels.includes(context.channel)) return false;
  if (offer.validFrom && Date.parse(offer.validFrom) > now) return false;
  if (offer.validUntil && Date.parse(offer.validUntil) <= now) return false;
  const e = offer.eligibility;
  if (!e) return true;
  if (e.countries?.length && !(profile.country && e.countries.includes(profile.country))) return false;
  if (e.consent?.some((purpose) => profile.consent[purpose] !== true)) return false;
  if (e.segments?.length && !e.segments.some((s) => profile.segments.includes(s))) return false;
  if (e.minLifetimeValue !== undefined && profile.lifetimeValue < e.minLifetimeValue) return false;
  if (e.requiresAbandonedCart && !profile.abandonedCart) return false;
  if (e.categories?.length) {
    const touched = [...(profile.abandonedCart?.items ?? []), ...profile.recentlyViewed].map((i) => catalog.product(i.productId)?.category);
    if (!touched.some((c) => c !== undefined && e.categories!.includes(c))) return false;
  }
  return true;
}
