import { deepFreeze } from '../runtime/deep-freeze.ts';
import { createEmptyProfile } from '../runtime/empty-profile.ts';
import type { Profile } from '../types/profile.ts';

/**
 * The instant the fixtures describe: Wednesday 18 March 2026, 13:30 in Madrid (CET, UTC+1),
 * lunch time for the Madrid store.
 */
export const FIXTURE_AT = '2026-03-18T12:30:00.000Z';

/** The names of the fixture customers. */
export type FixtureName = 'new-customer' | 'web-browser' | 'store-buyer' | 'caller-abandoned-cart' | 'near-store-at-lunch';

const base = (customerId: string, firstSeen: string): Profile => ({ ...createEmptyProfile(customerId, firstSeen), lastSeen: FIXTURE_AT });

const newCustomer: Profile = {
  ...base('c-new', FIXTURE_AT),
  version: 1,
  materialVersion: 1,
  identifiers: { customerId: ['c-new'], deviceId: ['dev-new'] },
  eventCount: 1,
  channelCounts: { web: 1 },
  typeCounts: { page_viewed: 1 },
  visits: [{ at: FIXTURE_AT, channel: 'web' }],
  recentEvents: [{ id: 'e-new-1', type: 'page_viewed', channel: 'web', at: FIXTURE_AT }],
};

const webBrowser: Profile = {
  ...base('c-web', '2026-03-10T09:00:00.000Z'),
  version: 7,
  materialVersion: 3,
  identifiers: { customerId: ['c-web'], email: ['lucia@example.com'], deviceId: ['dev-web-1'] },
  consent: { personalization: true, marketing: true, email: true },
  eventCount: 7,
  channelCounts: { web: 7 },
  typeCounts: { page_viewed: 2, product_viewed: 4, identify: 1 },
  visits: [{ at: '2026-03-18T11:38:00.000Z', channel: 'web' }, { at: '2026-03-10T09:00:00.000Z', channel: 'web' }],
  recentlyViewed: [
    { productId: 'p-espresso', at: '2026-03-18T11:50:00.000Z', channel: 'web' },
    { productId: 'p-grinder', at: '2026-03-18T11:45:00.000Z', channel: 'web' },
    { productId: 'p-beans', at: '2026-03-18T11:40:00.000Z', channel: 'web' },
    { productId: 'p-kettle', at: '2026-03-10T09:05:00.000Z', channel: 'web' },
  ],
  categoryAffinity: { coffee: { score: 2.4, at: '2026-03-18T11:50:00.000Z' }, kitchen: { score: 0.5, at: '2026-03-10T09:05:00.000Z' } },
  timezone: 'Europe/Madrid',
  country: 'ES',
  traits: { firstName: 'Lucía' },
  recentEvents: [
    { id: 'e-web-7', type: 'product_viewed', channel: 'web', at: '2026-03-18T11:50:00.000Z' },
    { id: 'e-web-6', type: 'product_viewed', channel: 'web', at: '2026-03-18T11:45:00.000Z' },
  ],
};

const storeBuyer: Profile = {
  ...base('c-store', '2026-01-10T18:00:00.000Z'),
  version: 9,
  materialVersion: 9,
  identifiers: { customerId: ['c-store'], loyaltyId: ['L-1001'], email: ['marta@example.com'] },
  consent: { personalization: true, marketing: false },
  eventCount: 6,
  channelCounts: { store: 5, web: 1 },
  typeCounts: { purchase: 3, store_visit: 3 },
  visits: [
    { at: '2026-03-07T17:00:00.000Z', channel: 'store', storeId: 's-madrid' },
    { at: '2026-02-14T11:00:00.000Z', channel: 'store', storeId: 's-madrid' },
    { at: '2026-01-10T18:00:00.000Z', channel: 'web' },
  ],
  purchases: [
    { orderId: 'o-s-3', at: '2026-03-07T17:20:00.000Z', channel: 'store', storeId: 's-madrid', online: false, currency: 'EUR', total: 63, items: [{ productId: 'p-kettle', quantity: 1, price: 39 }, { productId: 'p-mugs', quantity: 1, price: 24 }] },
    { orderId: 'o-s-2', at: '2026-02-14T11:30:00.000Z', channel: 'store', storeId: 's-madrid', online: false, currency: 'EUR', total: 49, items: [{ productId: 'p-beans', quantity: 2, price: 18.5 }, { productId: 'p-milk-jug', quantity: 1, price: 12 }] },
    { orderId: 'o-s-1', at: '2026-01-10T18:10:00.000Z', channel: 'web', online: true, currency: 'EUR', total: 18.5, items: [{ productId: 'p-beans', quantity: 1, price: 18.5 }] },
  ],
  categoryAffinity: { coffee: { score: 1.6, at: '2026-02-14T11:30:00.000Z' }, kitchen: { score: 1.2, at: '2026-03-07T17:20:00.000Z' }, home: { score: 0.8, at: '2026-03-07T17:20:00.000Z' } },
  lastStoreId: 's-madrid',
  timezone: 'Europe/Madrid',
  country: 'ES',
  lifetimeValue: 130.5,
  orderCount: 3,
  segments: ['loyalty-gold'],
  traits: { firstName: 'Marta' },
};

const caller: Profile = {
  ...base('c-caller', '2025-11-02T10:00:00.000Z'),
  version: 12,
  materialVersion: 10,
  identifiers: { customerId: ['c-caller'], phone: ['+34600111222'], email: ['ana@example.com'], crmId: ['CRM-77'] },
  consent: { personalization: true, marketing: true, email: true },
  eventCount: 9,
  channelCounts: { web: 7, contact_center: 1, email: 1 },
  typeCounts: { purchase: 1, product_viewed: 2, cart_updated: 1, cart_abandoned: 1, call: 1, page_viewed: 2, email_opened: 1 },
  visits: [
    { at: '2026-03-18T12:20:00.000Z', channel: 'contact_center' },
    { at: '2026-03-16T18:55:00.000Z', channel: 'web' },
    { at: '2026-03-12T08:00:00.000Z', channel: 'web' },
  ],
  recentlyViewed: [
    { productId: 'p-espresso', at: '2026-03-16T19:00:00.000Z', channel: 'web' },
    { productId: 'p-grinder', at: '2026-03-16T18:58:00.000Z', channel: 'web' },
  ],
  purchases: [
    { orderId: 'o-c-1', at: '2025-11-02T10:05:00.000Z', channel: 'web', online: true, currency: 'EUR', total: 19.8, items: [{ productId: 'p-sencha', quantity: 2, price: 9.9 }] },
  ],
  conversations: [
    { type: 'call', at: '2026-03-18T12:20:00.000Z', channel: 'contact_center', productIds: ['p-espresso'], topics: ['delivery time'], outcome: 'callback' },
  ],
  cart: { items: [{ productId: 'p-espresso', quantity: 1, price: 499 }], updatedAt: '2026-03-16T19:05:00.000Z', channel: 'web' },
  abandonedCart: { items: [{ productId: 'p-espresso', quantity: 1, price: 499 }], updatedAt: '2026-03-16T19:05:00.000Z', channel: 'web', abandonedAt: '2026-03-16T19:35:00.000Z' },
  categoryAffinity: { coffee: { score: 3.1, at: '2026-03-18T12:20:00.000Z' }, tea: { score: 0.4, at: '2025-11-02T10:05:00.000Z' } },
  timezone: 'Europe/Madrid',
  country: 'ES',
  lifetimeValue: 19.8,
  orderCount: 1,
  emailOpens: 1,
  segments: ['coffee-lovers'],
  traits: { firstName: 'Ana', lastName: 'García' },
};

const nearStoreAtLunch: Profile = {
  ...base('c-lunch', '2026-02-01T12:00:00.000Z'),
  version: 5,
  materialVersion: 5,
  identifiers: { customerId: ['c-lunch'], deviceId: ['app-lunch-1'] },
  consent: { personalization: true, marketing: true },
  eventCount: 4,
  channelCounts: { app: 3, store: 1 },
  typeCounts: { location: 2, purchase: 1, store_visit: 1 },
  visits: [{ at: '2026-03-18T12:25:00.000Z', channel: 'app' }, { at: '2026-02-01T12:00:00.000Z', channel: 'store', storeId: 's-madrid' }],
  purchases: [
    { orderId: 'o-l-1', at: '2026-02-01T12:10:00.000Z', channel: 'store', storeId: 's-madrid', online: false, currency: 'EUR', total: 18.5, items: [{ productId: 'p-beans', quantity: 1, price: 18.5 }] },
  ],
  categoryAffinity: { coffee: { score: 0.9, at: '2026-02-01T12:10:00.000Z' } },
  // About 350 m east-south-east of the Madrid Gran Vía store.
  location: { lat: 40.419, lon: -3.702, at: '2026-03-18T12:25:00.000Z', accuracyM: 20 },
  lastStoreId: 's-madrid',
  timezone: 'Europe/Madrid',
  country: 'ES',
  lifetimeValue: 18.5,
  orderCount: 1,
};

/**
 * Five customers the contract kit decides for: a new customer, a web browser with views,
 * a store buyer with offline purchases, a caller with an abandoned cart and a call, and a
 * customer next to a store at lunch time. Deep-frozen; spread one to vary it.
 *
 * @example
 * const profile = { ...fixtureProfiles['store-buyer'], country: 'FR' };
 */
export const fixtureProfiles: Readonly<Record<FixtureName, Profile>> = deepFreeze({
  'new-customer': newCustomer,
  'web-browser': webBrowser,
  'store-buyer': storeBuyer,
  'caller-abandoned-cart': caller,
  'near-store-at-lunch': nearStoreAtLunch,
});
