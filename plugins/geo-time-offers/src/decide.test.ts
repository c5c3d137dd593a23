import { createFrozenClock, createSeededRandom } from '@omnikernel/sdk';
import type { DecisionContext, Offer, Profile } from '@omnikernel/sdk';
import { FIXTURE_AT, createCatalogView, fixtureOffers, fixtureProducts, fixtureProfiles, fixtureStores } from '@omnikernel/sdk/testing';
import { describe, expect, it } from 'vitest';
import { decideGeoTimeOffers } from './decide.ts';
import { geoTimeOffersOptionsSchema } from './options.ts';

const logger = { debug() {}, info() {}, warn() {}, error() {} };
function decide(profile: Profile, context: DecisionContext, at = FIXTURE_AT, offers: readonly Offer[] = fixtureOffers) {
  return decideGeoTimeOffers({
    profile, context, catalog: createCatalogView({ products: fixtureProducts, stores: fixtureStores, offers }), clock: createFrozenClock(at), random: createSeededRandom('g'),
    options: geoTimeOffersOptionsSchema.parse({}), signal: new AbortController().signal, snapshot: undefined, maxRecommendations: 10, logger,
  });
}
const luncher = fixtureProfiles['near-store-at-lunch'];
const inApp: DecisionContext = { channel: 'app', location: { lat: 40.419, lon: -3.702 }, timezone: 'Europe/Madrid' };

describe('decideGeoTimeOffers', () => {
  it('offers lunch next to the Madrid store, valid until the end of lunch on the customer\'s clock', () => {
    const result = decide(luncher, inApp);
    expect(result.offers).toHaveLength(1);
    const [lunch] = result.offers!;
    expect(lunch).toMatchObject({ offerId: 'o-lunch-coffee', validUntil: '2026-03-18T15:00:00.000Z' });
    expect(lunch!.reasons).toEqual(['Our Madrid Gran Vía store is 350 m away and open until 21:00', 'Valid for lunch until 16:00']);
    // 0.35 + 0.45 × (1 − 0.354 km / 1 km)
    expect(lunch!.score).toBeCloseTo(0.6409, 3);
    expect(result.validUntil).toBe('2026-03-18T15:00:00.000Z');
    expect(result.insights).toMatchObject({ timezone: 'Europe/Madrid', nearestStoreId: 's-madrid' });
  });

  it('scores closer customers higher', () => {
    const door = decide(luncher, { ...inApp, location: { lat: 40.4203, lon: -3.7058 } }).offers![0]!;
    expect(door.score).toBe(0.8);
  });

  it('offers nothing far from the stores, and renews when the night window opens', () => {
    const far = decide(luncher, { ...inApp, location: { lat: 40.45, lon: -3.6 } });
    expect(far.offers).toBeUndefined();
    // The night-owl offer starts at 22:00 Madrid time = 21:00Z.
    expect(far.validUntil).toBe('2026-03-18T21:00:00.000Z');
  });

  it('ends lunch when the store closes first, and not on Saturdays', () => {
    const closing: Offer[] = [{ ...fixtureOffers[0]!, eligibility: { ...fixtureOffers[0]!.eligibility, timeWindows: [{ start: '20:00', end: '23:00', label: 'dinner' }] } }];
    const evening = decide(luncher, inApp, '2026-03-18T19:30:00.000Z', closing).offers![0]!;
    expect(evening.validUntil).toBe('2026-03-18T20:00:00.000Z'); // 21:00 closing < 23:00 window end
    expect(decide(luncher, inApp, '2026-03-21T12:30:00.000Z').offers).toBeUndefined();
  });

  it('offers the night-owl deal after midnight in the customer\'s zone, until 02:00 there', () => {
    // 00:30 in Madrid on Thursday = 23:30Z on Wednesday.
    const result = decide(fixtureProfiles['web-browser'], { channel: 'web' }, '2026-03-18T23:30:00.000Z');
    expect(result.offers?.map((o) => [o.offerId, o.validUntil, o.reasons])).toEqual([['o-night-owl', '2026-03-19T01:00:00.000Z', ['Valid for late night until 02:00']]]);
    // The store tablet is not a channel of the offer.
    expect(decide(fixtureProfiles['web-browser'], { channel: 'store', storeId: 's-madrid' }, '2026-03-18T23:30:00.000Z').offers).toBeUndefined();
  });

  it('uses the nearest store\'s timezone for a customer who gives none', () => {
    // 22:30Z is 22:30 in London (GMT): the night offer runs until 02:00 London time (02:00Z, not Madrid's 01:00Z).
    const londoner: Profile = { ...fixtureProfiles['new-customer'], timezone: null };
    const result = decide(londoner, { channel: 'app', location: { lat: 51.51, lon: -0.14 } }, '2026-03-18T22:30:00.000Z');
    expect(result.offers?.[0]).toMatchObject({ offerId: 'o-night-owl', validUntil: '2026-03-19T02:00:00.000Z' });
    expect(result.reasons).toEqual(['Local time Wed 22:30 (Europe/London)']);
    // At 21:30 it is not yet night in London.
    expect(decide(londoner, { channel: 'app', location: { lat: 51.51, lon: -0.14 } }, '2026-03-18T21:30:00.000Z').offers).toBeUndefined();
  });

  it('checks the other rules too: country and segment of the London tea tasting', () => {
    const londoner: Profile = { ...fixtureProfiles['new-customer'], country: 'GB', segments: ['tea-lovers'] };
    const context: DecisionContext = { channel: 'app', location: { lat: 51.515, lon: -0.142 } };
    expect(decide(londoner, context).offers?.map((o) => o.offerId)).toEqual(['o-london-tea']);
    expect(decide({ ...londoner, segments: [] }, context).offers).toBeUndefined();
    expect(decide({ ...londoner, country: 'ES' }, context).offers).toBeUndefined();
  });

  it('goes through the nearest open store of the offer when the nearest one is closed', () => {
    // Two stores 300 m and 600 m away; the nearer one is closed on Wednesdays.
    const stores = [
      { ...fixtureStores[0]!, id: 'near', name: 'Near', lat: 40.4217, openingHours: { mon: [{ open: '10:00', close: '21:00' }] } },
      { ...fixtureStores[0]!, id: 'far', name: 'Far', lat: 40.4244 },
    ];
    const offer: Offer = { id: 'o', title: 'O', value: 1, eligibility: { storeIds: ['near', 'far'], radiusKm: 1, whileStoreOpen: true } };
    const result = decideGeoTimeOffers({
      profile: luncher, context: { channel: 'app', location: { lat: 40.419, lon: -3.7058 } }, catalog: createCatalogView({ stores, offers: [offer] }), clock: createFrozenClock(FIXTURE_AT),
      random: createSeededRandom('g'), options: geoTimeOffersOptionsSchema.parse({}), signal: new AbortController().signal, snapshot: undefined, maxRecommendations: 10, logger,
    });
    expect(result.offers?.[0]?.reasons).toEqual(['Our Far store is 600 m away and open until 21:00']);
    expect(result.offers?.[0]?.validUntil).toBe('2026-03-18T20:00:00.000Z');
  });

  it('returns nothing when aborted', () => {
    const result = decideGeoTimeOffers({
      profile: luncher, context: inApp, catalog: createCatalogView({ offers: fixtureOffers, stores: fixtureStores }), clock: createFrozenClock(FIXTURE_AT), random: createSeededRandom('g'),
      options: geoTimeOffersOptionsSchema.parse({}), signal: AbortSignal.abort(), snapshot: undefined, maxRecommendations: 10, logger,
    });
    expect(result).toEqual({});
  });
});
