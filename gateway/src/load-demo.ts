import type { CustomerEvent } from '@omnikernel/sdk';
import type { CustomerStore } from '@omnikernel/store';
import { createDemoData } from './demo/index.ts';
import type { Observer } from './observer.ts';

/**
 * Loads the demo retailer into a store: catalog upserts and event ingestion, both idempotent, so
 * several instances may do it at once. Accepted events are fed to the learning plugins.
 */
export async function loadDemo(store: CustomerStore, observer: Observer, options: { anchor: number }): Promise<{ products: number; stores: number; offers: number; events: number; accepted: number }> {
  const data = createDemoData({ anchor: options.anchor });
  await store.upsertProducts(data.products);
  await store.upsertStores(data.stores);
  await store.upsertOffers(data.offers);
  let accepted = 0;
  for (let i = 0; i < data.events.length; i += 500) {
    const batch = data.events.slice(i, i + 500);
    const results = await store.ingest(batch);
    const applied: { event: CustomerEvent; customerId: string }[] = [];
    results.forEach((r, j) => {
      if (r.status === 'accepted' && r.customerId) applied.push({ event: batch[j] as CustomerEvent, customerId: r.customerId });
    });
    accepted += applied.length;
    observer.events(applied);
  }
  return { products: data.products.length, stores: data.stores.length, offers: data.offers.length, events: data.events.length, accepted };
}
