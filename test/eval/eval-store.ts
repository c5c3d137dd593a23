import type { CustomerEvent, PluginStateWriter, Product, Profile } from '@omnikernel/sdk';
import { createMiniStore } from './mini-store.ts';

/** What the evaluation needs from a customer store: the ingestion path and the plugin's state. */
export interface EvalStore {
  /** `@omnikernel/store (memory)` or the stand-in. */
  readonly kind: string;
  /** Applies one event; returns the customer it was applied to. */
  ingest(event: CustomerEvent): Promise<string>;
  profile(customerId: string): Promise<Profile>;
  /** The plugin's scoped learned state. */
  pluginState(name: string): PluginStateWriter;
  close(): Promise<void>;
}

/** The parts of `@omnikernel/store` used here (kept structural: the package is written concurrently). */
interface StoreModule {
  createMemoryStore?: () => {
    ingest(events: readonly CustomerEvent[]): Promise<readonly { status: string; customerId?: string }[]>;
    getProfile(customerId: string): Promise<Profile | null>;
    upsertProducts(products: readonly Product[]): Promise<number>;
    pluginState(name: string): PluginStateWriter;
    close(): Promise<void>;
  };
}

/**
 * The real in-memory store when `@omnikernel/store` exports `createMemoryStore` (events go through
 * its validation, identity resolution and projection), else a stand-in projection of purchases.
 * `OMNIKERNEL_EVAL_STORE=mini` forces the stand-in.
 */
export async function createEvalStore(products: readonly Product[]): Promise<EvalStore> {
  const mod = process.env.OMNIKERNEL_EVAL_STORE === 'mini' ? {} : await importStore();
  if (typeof mod.createMemoryStore !== 'function') return createMiniStore(products);
  const store = mod.createMemoryStore();
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

async function importStore(): Promise<StoreModule> {
  const specifier = '@omnikernel/store';
  try {
    return (await import(specifier)) as StoreModule;
  } catch {
    return {};
  }
}
