import { createFrozenClock, createSeededRandom, deepFreeze } from '@omnikernel/sdk';
import type { DecisionContext, Profile } from '@omnikernel/sdk';
import { FIXTURE_AT, fixtureCatalog, fixtureProfiles } from '@omnikernel/sdk/testing';
import { describe, expect, it } from 'vitest';
import { decideRecommendations } from './decide.ts';
import { type RecommendationsOptions, recommendationsOptionsSchema } from './options.ts';
import type { RecommendationsSnapshot } from './snapshot.ts';

const snapshot: RecommendationsSnapshot = deepFreeze({
  generation: 3,
  neighbours: {
    'p-kettle': { ids: ['p-teapot', 'p-mugs', 'p-sencha'], scores: [0.6, 0.3, 0.1] },
    'p-espresso': { ids: ['p-grinder', 'p-milk-jug', 'p-beans'], scores: [0.8, 0.5, 0.4] },
    'p-beans': { ids: ['p-milk-jug', 'p-toaster'], scores: [0.5, 0.2] },
  },
  trend: { 'p-beans': 1, 'p-candle': 0.5 },
  popular: { ids: ['p-candle', 'p-knife'], scores: [1, 0.5] },
  popularByCountry: { ES: { ids: ['p-earl-grey', 'p-candle'], scores: [1, 0.4] } },
  popularByStore: {},
  popularByCategory: {},
});

function decide(profile: Profile, context: DecisionContext, patch: Partial<RecommendationsOptions> = {}, max = 10) {
  return decideRecommendations({
    profile, context, catalog: fixtureCatalog(), clock: createFrozenClock(FIXTURE_AT), random: createSeededRandom('t'),
    options: { ...recommendationsOptionsSchema.parse({}), ...patch }, signal: new AbortController().signal,
    snapshot: { version: 's', data: snapshot }, maxRecommendations: max, logger: { debug() {}, info() {}, warn() {}, error() {} },
  });
}

describe('decideRecommendations', () => {
  const buyer = fixtureProfiles['store-buyer'];

  it('puts a store buyer\'s rebuys first, then what goes with them, with readable reasons', () => {
    const { items = [] } = decide(buyer, { channel: 'web' });
    expect(items.slice(0, 4).map((i) => [i.productId, i.repeat])).toEqual([
      // Mugs and kettle were bought together; the mugs also go with the kettle, so they lead.
      ['p-beans', true], ['p-mugs', true], ['p-kettle', true], ['p-milk-jug', true],
    ]);
    expect(items[0]?.reasons[0]).toBe('You buy this regularly (2 times)');
    expect(items[1]?.reasons[0]).toBe('You bought this in the Madrid Gran Vía store on 7 Mar 2026');
    const teapot = items.find((i) => i.productId === 'p-teapot');
    expect(teapot).toMatchObject({ repeat: false });
    expect(teapot?.reasons[0]).toBe('Often bought with the Gooseneck kettle you bought in the Madrid Gran Vía store');
    expect(items[0]?.score).toBe(1);
    for (let i = 1; i < items.length; i++) expect(items[i]!.score).toBeLessThanOrEqual(items[i - 1]!.score);
  });

  it('recommends only new products in exclude mode', () => {
    const { items = [] } = decide(buyer, { channel: 'web' }, { repeatPurchases: 'exclude' });
    // candle: (0.4 · 0.3 in Spain + 1 · 0.15 everywhere) × (1 + 0.2 · 0.67 home affinity) = 0.306 > earl grey 0.3.
    expect(items.map((i) => i.productId)).toEqual(['p-teapot', 'p-candle', 'p-earl-grey', 'p-knife', 'p-sencha']);
    expect(items.every((i) => !i.repeat)).toBe(true);
  });

  it('leaves out what is out of stock online, but offers it in the store that has it', () => {
    const online = decide(buyer, { channel: 'web' }).items?.map((i) => i.productId);
    expect(online).not.toContain('p-toaster');
    const inStore = decide(buyer, { channel: 'store', storeId: 's-madrid' }).items?.map((i) => i.productId);
    expect(inStore).toContain('p-toaster');
  });

  it('uses the product on screen as a seed and never recommends it', () => {
    const { items = [] } = decide(fixtureProfiles['new-customer'], { channel: 'web', productId: 'p-espresso' });
    expect(items.map((i) => i.productId).slice(0, 3)).toEqual(['p-grinder', 'p-milk-jug', 'p-beans']);
    expect(items[0]?.reasons[0]).toBe('Goes with the Barista Pro espresso machine you are looking at');
  });

  it('explains what the caller discussed and left in the cart, without the cart\'s own items', () => {
    const { items = [] } = decide(fixtureProfiles['caller-abandoned-cart'], { channel: 'contact_center' });
    expect(items.map((i) => i.productId)).not.toContain('p-espresso');
    // The tea bought in November still comes first: this shop's customers rebuy (repeatPurchases: boost).
    expect(items.slice(0, 2).map((i) => i.productId)).toEqual(['p-sencha', 'p-grinder']);
    expect(items[1]?.reasons[0]).toMatch(/^Goes with the Barista Pro espresso machine (in your cart|we talked about on the phone|you left in your cart)$/);
  });

  it('falls back to popularity in the customer\'s country, then everywhere', () => {
    const profile = { ...fixtureProfiles['new-customer'], country: 'ES' };
    const { items = [] } = decide(profile, { channel: 'web' }, {}, 3);
    expect(items.map((i) => i.productId)).toEqual(['p-earl-grey', 'p-candle', 'p-knife']);
    expect(items[0]?.reasons).toEqual(['Popular in Spain']);
    expect(items[2]?.reasons).toEqual(['One of our best sellers']);
  });

  it('returns nothing when aborted, asked for nothing, or with nothing to go on', () => {
    expect(decide(buyer, { channel: 'web' }, {}, 0)).toEqual({});
    const aborted = decideRecommendations({
      profile: buyer, context: { channel: 'web' }, catalog: fixtureCatalog(), clock: createFrozenClock(FIXTURE_AT), random: createSeededRandom('t'),
      options: recommendationsOptionsSchema.parse({}), signal: AbortSignal.abort(), snapshot: undefined, maxRecommendations: 10, logger: console,
    });
    expect(aborted).toEqual({});
    const empty = decideRecommendations({
      profile: fixtureProfiles['new-customer'], context: { channel: 'web' }, catalog: fixtureCatalog(), clock: createFrozenClock(FIXTURE_AT), random: createSeededRandom('t'),
      options: recommendationsOptionsSchema.parse({}), signal: new AbortController().signal, snapshot: undefined, maxRecommendations: 10, logger: console,
    });
    expect(empty).toEqual({});
  });
});
