import { OUTCOME_TYPES } from '@omnikernel/sdk';
import type { Observation, ObserveContext, OutcomeType } from '@omnikernel/sdk';
import type { NextBestOfferOptions } from './options.ts';
import { OBSERVED_KEY, segmentField, statsKey } from './stats.ts';

/**
 * Learns from outcomes, off the decision path: counts each offer's shows, clicks, accepts,
 * rejects and conversions (and per segment when `perSegment`: the outcome's segment, else the
 * customer's first). Events teach nothing here: the profile already holds what eligibility needs.
 */
export async function observeNextBestOffer(observation: Observation, { state, options }: ObserveContext<NextBestOfferOptions>): Promise<void> {
  if (observation.kind !== 'outcome') return;
  const { outcome } = observation;
  if (!outcome.offerId || !(OUTCOME_TYPES as readonly string[]).includes(outcome.type)) return;
  const type: OutcomeType = outcome.type;
  const increments: Record<string, number> = { [type]: 1 };
  if (options.perSegment) {
    const segment = outcome.segment ?? observation.profile?.segments[0] ?? 'none';
    increments[segmentField(segment, type)] = 1;
  }
  await state.hincrMany(statsKey(outcome.offerId), increments);
  await state.incr(OBSERVED_KEY);
}
