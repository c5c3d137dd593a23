import type { Contribution, DecideInput, Offer, OfferCandidate } from '@omnikernel/sdk';
import { activityReasons } from './activity.ts';
import { ineligibility, isContextual, touchedCategories } from './eligibility.ts';
import { leadScore } from './lead-score.ts';
import type { NextBestOfferOptions } from './options.ts';
import { fillScript } from './script.ts';
import type { NextBestOfferSnapshot } from './snapshot.ts';
import { type OutcomeCounts, posterior } from './stats.ts';

type Input = DecideInput<NextBestOfferOptions, NextBestOfferSnapshot>;

/**
 * Every offer the customer is eligible for on this channel now, scored by a propensity sampled
 * from its learned Beta posterior (Thompson sampling: replayable, since `input.random` is
 * seeded), with reasons from recent activity and a filled-in agent script; the catalog's
 * default offer when nothing else is eligible. Always returns the lead score as insights.
 */
export function decideNextBestOffer(input: Input): Contribution {
  const { profile, context, catalog, options } = input;
  const now = input.clock.now();
  const lead = leadScore(profile, now, options.leadBands);
  const insights = { leadScore: lead.score, leadBand: lead.band };
  if (input.signal.aborted) return { insights };

  const touched = touchedCategories(profile, catalog);
  const eligible = (o: Offer) => ineligibility(o, profile, context, catalog, now, touched) === null;
  // Sorted by id: the random source is consumed in the same order on every replay.
  const all = [...catalog.offers()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const regular = all.filter((o) => !o.isDefault && (options.includeContextual || !isContextual(o)));
  let chosen = regular.filter(eligible);
  if (chosen.length === 0) chosen = all.filter((o) => o.isDefault && eligible(o));

  const offers = chosen.map((offer) => candidateFor(offer, input, now));
  offers.sort((a, b) => b.score - a.score || (a.offerId < b.offerId ? -1 : 1));
  // The decision must change when an offer ends or a regular one starts.
  const changes = [...offers.map((o) => o.validUntil), ...regular.map((o) => o.validFrom).filter((at) => at !== undefined && Date.parse(at) > now)]
    .filter((at): at is string => at !== undefined)
    .map((at) => Date.parse(at));
  return {
    ...(offers.length > 0 ? { offers } : {}),
    ...(changes.length > 0 ? { validUntil: new Date(Math.min(...changes)).toISOString() } : {}),
    insights,
  };
}

function candidateFor(offer: Offer, input: Input, now: number): OfferCandidate {
  const { profile, catalog, options, random } = input;
  const counts = countsFor(offer.id, input);
  const activity = activityReasons(offer, profile, catalog, now);
  const prior = activity.reasons.length > 0 ? { ...options.prior, alpha: options.prior.alpha + options.activityPriorBoost } : options.prior;
  const { alpha, beta } = posterior(counts, prior, options.ignoredShowWeight);
  const propensity = random.beta(alpha, beta);
  const reasons = [...activity.reasons];
  const segment = offer.eligibility?.segments?.find((s) => profile.segments.includes(s));
  if (segment) reasons.push(`For our ${segment} customers`);
  const shown = counts.shown ?? 0;
  if (shown >= 10) reasons.push(`Taken by ${Math.round((100 * ((counts.accepted ?? 0) + (counts.converted ?? 0))) / shown)}% of customers it was offered to`);
  if (reasons.length === 0) reasons.push(offer.isDefault ? 'Our standing offer while nothing more specific fits' : offer.description ?? offer.title);
  const firstName = typeof profile.traits.firstName === 'string' ? profile.traits.firstName : options.firstNameFallback;
  // The script speaks to the customer: "Left a kettle…" becomes "you left a kettle…".
  const said = activity.reasons[0] ? `you ${activity.reasons[0][0]!.toLowerCase()}${activity.reasons[0].slice(1)}` : '';
  const script = offer.script ? fillScript(offer.script, { firstName, product: activity.product ?? options.productFallback, reason: said }) : undefined;
  const validUntil = offer.validUntil ? new Date(Date.parse(offer.validUntil)).toISOString() : undefined;
  return {
    offerId: offer.id,
    score: Math.round(Math.min(offer.isDefault ? options.defaultScoreCap : 1, Math.max(0, propensity)) * 1e4) / 1e4,
    reasons: reasons.slice(0, 5),
    ...(script ? { script } : {}),
    ...(validUntil ? { validUntil } : {}),
  };
}

/** The customer's segment's counts when that segment has seen the offer often enough, else everyone's. */
function countsFor(offerId: string, input: Input): OutcomeCounts {
  const stats = input.snapshot?.data.offers[offerId];
  if (!stats) return {};
  if (input.options.perSegment) {
    for (const segment of input.profile.segments) {
      const own = stats.segments[segment];
      if (own && (own.shown ?? 0) >= input.options.minSegmentShows) return own;
    }
  }
  return stats.all;
}
