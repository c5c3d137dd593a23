import type { CustomerEvent, Offer, Product, Store } from '@omnikernel/sdk';

/** The frozen "now" of channel tests. */
export const TEST_NOW = Date.parse('2026-11-23T12:00:00.000Z');
const ago = (ms: number) => new Date(TEST_NOW - ms).toISOString();
const H = 3_600_000;
const D = 24 * H;

export const testProducts: Product[] = [
  { id: 'p1', name: 'Kettle', category: 'kitchen', price: 29.99, currency: 'EUR', imageUrl: '/img/kettle.jpg', url: '/p/kettle' },
  { id: 'p2', name: 'Mug', category: 'kitchen', price: 7.49, currency: 'EUR', imageUrl: 'https://cdn.example.com/mug.jpg', url: 'https://shop.example.com/p/mug?ref=x' },
  { id: 'p3', name: 'Tea & <Biscuits>', category: 'pantry', price: 12, currency: 'GBP', url: 'javascript:alert(1)' },
  { id: 'p4', name: 'Teapot', category: 'kitchen', price: 45, currency: 'EUR' },
  { id: 'p5', name: 'Toaster', category: 'kitchen', price: 59.5, currency: 'EUR' },
];

export const testStores: Store[] = [{ id: 's1', name: 'Madrid Centro', city: 'Madrid', country: 'ES', lat: 40.4168, lon: -3.7038, timezone: 'Europe/Madrid' }];

export const testOffers: Offer[] = [
  { id: 'o-cart', title: '10 % off your basket', description: 'Today only, on everything in your basket.', value: 10, eligibility: { requiresAbandonedCart: true }, url: '/offers/basket', imageUrl: '/img/basket.jpg' },
  { id: 'o-all', title: 'Free delivery', value: 5 },
  { id: 'o-default', title: 'Welcome to Omni Home', description: 'Free delivery on your first order.', value: 1, isDefault: true, script: 'Welcome! Ask me about free delivery today.', url: '/welcome' },
];

/** Ana: known by e-mail, phone, CRM and loyalty ids, with activity on every channel and an abandoned cart. */
export const ANA = { email: 'ana@example.com', phone: '+34600123456', crmId: 'CRM-001', loyaltyId: 'LOY-42' } as const;
/** Ben: known by e-mail and a UK mobile, nothing else. */
export const BEN = { email: 'ben@example.com', phone: '+447911123456' } as const;

const event = (id: string, type: CustomerEvent['type'], channel: string, at: string, properties: Record<string, unknown>, identifiers: CustomerEvent['identifiers'] = { email: ANA.email }): CustomerEvent => ({
  id,
  type,
  channel,
  occurredAt: at,
  identifiers,
  properties,
});

export const testEvents: CustomerEvent[] = [
  event('ana-1', 'identify', 'web', ago(30 * D), { traits: { firstName: 'Ana', lastName: 'García' }, consent: { marketing: true, email: true, sms: false } }, { ...ANA }),
  event('ana-2', 'page_viewed', 'web', ago(40 * D), { url: '/old' }),
  event('ana-3', 'purchase', 'store', ago(20 * D), { orderId: 'o-100', storeId: 's1', items: [{ productId: 'p2', quantity: 2, price: 7.49 }], currency: 'EUR', total: 14.98 }),
  event('ana-4', 'store_visit', 'store', ago(20 * D), { storeId: 's1' }),
  event('ana-5', 'call', 'contact_center', ago(5 * D), { topics: ['delivery'], outcome: 'resolved' }),
  event('ana-6', 'cart_updated', 'web', ago(3 * D), { items: [{ productId: 'p1', quantity: 1, price: 29.99 }, { productId: 'p4', quantity: 2, price: 45 }] }),
  event('ana-7', 'cart_abandoned', 'web', ago(3 * D - H), {}),
  event('ana-8', 'product_viewed', 'app', ago(1 * D), { productId: 'p2' }),
  event('ana-9', 'product_viewed', 'web', ago(2 * H), { productId: 'p1' }),
  event('ben-1', 'identify', 'web', ago(2 * D), { traits: { firstName: 'Ben' } }, { ...BEN }),
];
