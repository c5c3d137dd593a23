import { createFrozenClock, createSeededRandom } from '@omnikernel/sdk';
import type { DecisionContext, Profile } from '@omnikernel/sdk';
import { FIXTURE_AT, fixtureCatalog, fixtureProfiles } from '@omnikernel/sdk/testing';
import { describe, expect, it } from 'vitest';
import { decideNextBestOffer } from './decide.ts';
import { type NextBestOfferOptions, nextBestOfferOptionsSchema } from './options.ts';
import type { NextBestOfferSnapshot } from './snapshot.ts';

const logger = { debug() {}, info() {}, warn() {}, error() {} };
function decide(profile: Profile, context: DecisionContext, snapshot?: NextBestOfferSnapshot, options: Partial<NextBestOfferOptions> = {}, seed = 's') {
  return decideNextBestOffer({
    profile, context, catalog: fixtureCatalog(), clock: createFrozenClock(FIXTURE_AT), random: createSeededRandom(seed),
    options: { ...nextBestOfferOptionsSchema.parse({}), ...options }, signal: new AbortController().signal,
    snapshot: snapshot ? { version: 'v', data: snapshot } : undefined, maxRecommendations: 10, logger,
  });
}
const caller = fixtureProfiles['caller-abandoned-cart'];

describe('decideNextBestOffer', () => {
  it('gives the caller the cart rescue and the coffee bundle with reasons, a script and a lead score', () => {
    const result = decide(caller, { channel: 'contact_center' });
    expect(result.offers?.map((o) => o.offerId).sort()).toEqual(['o-cart-rescue', 'o-coffee-bundle']);
    const rescue = result.offers!.find((o) => o.offerId === 'o-cart-rescue')!;
    expect(rescue.reasons).toEqual(['Left a Barista Pro espresso machine in the cart 2 days ago']);
    expect(rescue.script).toBe('Hi Ana, I can see you left a Barista Pro espresso machine in the cart 2 days ago. I can take 10% off the Barista Pro espresso machine if you order on this call today.');
    const bundle = result.offers!.find((o) => o.offerId === 'o-coffee-bundle')!;
    expect(bundle.reasons).toEqual([
      'Left a Barista Pro espresso machine in the cart 2 days ago',
      'Called about the Barista Pro espresso machine today',
      'Looked at the Barista Pro espresso machine 2 days ago',
    ]);
    expect(result.insights).toEqual({ leadScore: 67, leadBand: 'warm' });
  });

  it('ranks by a propensity sampled from what it learned, the same for the same seed', () => {
    const learned: NextBestOfferSnapshot = {
      generation: 1,
      offers: {
        'o-cart-rescue': { all: { shown: 200, accepted: 90, rejected: 60 }, segments: {} },
        'o-coffee-bundle': { all: { shown: 200, accepted: 4, rejected: 150 }, segments: {} },
      },
    };
    const first = decide(caller, { channel: 'contact_center' }, learned);
    expect(first.offers?.map((o) => o.offerId)).toEqual(['o-cart-rescue', 'o-coffee-bundle']);
    expect(first.offers?.[0]?.score).toBeGreaterThan(0.35);
    expect(first.offers?.[1]?.score).toBeLessThan(0.1);
    expect(first.offers?.[0]?.reasons.at(-1)).toBe('Taken by 45% of customers it was offered to');
    expect(decide(caller, { channel: 'contact_center' }, learned)).toEqual(first);
  });

  it('uses the segment\'s own counts once it has seen enough', () => {
    const learned: NextBestOfferSnapshot = {
      generation: 1,
      offers: { 'o-cart-rescue': { all: { shown: 1000, rejected: 990 }, segments: { 'coffee-lovers': { shown: 40, accepted: 38 } } } },
    };
    const score = (perSegment: boolean) => decide(caller, { channel: 'contact_center' }, learned, { perSegment }).offers!.find((o) => o.offerId === 'o-cart-rescue')!.score;
    expect(score(false)).toBeLessThan(0.05);
    expect(score(true)).toBeGreaterThan(0.8);
  });

  it('leaves out offers without consent, off-channel, expired, or tied to place and time', () => {
    const noConsent = { ...caller, consent: { marketing: false } };
    expect(decide(noConsent, { channel: 'contact_center' }).offers?.map((o) => o.offerId)).toEqual(['o-coffee-bundle']);
    const lunch = decide(fixtureProfiles['near-store-at-lunch'], { channel: 'app' }, undefined, { includeContextual: true }).offers?.map((o) => o.offerId);
    expect(lunch).toContain('o-lunch-coffee');
    expect(decide(fixtureProfiles['near-store-at-lunch'], { channel: 'app' }).offers?.map((o) => o.offerId)).toEqual(['o-welcome']);
  });

  it('falls back to the default offer, its script tidied for a customer without a name', () => {
    const result = decide(fixtureProfiles['new-customer'], { channel: 'web' });
    expect(result.offers).toEqual([
      { offerId: 'o-welcome', score: expect.any(Number), reasons: ['Our standing offer while nothing more specific fits'], script: 'Welcome! New customers get €5 off their first order.' },
    ]);
    expect(result.offers?.[0]?.score).toBeLessThanOrEqual(0.05);
    expect(result.insights).toMatchObject({ leadBand: 'cold' });
  });

  it('returns only the lead score when aborted', () => {
    const result = decideNextBestOffer({
      profile: caller, context: { channel: 'contact_center' }, catalog: fixtureCatalog(), clock: createFrozenClock(FIXTURE_AT), random: createSeededRandom('s'),
      options: nextBestOfferOptionsSchema.parse({}), signal: AbortSignal.abort(), snapshot: undefined, maxRecommendations: 10, logger,
    });
    expect(result).toEqual({ insights: { leadScore: 67, leadBand: 'warm' } });
  });
});
