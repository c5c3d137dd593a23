import { createEmptyProfile } from '@omnikernel/sdk';
import type { Affinity, CustomerEvent, LineItem, Product, Profile, PurchaseRecord } from '@omnikernel/sdk';
import { createMemoryPluginState } from '@omnikernel/sdk/testing';
import type { EvalStore } from './eval-store.ts';

const HALF_LIFE_MS = 30 * 86_400_000;
const PURCHASES_KEPT = 50;

/**
 * A stand-in for the store's projection, used only while `@omnikernel/store` has no
 * `createMemoryStore`: customers by `customerId`, purchases (newest 50), order count, lifetime
 * value, country and category affinity (5 per purchase, 30-day half-life), as the store projects them.
 */
export function createMiniStore(products: readonly Product[]): EvalStore {
  const categories = new Map(products.map((p) => [p.id, p.category]));
  const profiles = new Map<string, Profile>();
  const states = new Map<string, ReturnType<typeof createMemoryPluginState>>();
  return {
    kind: 'stand-in projection (no @omnikernel/store createMemoryStore yet)',
    async ingest(event) {
      const customerId = event.identifiers.customerId;
      if (!customerId) throw new Error(`event ${event.id} has no customerId`);
      const before = profiles.get(customerId) ?? createEmptyProfile(customerId, event.occurredAt);
      profiles.set(customerId, event.type === 'purchase' ? applyPurchase(before, event, categories) : before);
      return customerId;
    },
    async profile(customerId) {
      const profile = profiles.get(customerId);
      if (!profile) throw new Error(`no profile for customer ${customerId}`);
      return profile;
    },
    pluginState(name) {
      let state = states.get(name);
      if (!state) states.set(name, (state = createMemoryPluginState()));
      return state;
    },
    async close() {},
  };
}

function applyPurchase(p: Profile, event: CustomerEvent, categories: ReadonlyMap<string, string>): Profile {
  const props = event.properties;
  const items = (props.items as LineItem[] | undefined) ?? [];
  const total = items.reduce((sum, i) => sum + i.quantity * i.price, 0);
  const record: PurchaseRecord = { orderId: String(props.orderId ?? event.id), at: event.occurredAt, channel: event.channel, online: true, items, total, currency: 'GBP' };
  const affinity: Record<string, Affinity> = { ...p.categoryAffinity };
  for (const category of new Set(items.map((i) => categories.get(i.productId)).filter((c) => c !== undefined))) {
    const current = affinity[category];
    const decayed = current ? current.score * 0.5 ** ((Date.parse(event.occurredAt) - Date.parse(current.at)) / HALF_LIFE_MS) : 0;
    affinity[category] = { score: decayed + 5, at: event.occurredAt };
  }
  return {
    ...p,
    version: p.version + 1,
    materialVersion: p.version + 1,
    lastSeen: event.occurredAt,
    eventCount: p.eventCount + 1,
    purchases: [record, ...p.purchases].slice(0, PURCHASES_KEPT),
    orderCount: p.orderCount + 1,
    lifetimeValue: Math.round((p.lifetimeValue + total) * 100) / 100,
    country: typeof props.country === 'string' ? props.country : p.country,
    categoryAffinity: affinity,
  };
}
