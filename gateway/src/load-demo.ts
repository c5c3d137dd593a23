import type { CustomerEvent } from '@omnikernel/sdk';
import { StoreUnavailableError, type CustomerStore } from '@omnikernel/store';
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
    const results = await ingestWithRetry(store, batch);
    const applied: { event: CustomerEvent; customerId: string }[] = [];
    results.forEach((r, j) => {
      if (r.status === 'accepted' && r.customerId) applied.push({ event: batch[j] as CustomerEvent, customerId: r.customerId });
    });
    accepted += applied.length;
    observer.events(applied);
  }
  return { products: data.products.length, stores: data.stores.length, offers: data.offers.length, events: data.events.length, accepted };
}

/**
 * Ingestion is idempotent, so a batch the store could not take (a busy or restarting Redis) is
 * simply sent again after a pause: a demo load must not fail a start over a transient timeout.
 */
async function ingestWithRetry(store: CustomerStore, batch: readonly CustomerEvent[], attempts = 8) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.ingest(batch);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(2_000, 100 * 2 ** attempt)));
    }
  }
}
