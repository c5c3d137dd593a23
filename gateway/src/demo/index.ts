/**
 * The demo retailer that `npm start` loads into the in-memory store: 300 products in 12 categories,
 * 6 stores, 10 offers and 1,000 customers with 180 days of history across web, app, store, contact
 * center and e-mail. Deterministic: the same anchor and seed give the same data.
 */
import type { CustomerEvent, Offer, Product, Store } from '@omnikernel/sdk';
import { createCatalog } from './catalog.ts';
import { createContext } from './context.ts';
import { createCustomers, DEMO_CUSTOMERS } from './customers.ts';
import { featuredHistories } from './featured-histories.ts';
import { generateHistory } from './histories.ts';
import { mergeByTime } from './history-writer.ts';
import { createOffers } from './offers.ts';
import { createStores } from './stores.ts';

export { DEMO_CUSTOMERS } from './customers.ts';
export type { FeaturedCustomer, Segment } from './customers.ts';
export { CATEGORIES, FEATURED_PRODUCTS } from './catalog.ts';
export { OFFER_IDS } from './offers.ts';
export { STORE_IDS } from './stores.ts';

/** The embedded demo's API key: public, documented, and never accepted by a Redis-backed or production start. */
export const DEMO_API_KEY = 'ok_demo_key_public_do_not_use_in_production';

export const DEFAULT_DEMO_SEED = 42;
export const DEFAULT_DEMO_CUSTOMERS = 1000;

export interface DemoDataOptions {
  /** The "now" of the data, in ms: every timestamp is at or before it. Default: now, rounded down to the minute. */
  readonly anchor?: number;
  /** How many customers, the three featured ones included (default 1,000). */
  readonly customers?: number;
  /** Seed of the customers and their histories (default 42). The catalog, stores and offers are fixed. */
  readonly seed?: number;
}

export interface DemoData {
  readonly products: Product[];
  readonly stores: Store[];
  readonly offers: Offer[];
  /** Every customer's events, sorted by `occurredAt` (ties: featured customers first, then by customer number). */
  readonly events: CustomerEvent[];
  readonly featured: typeof DEMO_CUSTOMERS;
}

/** Builds the demo data. Pure for a given anchor and seed. */
export function createDemoData(options: DemoDataOptions = {}): DemoData {
  const anchor = options.anchor ?? Math.floor(Date.now() / 60_000) * 60_000;
  if (!Number.isFinite(anchor)) throw new RangeError(`demo anchor must be a finite number of ms, got ${anchor}`);
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const total = Math.max(0, Math.floor(options.customers ?? DEFAULT_DEMO_CUSTOMERS));

  const products = createCatalog();
  const stores = createStores();
  const offers = createOffers();
  const ctx = createContext(anchor, products, stores);

  const featured = Object.keys(DEMO_CUSTOMERS).length;
  const histories = featuredHistories(ctx).slice(0, total);
  for (const customer of createCustomers(Math.max(0, total - featured), seed, featured + 1)) {
    histories.push(generateHistory(customer, ctx, seed));
  }
  return { products, stores, offers, events: mergeByTime(histories), featured: DEMO_CUSTOMERS };
}
