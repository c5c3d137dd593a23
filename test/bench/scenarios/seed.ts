import type { BenchCustomer } from './customers.ts';
import { identifierFor } from './customers.ts';
import { eachLimited, sendOk, sendRetrying } from './http.ts';
import type { CatalogItem } from '../load/plans.ts';

const DAY = 86_400_000;

/** Products of the gateway's catalog (the demo's), for events that name real products and prices. */
export async function fetchProducts(url: string, apiKey: string): Promise<CatalogItem[]> {
  const answer = await sendOk(url, apiKey, 'GET', '/v1/catalog/products');
  const items = (JSON.parse(answer.text) as { items: { id: string; price: number }[] }).items;
  if (items.length === 0) throw new Error('the gateway has no products: is OMNIKERNEL_DEMO=1 loading the demo catalog?');
  return items.map((p) => ({ id: p.id, price: p.price }));
}

/**
 * A short history per customer: an `identify` linking every identifier (with consent and locale),
 * two product views and one purchase, over the last two weeks. Enough for all four plugins to have
 * something to work with (affinity, recently viewed, purchases, locale); more events would only
 * lengthen the seeding, which is already the slowest part of a run.
 */
function historyOf(c: BenchCustomer, i: number, products: readonly CatalogItem[], now: number): unknown[] {
  const at = (daysAgo: number, minutes: number) => new Date(now - daysAgo * DAY + minutes * 60_000).toISOString();
  const p = (k: number) => products[(i * 13 + k * 5) % products.length]!;
  const start = 1 + (i % 14);
  const id = (kind: string) => `seed-${i}-${kind}`;
  return [
    {
      id: id('identify'),
      type: 'identify',
      channel: 'web',
      occurredAt: at(start, 0),
      identifiers: { email: c.email, phone: c.phone, loyaltyId: c.loyaltyId, deviceId: c.deviceId, crmId: c.crmId },
      properties: { traits: { firstName: `Bench${i}`, lastName: 'Customer' }, consent: { marketing: true, email: true, personalization: true, sms: false }, timezone: 'Europe/London', country: 'GB' },
    },
    ...[0, 1].map((k) => ({ id: id(`view${k}`), type: 'product_viewed', channel: 'web', occurredAt: at(start, 5 + k), identifiers: { deviceId: c.deviceId }, properties: { productId: p(k).id } })),
    {
      id: id('purchase'),
      type: 'purchase',
      channel: i % 3 === 0 ? 'store' : 'web',
      occurredAt: at(start, 30),
      identifiers: i % 3 === 0 ? { loyaltyId: c.loyaltyId } : { email: c.email },
      properties: { orderId: `seed-order-${i}`, items: [{ productId: p(1).id, quantity: 1, price: p(1).price }] },
    },
  ];
}

export interface Ingestion {
  readonly events: number;
  readonly seconds: number;
  /** Batches answered 503 and sent again. */
  readonly retries: number;
  /**
   * Events of those batches that the successful retry called duplicates: a 503 promises that
   * nothing of the batch was stored, so any of these means part of it was.
   */
  readonly duplicatesAfter503: number;
}

/** Ingests the customers' histories in batches of 500 (the API's maximum). */
export async function ingestCustomers(url: string, apiKey: string, customers: readonly BenchCustomer[], products: readonly CatalogItem[]): Promise<Ingestion> {
  const now = Date.now();
  const events = customers.flatMap((c, i) => historyOf(c, i, products, now));
  const batches: unknown[][] = [];
  for (let i = 0; i < events.length; i += 500) batches.push(events.slice(i, i + 500));
  const started = performance.now();
  let retries = 0;
  let duplicatesAfter503 = 0;
  await eachLimited(batches, 4, async (batch) => {
    const answer = await sendRetrying(url, apiKey, 'POST', '/v1/events', { events: batch }, () => (retries += 1));
    const counts = JSON.parse(answer.text) as { accepted: number; duplicates: number; rejected: unknown[] };
    if (counts.rejected.length > 0) throw new Error(`seeding: the gateway rejected events: ${JSON.stringify(counts.rejected.slice(0, 3))}`);
    if (answer.attempts > 1) duplicatesAfter503 += counts.duplicates;
  });
  return { events: events.length, seconds: (performance.now() - started) / 1000, retries, duplicatesAfter503 };
}

/**
 * Asks once for every customer's decision, so the measured runs find them computed, stored and
 * cached ("warm"). Uses the same identifiers as the warm scenario; fails when a customer is unknown
 * (the seeding did not link the identifiers). A 5xx is retried (up to 5 times, with a back-off) and
 * counted, with the first answer kept for the report: under load the Redis store has answered 500
 * to a decision request, and one such answer must not cost the whole run.
 */
export interface Prewarm {
  readonly seconds: number;
  readonly retries: number;
  readonly firstError: string | null;
  /** Customers the gateway called unknown although they were ingested (a few are tolerated, and shown). */
  readonly unknown: readonly string[];
}

export async function prewarmDecisions(url: string, apiKey: string, customers: readonly BenchCustomer[]): Promise<Prewarm> {
  const started = performance.now();
  const unknown: string[] = [];
  let retries = 0;
  let firstError: string | null = null;
  await eachLimited(customers, 8, async (c, i) => {
    for (let attempt = 1; ; attempt++) {
      const res = await fetch(`${url}/v1/decisions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ identifiers: identifierFor(c, i), channel: 'web' }),
      });
      const text = await res.text();
      if (res.status === 200) {
        if (res.headers.get('x-omnikernel-customer') === 'unknown') unknown.push(`#${i} ${JSON.stringify(identifierFor(c, i))}`);
        return;
      }
      firstError ??= `${res.status}: ${text.slice(0, 300)}`;
      if (res.status < 500 || attempt === 5) throw new Error(`pre-warming the decision of customer ${i} answered ${res.status}: ${text.slice(0, 300)}`);
      retries += 1;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  });
  // A seeding that did not link identifiers would make every figure meaningless; a handful of
  // customers lost under load is a finding to report, not a reason to measure nothing.
  if (unknown.length > customers.length / 1000) throw new Error(`${unknown.length} of ${customers.length} bench customers are unknown to the gateway after seeding, e.g. ${unknown.slice(0, 3).join(', ')}`);
  return { seconds: (performance.now() - started) / 1000, retries, firstError, unknown };
}
