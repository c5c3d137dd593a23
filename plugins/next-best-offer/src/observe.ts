import { OUTCOME_TYPES } from '@omnikernel/sdk';
import type { Observation, ObserveContext, OutcomeType } from '@omnikernel/sdk';
import type { NextBestOfferOptions } from './options.ts';
import { OBSERVED_KEY, segmentField, statsKey } from './stats.ts';

/**
 * Learns from outcomes, off the decision path: counts each offer's shows, clicks, accepts,
 * rejects and conversions (and per segment when `perSegment`: the outcome's segment, else the
 * customer's first). Events teach nothing here: the profile already holds what eligibility needs.
 */
export async function observeNextBestOffer(observation: Observation, ctx: ObserveContext<NextBestOfferOptions>): Promise<void> {
  await learnOutcome(observation, ctx);
}

/**
 * `observeNextBestOffer` over an ingested batch: nearly all of it events, which teach nothing, so
 * the kernel makes one call per batch instead of one per event. Returns how many taught something.
 */
export async function observeNextBestOfferBatch(observations: readonly Observation[], ctx: ObserveContext<NextBestOfferOptions>): Promise<number> {
  let taught = 0;
  for (const observation of observations) if (observation.kind === 'outcome' && (await learnOutcome(observation, ctx))) taught++;
  return taught;
}

/** Counts one outcome; false when the observation is not one that counts. */
async function learnOutcome(observation: Observation, { state, options }: ObserveContext<NextBestOfferOptions>): Promise<boolean> {
  if (observation.kind !== 'outcome') return false;
  const { outcome } = observation;
  if (!outcome.offerId || !(OUTCOME_TYPES as readonly string[]).includes(outcome.type)) return false;
  const type: OutcomeType = outcome.type;
  const increments: Record<string, number> = { [type]: 1 };
  if (options.perSegment) {
    const segment = outcome.segment ?? observation.profile?.segments[0] ?? 'none';
    increments[segmentField(segment, type)] = 1;
  }
  await state.hincrMany(statsKey(outcome.offerId), increments);
  await state.incr(OBSERVED_KEY);
  return true;
}
