import { deepFreeze } from '../runtime/deep-freeze.ts';
import type { CatalogView, Offer, Product, Store } from '../types/catalog.ts';
import { createCatalogView } from './create-catalog-view.ts';

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

/** Products in four categories; some stock-tracked (one out of stock online), some not. */
export const fixtureProducts: readonly Product[] = deepFreeze<readonly Product[]>([
  { id: 'p-espresso', name: 'Barista Pro espresso machine', category: 'coffee', price: 499, currency: 'EUR', imageUrl: 'https://cdn.example.com/p/espresso.jpg', url: 'https://shop.example.com/p/espresso', stock: { online: 4, stores: { 's-madrid': 2, 's-barcelona': 0, 's-london': 1 } } },
  { id: 'p-grinder', name: 'Burr coffee grinder', category: 'coffee', price: 89, currency: 'EUR', imageUrl: '/images/grinder.jpg', stock: { online: 12, stores: { 's-madrid': 4 } } },
  { id: 'p-beans', name: 'House blend coffee beans 1 kg', category: 'coffee', price: 18.5, currency: 'EUR' },
  { id: 'p-milk-jug', name: 'Milk frothing jug', category: 'coffee', price: 12, currency: 'EUR' },
  { id: 'p-kettle', name: 'Gooseneck kettle', category: 'kitchen', price: 39, currency: 'EUR', imageUrl: '/images/kettle.jpg', stock: { online: 10, stores: { 's-madrid': 3, 's-barcelona': 2 } } },
  { id: 'p-toaster', name: 'Two-slice toaster', category: 'kitchen', price: 45, currency: 'EUR', stock: { online: 0, stores: { 's-madrid': 5 } } },
  { id: 'p-knife', name: "Chef's knife", category: 'kitchen', price: 65, currency: 'EUR' },
  { id: 'p-sencha', name: 'Sencha green tea', category: 'tea', price: 9.9, currency: 'EUR' },
  { id: 'p-teapot', name: 'Cast iron teapot', category: 'tea', price: 35, currency: 'EUR' },
  { id: 'p-earl-grey', name: 'Earl Grey tea', category: 'tea', price: 6.5, currency: 'GBP' },
  { id: 'p-mugs', name: 'Stoneware mug set', category: 'home', price: 24, currency: 'EUR' },
  { id: 'p-candle', name: 'Scented candle <Fig & Cedar>', category: 'home', price: 15, currency: 'EUR', imageUrl: '/images/candle.jpg' },
]);

/** Three stores in two timezones; Barcelona closes for lunch on Saturdays, London opens every day. */
export const fixtureStores: readonly Store[] = deepFreeze<readonly Store[]>([
  {
    id: 's-madrid', name: 'Madrid Gran Vía', city: 'Madrid', country: 'ES', lat: 40.4203, lon: -3.7058, timezone: 'Europe/Madrid',
    openingHours: { ...Object.fromEntries(weekdays.map((d) => [d, [{ open: '10:00', close: '21:00' }]])), sat: [{ open: '10:00', close: '21:00' }], sun: [{ open: '11:00', close: '20:00' }] },
  },
  {
    id: 's-barcelona', name: 'Barcelona Passeig de Gràcia', city: 'Barcelona', country: 'ES', lat: 41.3925, lon: 2.165, timezone: 'Europe/Madrid',
    openingHours: { ...Object.fromEntries(weekdays.map((d) => [d, [{ open: '10:00', close: '21:00' }]])), sat: [{ open: '10:00', close: '14:00' }, { open: '16:00', close: '21:00' }] },
  },
  {
    id: 's-london', name: 'London Oxford Street', city: 'London', country: 'GB', lat: 51.5152, lon: -0.1419, timezone: 'Europe/London',
    openingHours: Object.fromEntries((['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((d) => [d, [{ open: '09:00', close: '22:00' }]])),
  },
]);

/** Offers exercising every eligibility rule, plus a default one. */
export const fixtureOffers: readonly Offer[] = deepFreeze<readonly Offer[]>([
  {
    id: 'o-lunch-coffee', title: 'Two-for-one coffee at lunch', value: 4, currency: 'EUR', channels: ['app', 'web', 'store'],
    eligibility: { storeIds: ['s-madrid', 's-barcelona'], radiusKm: 1, timeWindows: [{ days: weekdays, start: '13:00', end: '16:00', label: 'lunch' }], whileStoreOpen: true },
  },
  {
    id: 'o-cart-rescue', title: '10% off the items in your cart', value: 50, currency: 'EUR', weight: 1.2,
    eligibility: { requiresAbandonedCart: true, consent: ['marketing'] },
    script: 'Hi {firstName}, I can see you {reason}. I can take 10% off the {product} if you order on this call today.',
    contactPolicy: { maxShows: 3, perDays: 7, suppressDaysAfterReject: 14 },
  },
  {
    id: 'o-coffee-bundle', title: 'A free grinder with your espresso machine', value: 89, currency: 'EUR',
    eligibility: { categories: ['coffee'], productIds: ['p-grinder'], countries: ['ES', 'GB'] },
    script: '{firstName}, since you {reason}, the {product} comes with a free burr grinder this month.',
  },
  {
    id: 'o-night-owl', title: 'Free delivery for night owls', value: 5, currency: 'EUR', channels: ['web', 'app'],
    eligibility: { timeWindows: [{ start: '22:00', end: '02:00', label: 'late night' }] },
  },
  {
    id: 'o-london-tea', title: 'Tea tasting at Oxford Street', value: 10, currency: 'GBP',
    eligibility: { countries: ['GB'], segments: ['tea-lovers'], storeIds: ['s-london'], radiusKm: 5 },
  },
  { id: 'o-expired', title: 'Winter sale', value: 20, currency: 'EUR', validUntil: '2025-12-31T23:00:00Z' },
  {
    id: 'o-welcome', title: '€5 off your first order', value: 5, currency: 'EUR', isDefault: true,
    script: 'Welcome {firstName}! New customers get €5 off their first order.',
  },
]);

/**
 * A small catalog (12 products, 3 stores, 7 offers) the contract kit decides against.
 * Plugin tests may reuse it; each call returns a fresh view.
 *
 * @example
 * const catalog = fixtureCatalog();
 * catalog.store('s-madrid')?.timezone; // 'Europe/Madrid'
 */
export function fixtureCatalog(version = 1): CatalogView {
  return createCatalogView({ products: fixtureProducts, stores: fixtureStores, offers: fixtureOffers, version });
}
