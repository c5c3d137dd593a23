import { definePlugin } from '@omnikernel/sdk';
import { decideNextBestOffer } from './decide.ts';
import { observeNextBestOffer, observeNextBestOfferBatch } from './observe.ts';
import { nextBestOfferOptionsSchema } from './options.ts';
import { type NextBestOfferSnapshot, buildSnapshot } from './snapshot.ts';

/**
 * The contact center's next best offer, and the top offer for every channel: eligibility
 * rules, a propensity per offer learned online from outcomes (Beta posterior, Thompson
 * sampling), an agent script filled from the offer's template, and a lead score.
 *
 * @example
 * // omnikernel.config.json
 * { "plugins": [{ "plugin": "next-best-offer", "options": { "perSegment": true } }] }
 */
export const nextBestOfferPlugin = definePlugin<typeof nextBestOfferOptionsSchema, NextBestOfferSnapshot>({
  name: 'next-best-offer',
  version: '1.0.0',
  apiVersion: 1,
  stage: 'propose',
  description: 'Eligible offers ranked by learned propensity, with agent scripts, reasons and a lead score.',
  options: nextBestOfferOptionsSchema,
  timeoutMs: 50,
  observe: observeNextBestOffer,
  observeBatch: observeNextBestOfferBatch,
  // Outcomes are few and matter at once (a reject should lower an offer soon): rebuild often.
  snapshot: { build: buildSnapshot, refreshEveryMs: 10_000, refreshAfterChanges: 50 },
  decide: decideNextBestOffer,
});
