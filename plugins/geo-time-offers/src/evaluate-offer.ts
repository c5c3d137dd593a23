import type { CatalogView, DecisionContext, Offer, OfferCandidate, Profile, Store } from '@omnikernel/sdk';
import { type OpenNow, openNow } from './opening-hours.ts';
import type { GeoTimeOffersOptions } from './options.ts';
import { type Point, type StoreMatch, customerTimeZone, storeForOffer } from './place.ts';
import { storeReason, windowReason } from './reasons.ts';
import { isContextual, otherRulesHold } from './rules.ts';
import { activeWindow, nextWindowStart } from './time-windows.ts';

/** What one offer comes to: eligible now (until when), eligible later (from when), or not. */
export type Evaluation =
  | { readonly kind: 'eligible'; readonly candidate: OfferCandidate; readonly until: number | null }
  | { readonly kind: 'later'; readonly startsAt: number }
  | { readonly kind: 'no' };

/** What every offer of one decision shares. */
export interface Situation {
  readonly profile: Profile;
  readonly context: DecisionContext;
  readonly catalog: CatalogView;
  readonly now: number;
  readonly point: Point | null;
  /** The store nearest to the customer, for `whileStoreOpen` without stores and for the timezone. */
  readonly near: StoreMatch | null;
  readonly options: GeoTimeOffersOptions;
}

const NO: Evaluation = { kind: 'no' };

/**
 * Checks an offer's place and time rules: within `radiusKm` of one of its stores, inside one of
 * its time windows on the customer's clock, and (`whileStoreOpen`) while that store (or the
 * nearest one) is open. The candidate is valid until the earliest of the window's end, the
 * store's closing and the offer's own end; its score grows as the customer gets closer.
 */
export function evaluateOffer(offer: Offer, s: Situation): Evaluation {
  if (offer.isDefault || !isContextual(offer) || !otherRulesHold(offer, s.profile, s.context, s.catalog, s.now)) return NO;
  const rules = offer.eligibility ?? {};
  const tied = (rules.storeIds?.length ?? 0) > 0 || rules.radiusKm !== undefined;
  const usable = rules.whileStoreOpen ? (store: Store) => openNow(store, s.now) !== null : undefined;
  const match = tied ? storeForOffer(offer, s.catalog, s.context, s.point, s.options, usable) : null;
  if (tied && !match) return NO;

  const store = match ?? s.near;
  let open: OpenNow | null = null;
  if (store) open = openNow(store.store, s.now);
  if (rules.whileStoreOpen && !open) return NO;

  const reasons: string[] = [];
  let until = offer.validUntil ? Date.parse(offer.validUntil) : Number.POSITIVE_INFINITY;
  if (rules.timeWindows && rules.timeWindows.length > 0) {
    const zone = customerTimeZone(s.profile, s.context, match ?? s.near, s.options);
    const active = activeWindow(rules.timeWindows, s.now, zone);
    if (!active) {
      const next = nextWindowStart(rules.timeWindows, s.now, zone, s.options.lookAheadDays);
      return next === null ? NO : { kind: 'later', startsAt: next };
    }
    until = Math.min(until, active.endsAt);
    reasons.push(windowReason(active.window, active.end));
  }
  if (rules.whileStoreOpen && open?.closesAt) until = Math.min(until, open.closesAt);
  if (match) reasons.unshift(storeReason(match, open));
  else if (rules.whileStoreOpen && store) reasons.push(storeReason(store, open));

  const closeness = match ? 1 - Math.min(1, match.km / (rules.radiusKm ?? s.options.defaultRadiusKm)) : 0;
  const score = Math.min(1, s.options.baseScore + s.options.proximityBoost * closeness);
  const validUntil = Number.isFinite(until) ? new Date(until).toISOString() : undefined;
  return {
    kind: 'eligible',
    candidate: { offerId: offer.id, score: Math.round(score * 1e4) / 1e4, reasons, ...(validUntil ? { validUntil } : {}) },
    until: Number.isFinite(until) ? until : null,
  };
}
