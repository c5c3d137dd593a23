import { benchCustomers, identifierFor, type BenchCustomer } from '../scenarios/customers.ts';

/**
 * What a load run sends, described as data so it can cross into the load-generator process:
 * the bench customers are regenerated there from their count (they are deterministic).
 */
export type PlanSpec =
  /** Customers `from` up to (not including) `to` when given: a one-shot run takes a fresh slice. */
  | { readonly kind: 'decisions'; readonly customers: number; readonly from?: number; readonly to?: number }
  /** `offset`: address customers offset… instead of 0… (the probe uses devices nobody seeded). */
  | { readonly kind: 'events'; readonly customers: number; readonly products: readonly CatalogItem[]; readonly tag: string; readonly batchSize: number; readonly offset?: number }
  | { readonly kind: 'screen-pop'; readonly customers: number }
  | { readonly kind: 'email'; readonly customers: number };

export interface CatalogItem {
  readonly id: string;
  readonly price: number;
}

export interface PlannedRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: string;
}

export interface Plan {
  /** Distinct requests when they can be built ahead (one per customer); null: unbounded, built on demand. */
  readonly size: number | null;
  /** The n-th request (n counts from 0 over the whole run). */
  at(n: number): PlannedRequest;
}

/** Builds a plan. Fixed plans are rendered once, so the load generator spends its core on sending. */
export function buildPlan(spec: PlanSpec): Plan {
  const customers = benchCustomers(spec.customers);
  switch (spec.kind) {
    case 'decisions': {
      const from = spec.from ?? 0;
      return fixed(customers.slice(from, spec.to ?? customers.length).map((c, j) => ({ method: 'POST', path: '/v1/decisions', body: JSON.stringify({ identifiers: identifierFor(c, from + j), channel: 'web' }) })));
    }
    case 'screen-pop':
      return fixed(customers.map((c) => ({ method: 'GET', path: `/v1/channels/contact-center/screen-pop?phone=${encodeURIComponent(c.phone)}&format=json` })));
    case 'email':
      return fixed(customers.map((c) => ({ method: 'GET', path: `/v1/channels/email/content?email=${encodeURIComponent(c.email)}&format=html` })));
    case 'events':
      return eventBatches(spec.offset ? benchCustomers(spec.offset + spec.customers).slice(spec.offset) : customers, spec);
  }
}

function fixed(requests: PlannedRequest[]): Plan {
  return { size: requests.length, at: (n) => requests[n % requests.length]! };
}

/**
 * Batches of `batchSize` events with ids unique to this run (`tag`): a repeated id would be a
 * duplicate, which the store skips and which would flatter the figure. The mix is what web and
 * back-office traffic looks like: mostly views (page, product) from the device id, one in ten a
 * purchase (material: it also invalidates the customer's decision, as in production).
 */
function eventBatches(customers: readonly BenchCustomer[], spec: Extract<PlanSpec, { kind: 'events' }>): Plan {
  const { products, tag, batchSize } = spec;
  return {
    size: null,
    at(n) {
      const occurredAt = new Date().toISOString();
      const events = Array.from({ length: batchSize }, (_, j) => {
        const k = n * batchSize + j;
        const customer = customers[k % customers.length]!;
        const product = products[(k * 7) % products.length]!;
        const id = `bench-${tag}-${k}`;
        const base = { id, channel: 'web', occurredAt, identifiers: { deviceId: customer.deviceId } };
        if (k % 10 === 9) return { ...base, type: 'purchase', properties: { orderId: `o-${id}`, items: [{ productId: product.id, quantity: 1, price: product.price }] } };
        if (k % 2 === 0) return { ...base, type: 'product_viewed', properties: { productId: product.id } };
        return { ...base, type: 'page_viewed', properties: { url: `https://shop.example.com/p/${product.id}` } };
      });
      return { method: 'POST', path: '/v1/events', body: JSON.stringify({ events }) };
    },
  };
}
