import { describe, expect, it } from 'vitest';
import { contributionSchema } from '../contribution-schema.ts';
import { distanceKm } from '../runtime/geo.ts';
import { defaultFixtures, fixtureDecision } from './default-fixtures.ts';
import { fixtureCatalog } from './fixture-catalog.ts';
import { fixtureEvents } from './fixture-events.ts';
import { FIXTURE_AT, fixtureProfiles } from './fixture-profiles.ts';

describe('fixtures', () => {
  it('happen on a Wednesday at 13:30 in Madrid', () => {
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Madrid', weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(FIXTURE_AT));
    expect(local).toBe('Wed 13:30');
  });

  it('put the luncher about 350 m from the Madrid store', () => {
    const store = fixtureCatalog().store('s-madrid')!;
    const { location } = fixtureProfiles['near-store-at-lunch'];
    expect(distanceKm(location!, store)).toBeGreaterThan(0.3);
    expect(distanceKm(location!, store)).toBeLessThan(0.4);
  });

  it('give each customer the events their purchases came from', () => {
    for (const [name, profile] of Object.entries(fixtureProfiles)) {
      const orders = fixtureEvents[name as keyof typeof fixtureEvents].filter((e) => e.type === 'purchase').map((e) => e.properties.orderId);
      expect(orders.sort()).toEqual(profile.purchases.map((p) => p.orderId).sort());
    }
  });

  it('only mention products of the fixture catalog', () => {
    const catalog = fixtureCatalog();
    for (const profile of Object.values(fixtureProfiles)) {
      const ids = [...profile.purchases.flatMap((p) => p.items.map((i) => i.productId)), ...profile.recentlyViewed.map((v) => v.productId)];
      for (const id of ids) expect(catalog.product(id), id).toBeDefined();
    }
  });

  it('derive a draft decision for compose plugins, empty for the new customer', () => {
    const catalog = fixtureCatalog();
    const [newcomer, browser] = defaultFixtures();
    expect(fixtureDecision(newcomer!, catalog).recommendations).toEqual([]);
    const draft = fixtureDecision(browser!, catalog);
    expect(draft.offers.map((o) => o.offerId)).toEqual(['o-lunch-coffee', 'o-cart-rescue', 'o-welcome']);
    expect(draft.nextBestOffer?.offerId).toBe('o-lunch-coffee');
    expect(draft.recommendations).toHaveLength(4);
    expect(contributionSchema.safeParse({}).success).toBe(true);
  });
});
