import type { AnyPlugin, CatalogView, CustomerEvent, Logger, StateSnapshot } from '@omnikernel/sdk';
import { countryCode } from './countries.ts';
import type { EvalStore } from './eval-store.ts';
import type { Invoice } from './protocol.ts';

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** A training invoice as the `purchase` event a web shop would post (channel web, one per invoice). */
export function purchaseEvent(invoice: Invoice): CustomerEvent {
  const country = countryCode(invoice.country);
  const items = invoice.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, price: l.price }));
  const total = Math.round(items.reduce((sum, i) => sum + i.quantity * i.price, 0) * 100) / 100;
  return {
    id: `inv-${invoice.id}`,
    type: 'purchase',
    channel: 'web',
    occurredAt: `${invoice.at.replace(' ', 'T')}Z`,
    identifiers: { customerId: invoice.customerId },
    properties: { orderId: invoice.id, items, total, currency: 'GBP', ...(country ? { country } : {}) },
  };
}

/**
 * Replays the training invoices through the store's ingestion, calling the plugin's `observe`
 * after each event with the profile as it then is (as the kernel does), then builds the snapshot.
 */
export async function train(plugin: AnyPlugin, invoices: readonly Invoice[], store: EvalStore, catalog: CatalogView, options: unknown): Promise<StateSnapshot<unknown>> {
  const state = store.pluginState(plugin.name);
  for (const invoice of invoices) {
    const event = purchaseEvent(invoice);
    const customerId = await store.ingest(event);
    const profile = await store.profile(customerId);
    await plugin.observe?.({ kind: 'event', event, customerId, profile }, { state, catalog, options, logger: quiet });
  }
  const data = plugin.snapshot ? await plugin.snapshot.build({ state, catalog, options }) : undefined;
  return { version: 'eval-1', data };
}

export { quiet };
