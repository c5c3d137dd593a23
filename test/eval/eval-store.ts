import type { CustomerEvent, PluginStateWriter, Product, Profile } from '@omnikernel/sdk';
import { createMemoryStore } from '@omnikernel/store';

/** What the evaluation needs from a customer store: the ingestion path and the plugin's state. */
export interface EvalStore {
  readonly kind: string;
  /** Applies one event; returns the customer it was applied to. */
  ingest(event: CustomerEvent): Promise<string>;
  profile(customerId: string): Promise<Profile>;
  /** The plugin's scoped learned state. */
  pluginState(name: string): PluginStateWriter;
  close(): Promise<void>;
}

/**
 * The real in-memory store: training purchases go through its identity resolution and projection,
 * exactly as events posted to the gateway do.
 */
export async function createEvalStore(products: readonly Product[]): Promise<EvalStore> {
  const store = createMemoryStore();
  for (let i = 0; i < products.length; i += 5_000) await store.upsertProducts(products.slice(i, i + 5_000));
  return {
    kind: '@omnikernel/store (memory)',
    async ingest(event) {
      const [result] = await store.ingest([event]);
      if (!result?.customerId) throw new Error(`the store did not apply event ${event.id}: ${JSON.stringify(result)}`);
      return result.customerId;
    },
    async profile(customerId) {
      const profile = await store.getProfile(customerId);
      if (!profile) throw new Error(`no profile for customer ${customerId}`);
      return profile;
    },
    pluginState: (name) => store.pluginState(name),
    close: () => store.close(),
  };
}
