import { createEmptyProfile, definePlugin, type CatalogView, type Offer, type Product, type Profile } from '@omnikernel/sdk';
import { z } from 'zod';

/** A tiny catalog for the kernel's own tests. */
export function tinyCatalog(version = 1): CatalogView {
  const products: Product[] = [
    { id: 'p1', name: 'Kettle', category: 'kitchen', price: 29.99, currency: 'EUR' },
    { id: 'p2', name: 'Mug', category: 'kitchen', price: 7.49, currency: 'EUR', stock: { online: 10 } },
    { id: 'p3', name: 'Sold-out lamp', category: 'home', price: 49, currency: 'EUR', stock: { online: 0, stores: { s1: 0 } } },
  ];
  const offers: Offer[] = [
    { id: 'o-cart', title: '10 % off your cart', value: 10, eligibility: { requiresAbandonedCart: true } },
    { id: 'o-all', title: 'Free delivery', value: 5 },
    { id: 'o-default', title: 'Welcome', value: 1, isDefault: true },
  ];
  return {
    version,
    product: (id) => products.find((p) => p.id === id),
    products: () => products,
    productsInCategory: (c) => products.filter((p) => p.category === c),
    store: () => undefined,
    stores: () => [],
    offer: (id) => offers.find((o) => o.id === id),
    offers: () => offers,
  };
}

export function profileFixture(overrides: Partial<Profile> = {}): Profile {
  return { ...createEmptyProfile('c-1', '2026-11-01T10:00:00.000Z'), version: 3, materialVersion: 2, ...overrides };
}

/** A well-behaved plugin that proposes fixed candidates. */
export const steadyPlugin = definePlugin({
  name: 'steady',
  version: '1.0.0',
  apiVersion: 1,
  stage: 'propose',
  options: z.object({ boost: z.number().min(0).max(1).default(0.5) }),
  decide: ({ options, random }) => ({
    offers: [{ offerId: 'o-all', score: options.boost, reasons: ['Always'] }],
    items: [
      { productId: 'p1', score: 0.9, reasons: ['Popular'] },
      { productId: 'p2', score: Math.round(random.next() * 100) / 100, reasons: ['Random but seeded'] },
      { productId: 'p3', score: 0.8, reasons: ['Out of stock'] },
    ],
  }),
});

export const throwingPlugin = definePlugin({
  name: 'thrower',
  version: '1.0.0',
  apiVersion: 1,
  stage: 'propose',
  decide: () => {
    throw new Error('database on fire');
  },
});

export const hangingPlugin = definePlugin({
  name: 'sleeper',
  version: '1.0.0',
  apiVersion: 1,
  stage: 'propose',
  timeoutMs: 30,
  decide: () => new Promise(() => {}),
});
