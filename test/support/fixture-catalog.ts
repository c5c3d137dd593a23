import type { Offer, Product, Store } from '@omnikernel/sdk';

/** A small catalog the end-to-end tests load through the API. */
export const fixtureProducts: Product[] = [
  { id: 'kettle', name: 'Copper Kettle 1.7 L', category: 'kettles', price: 39.99, currency: 'EUR', stock: { online: 25, stores: { madrid: 4 } } },
  { id: 'teapot', name: 'Stoneware Teapot', category: 'tableware', price: 24.49, currency: 'EUR', stock: { online: 12 } },
  { id: 'mugs', name: 'Set of 4 Mugs', category: 'tableware', price: 19.99, currency: 'EUR' },
  { id: 'espresso', name: 'Barista Pro Espresso Machine', category: 'coffee machines', price: 349, currency: 'EUR', stock: { online: 5 } },
  { id: 'grinder', name: 'Burr Coffee Grinder', category: 'coffee machines', price: 89.99, currency: 'EUR' },
  { id: 'beans', name: 'House Espresso Beans 1 kg', category: 'coffee', price: 21.5, currency: 'EUR' },
];

export const fixtureStores: Store[] = [
  {
    id: 'madrid',
    name: 'Madrid Gran Vía',
    city: 'Madrid',
    country: 'ES',
    lat: 40.4203,
    lon: -3.7058,
    timezone: 'Europe/Madrid',
    openingHours: { mon: [{ open: '10:00', close: '21:00' }], tue: [{ open: '10:00', close: '21:00' }], wed: [{ open: '10:00', close: '21:00' }], thu: [{ open: '10:00', close: '21:00' }], fri: [{ open: '10:00', close: '21:00' }], sat: [{ open: '10:00', close: '21:00' }] },
  },
];

export const fixtureOffers: Offer[] = [
  {
    id: 'cart-10',
    title: '10 % off what you left in your cart',
    value: 30,
    currency: 'EUR',
    eligibility: { requiresAbandonedCart: true },
    script: 'Hi {firstName}, I can take 10 % off the {product} today.',
    contactPolicy: { suppressDaysAfterReject: 30 },
  },
  { id: 'free-delivery', title: 'Free delivery this week', value: 5, currency: 'EUR' },
  {
    id: 'lunch-coffee',
    title: 'Lunch break: 15 % off coffee in store',
    value: 8,
    currency: 'EUR',
    eligibility: { storeIds: ['madrid'], radiusKm: 1, timeWindows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '12:00', end: '15:00', label: 'lunch' }] },
  },
  { id: 'welcome', title: 'Welcome to our shop', value: 1, currency: 'EUR', isDefault: true },
];

/** Loads the fixture catalog through the public API. */
export async function loadFixtureCatalog(url: string, key: string): Promise<void> {
  for (const [kind, items] of [['products', fixtureProducts], ['stores', fixtureStores], ['offers', fixtureOffers]] as const) {
    const res = await fetch(`${url}/v1/catalog/${kind}`, { method: 'PUT', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(items) });
    if (res.status !== 200) throw new Error(`catalog ${kind}: ${res.status} ${await res.text()}`);
  }
}

export const E2E_KEY = 'e2e-admin-key-0123456789abcdef-xyz';
export const E2E_KEYS_ENV = JSON.stringify([{ key: E2E_KEY, scopes: ['admin'] }]);
