import type { Contribution, DecideInput, OfferCandidate } from '@omnikernel/sdk';
import { type Evaluation, type Situation, evaluateOffer } from './evaluate-offer.ts';
import { formatClock, localTime } from './local-time.ts';
import type { GeoTimeOffersOptions } from './options.ts';
import { customerPoint, customerTimeZone, nearestStore } from './place.ts';

/**
 * Proposes the catalog's offers whose place and time rules hold for the customer now. The
 * contribution is valid until the first of them ends or another one starts (a lunch-time offer
 * ends at the end of lunch time in the customer's timezone, and one starts at 13:00).
 */
export function decideGeoTimeOffers(input: DecideInput<GeoTimeOffersOptions>): Contribution {
  const { profile, context, catalog, options } = input;
  if (input.signal.aborted) return {};
  const now = input.clock.now();
  const point = customerPoint(profile, context, now, options);
  const near = nearestStore(catalog, profile, context, point);
  const situation: Situation = { profile, context, catalog, now, point, near, options };

  const offers: OfferCandidate[] = [];
  let changesAt = Number.POSITIVE_INFINITY;
  for (const offer of catalog.offers()) {
    const result: Evaluation = evaluateOffer(offer, situation);
    if (result.kind === 'eligible') {
      offers.push(result.candidate);
      if (result.until !== null) changesAt = Math.min(changesAt, result.until);
    } else if (result.kind === 'later') changesAt = Math.min(changesAt, result.startsAt);
  }
  offers.sort((a, b) => b.score - a.score || (a.offerId < b.offerId ? -1 : 1));

  const zone = customerTimeZone(profile, context, near, options);
  const local = localTime(now, zone);
  return {
    ...(offers.length > 0 ? { offers } : {}),
    ...(Number.isFinite(changesAt) ? { validUntil: new Date(changesAt).toISOString() } : {}),
    reasons: [`Local time ${local.weekday[0]!.toUpperCase()}${local.weekday.slice(1)} ${formatClock(local.minutes)} (${zone})`],
    insights: {
      timezone: zone,
      ...(near ? { nearestStoreId: near.store.id } : {}),
      ...(near && Number.isFinite(near.km) ? { nearestStoreKm: Math.round(near.km * 1000) / 1000 } : {}),
    },
  };
}
