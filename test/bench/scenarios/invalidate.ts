import type { CatalogItem } from '../load/plans.ts';
import type { BenchCustomer } from './customers.ts';
import { eachLimited, sendRetrying } from './http.ts';

/**
 * Makes the current decision of customers `from`…`to` stale before a "recomputed" run: a `cart_updated` is a
 * material change (ADR 0009), so the next decision request for that customer reads the profile
 * (from Redis on the Redis store: the change notice evicted the cached copy), runs all four plugins
 * and stores a new decision. Runs then ask for each of them at most once, and the gateway's own
 * counter (`omnikernel_decisions_total{result="computed"}`) confirms how many were recomputed.
 * `round` makes the ids unique, so no event is a duplicate.
 */
// Every call changes the cart (another quantity and product): a cart_updated that leaves the cart as
// it was need not be material, and would leave the decision current.
let generation = 0;

export async function invalidateDecisions(url: string, apiKey: string, customers: readonly BenchCustomer[], products: readonly CatalogItem[], round: string, from = 0, to = customers.length): Promise<void> {
  const occurredAt = new Date().toISOString();
  generation += 1;
  const events = customers.slice(from, to).map((c, j) => {
    const i = from + j;
    const product = products[(i * 11 + generation) % products.length]!;
    return {
      id: `bench-cart-${round}-${i}`,
      type: 'cart_updated',
      channel: 'web',
      occurredAt,
      identifiers: { deviceId: c.deviceId },
      properties: { items: [{ productId: product.id, quantity: 1 + (generation % 5), price: product.price }] },
    };
  });
  const batches: unknown[][] = [];
  for (let i = 0; i < events.length; i += 500) batches.push(events.slice(i, i + 500));
  await eachLimited(batches, 4, async (batch) => {
    await sendRetrying(url, apiKey, 'POST', '/v1/events', { events: batch }, () => undefined);
  });
}
