import type { CatalogView, Offer } from '../types/catalog.ts';
import type { DecisionItem, DecisionOffer } from '../types/decision.ts';
import type { DraftDecision } from '../types/plugin.ts';
import type { ContractFixture } from './contract-types.ts';
import { fixtureEvents } from './fixture-events.ts';
import { FIXTURE_AT, fixtureProfiles } from './fixture-profiles.ts';

/**
 * The five fixture customers in the channel each one typically uses: the new customer and the
 * browser on the web (looking at the espresso machine), the store buyer on a clienteling
 * tablet in Madrid, the caller on the contact center, the luncher in the app with a location.
 *
 * @example
 * runPluginContract(plugin, vitest, { fixtures: defaultFixtures().filter((f) => f.name !== 'new-customer') });
 */
export function defaultFixtures(): readonly ContractFixture[] {
  const at = FIXTURE_AT;
  return [
    { name: 'new-customer', profile: fixtureProfiles['new-customer'], context: { channel: 'web', page: '/' }, at, events: fixtureEvents['new-customer'] },
    { name: 'web-browser', profile: fixtureProfiles['web-browser'], context: { channel: 'web', productId: 'p-espresso', locale: 'es-ES' }, at, events: fixtureEvents['web-browser'] },
    { name: 'store-buyer', profile: fixtureProfiles['store-buyer'], context: { channel: 'store', storeId: 's-madrid' }, at, events: fixtureEvents['store-buyer'] },
    { name: 'caller-abandoned-cart', profile: fixtureProfiles['caller-abandoned-cart'], context: { channel: 'contact_center' }, at, events: fixtureEvents['caller-abandoned-cart'] },
    {
      name: 'near-store-at-lunch',
      profile: fixtureProfiles['near-store-at-lunch'],
      context: { channel: 'app', location: { lat: 40.419, lon: -3.702 }, timezone: 'Europe/Madrid' },
      at,
      events: fixtureEvents['near-store-at-lunch'],
    },
  ];
}

/**
 * The arbitrated decision a `compose` plugin gets for a fixture: the catalog's first two
 * non-default offers and its default offer, and its first four products. The new customer
 * gets an empty decision, so compose plugins are run on one too.
 */
export function fixtureDecision(fixture: ContractFixture, catalog: CatalogView): DraftDecision {
  const empty = fixture.profile.eventCount <= 1;
  const offers = empty ? [] : pickOffers(catalog).map(toDecisionOffer);
  const recommendations = empty ? [] : [...catalog.products()].slice(0, 4).map((p, i): DecisionItem => ({
    productId: p.id,
    name: p.name,
    category: p.category,
    price: p.price,
    currency: p.currency,
    ...(p.imageUrl ? { imageUrl: p.imageUrl } : {}),
    ...(p.url ? { url: p.url } : {}),
    score: 0.9 - i * 0.1,
    source: 'fixture',
    reasons: [`Fixture recommendation ${i + 1}`],
    repeat: i === 0,
  }));
  return {
    decisionId: `d-fixture-${fixture.name}`,
    customerId: fixture.profile.customerId,
    issuedAt: fixture.at,
    validUntil: new Date(Date.parse(fixture.at) + 3_600_000).toISOString(),
    offers,
    nextBestOffer: offers[0] ?? null,
    recommendations,
    degraded: [],
    insights: {},
  };
}

function pickOffers(catalog: CatalogView): Offer[] {
  const all = [...catalog.offers()];
  const fallback = all.find((o) => o.isDefault);
  return [...all.filter((o) => !o.isDefault).slice(0, 2), ...(fallback ? [fallback] : [])];
}

function toDecisionOffer(offer: Offer, index: number): DecisionOffer {
  return {
    offerId: offer.id,
    title: offer.title,
    ...(offer.description ? { description: offer.description } : {}),
    value: offer.value,
    ...(offer.currency ? { currency: offer.currency } : {}),
    score: Math.max(0, offer.value * (0.5 - index * 0.1)),
    source: 'fixture',
    reasons: [`Fixture offer ${index + 1}`],
    ...(offer.script ? { script: offer.script } : {}),
    ...(offer.imageUrl ? { imageUrl: offer.imageUrl } : {}),
    ...(offer.url ? { url: offer.url } : {}),
  };
}
