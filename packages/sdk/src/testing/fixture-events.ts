import { deepFreeze } from '../runtime/deep-freeze.ts';
import type { Channel, Identifiers } from '../types/identifiers.ts';
import type { CustomerEvent, EventType, Outcome } from '../types/events.ts';
import type { FixtureName } from './fixture-profiles.ts';

const event = (id: string, type: EventType, channel: Channel, occurredAt: string, identifiers: Identifiers, properties: Record<string, unknown> = {}): CustomerEvent => ({
  id,
  type,
  channel,
  occurredAt,
  identifiers,
  properties,
});
const line = (productId: string, quantity: number, price: number) => ({ productId, quantity, price });

const web = { customerId: 'c-web' };
const shopper = { loyaltyId: 'L-1001' };
const caller = { phone: '+34600111222' };
const luncher = { deviceId: 'app-lunch-1' };

/**
 * The events each fixture customer's profile was projected from, oldest first, with the
 * property shapes of the built-in event types (`purchase`: `orderId`, `items[]` of
 * `{productId, quantity, price}`, `total`, `currency`, `storeId` for offline ones;
 * `product_viewed`: `productId`; `call`/`chat`: `productIds`, `topics`; `location`: `lat`, `lon`).
 */
export const fixtureEvents: Readonly<Record<FixtureName, readonly CustomerEvent[]>> = deepFreeze({
  'new-customer': [event('e-new-1', 'page_viewed', 'web', '2026-03-18T12:30:00.000Z', { deviceId: 'dev-new' }, { url: '/' })],
  'web-browser': [
    event('e-web-1', 'page_viewed', 'web', '2026-03-10T09:00:00.000Z', web, { url: '/kitchen' }),
    event('e-web-2', 'product_viewed', 'web', '2026-03-10T09:05:00.000Z', web, { productId: 'p-kettle' }),
    event('e-web-3', 'identify', 'web', '2026-03-10T09:06:00.000Z', { ...web, email: 'lucia@example.com' }, { traits: { firstName: 'Lucía' } }),
    event('e-web-4', 'page_viewed', 'web', '2026-03-18T11:38:00.000Z', web, { url: '/coffee' }),
    event('e-web-5', 'product_viewed', 'web', '2026-03-18T11:40:00.000Z', web, { productId: 'p-beans' }),
    event('e-web-6', 'product_viewed', 'web', '2026-03-18T11:45:00.000Z', web, { productId: 'p-grinder' }),
    event('e-web-7', 'product_viewed', 'web', '2026-03-18T11:50:00.000Z', web, { productId: 'p-espresso' }),
  ],
  'store-buyer': [
    event('e-store-1', 'purchase', 'web', '2026-01-10T18:10:00.000Z', shopper, { orderId: 'o-s-1', items: [line('p-beans', 1, 18.5)], total: 18.5, currency: 'EUR' }),
    event('e-store-2', 'store_visit', 'store', '2026-02-14T11:00:00.000Z', shopper, { storeId: 's-madrid' }),
    event('e-store-3', 'purchase', 'store', '2026-02-14T11:30:00.000Z', shopper, { orderId: 'o-s-2', storeId: 's-madrid', items: [line('p-beans', 2, 18.5), line('p-milk-jug', 1, 12)], total: 49, currency: 'EUR' }),
    event('e-store-4', 'store_visit', 'store', '2026-03-07T17:00:00.000Z', shopper, { storeId: 's-madrid' }),
    event('e-store-5', 'purchase', 'store', '2026-03-07T17:20:00.000Z', shopper, { orderId: 'o-s-3', storeId: 's-madrid', items: [line('p-kettle', 1, 39), line('p-mugs', 1, 24)], total: 63, currency: 'EUR' }),
  ],
  'caller-abandoned-cart': [
    event('e-call-1', 'purchase', 'web', '2025-11-02T10:05:00.000Z', caller, { orderId: 'o-c-1', items: [line('p-sencha', 2, 9.9)], total: 19.8, currency: 'EUR' }),
    event('e-call-2', 'product_viewed', 'web', '2026-03-16T18:58:00.000Z', caller, { productId: 'p-grinder' }),
    event('e-call-3', 'product_viewed', 'web', '2026-03-16T19:00:00.000Z', caller, { productId: 'p-espresso' }),
    event('e-call-4', 'cart_updated', 'web', '2026-03-16T19:05:00.000Z', caller, { items: [line('p-espresso', 1, 499)] }),
    event('e-call-5', 'cart_abandoned', 'web', '2026-03-16T19:35:00.000Z', caller, { items: [line('p-espresso', 1, 499)] }),
    event('e-call-6', 'call', 'contact_center', '2026-03-18T12:20:00.000Z', caller, { productIds: ['p-espresso'], topics: ['delivery time'], outcome: 'callback' }),
  ],
  'near-store-at-lunch': [
    event('e-lunch-1', 'store_visit', 'store', '2026-02-01T12:00:00.000Z', luncher, { storeId: 's-madrid' }),
    event('e-lunch-2', 'purchase', 'store', '2026-02-01T12:10:00.000Z', luncher, { orderId: 'o-l-1', storeId: 's-madrid', items: [line('p-beans', 1, 18.5)], total: 18.5, currency: 'EUR' }),
    event('e-lunch-3', 'location', 'app', '2026-03-18T12:25:00.000Z', luncher, { lat: 40.419, lon: -3.702, accuracyM: 20 }),
  ],
});

/** Outcomes of earlier decisions, for plugins that learn from them (one of each kind). */
export const fixtureOutcomes: readonly (Outcome & { customerId: string })[] = deepFreeze([
  { id: 'out-1', type: 'shown', decisionId: 'd-1', channel: 'contact_center', occurredAt: '2026-03-17T10:00:00.000Z', offerId: 'o-cart-rescue', customerId: 'c-caller', segment: 'coffee-lovers' },
  { id: 'out-2', type: 'accepted', decisionId: 'd-1', channel: 'contact_center', occurredAt: '2026-03-17T10:02:00.000Z', offerId: 'o-cart-rescue', customerId: 'c-caller', segment: 'coffee-lovers' },
  { id: 'out-3', type: 'shown', decisionId: 'd-2', channel: 'web', occurredAt: '2026-03-17T11:00:00.000Z', offerId: 'o-coffee-bundle', customerId: 'c-web' },
  { id: 'out-4', type: 'rejected', decisionId: 'd-2', channel: 'web', occurredAt: '2026-03-17T11:01:00.000Z', offerId: 'o-coffee-bundle', customerId: 'c-web' },
  { id: 'out-5', type: 'clicked', decisionId: 'd-3', channel: 'email', occurredAt: '2026-03-17T12:00:00.000Z', productId: 'p-grinder', customerId: 'c-store' },
  { id: 'out-6', type: 'converted', decisionId: 'd-4', channel: 'app', occurredAt: '2026-03-17T13:00:00.000Z', offerId: 'o-lunch-coffee', customerId: 'c-lunch' },
]);
