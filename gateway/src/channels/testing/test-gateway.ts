import type { OpenAPIHono } from '@hono/zod-openapi';
import { createKernel, DecisionService, silentLogger, type PluginEntry } from '@omnikernel/kernel';
import { createMemoryStore, type CustomerStore } from '@omnikernel/store';
import { createApp } from '../../app.ts';
import { ApiKeyRing } from '../../auth/api-keys.ts';
import { TokenSigner } from '../../auth/signed-token.ts';
import { settingsSchema } from '../../config/settings.ts';
import type { GatewayDeps, GatewayEnv } from '../../deps.ts';
import { createMetrics } from '../../metrics.ts';
import { Observer } from '../../observer.ts';
import { TEST_NOW, testEvents, testOffers, testProducts, testStores } from './test-data.ts';
import { testOffersPlugin } from './test-plugins.ts';

export const TEST_KEY = 'test-key-decisions-read-0001';
export const TEST_KEY_NO_SCOPE = 'test-key-events-write-only-01';

export interface TestGatewayOptions {
  /** Default: the test-offers plugin only. */
  readonly plugins?: readonly PluginEntry[];
  /** Wraps the memory store (to inject faults). */
  readonly wrapStore?: (store: CustomerStore) => CustomerStore;
  /** Settings input (parsed with the gateway's schema). */
  readonly settings?: Record<string, unknown>;
  readonly maxRecommendations?: number;
  /** Load the test catalog and customers (default true). */
  readonly seed?: boolean;
}

export interface TestGateway {
  readonly app: OpenAPIHono<GatewayEnv>;
  readonly deps: GatewayDeps;
  /** `Authorization` header with a `decisions:read` key. */
  readonly auth: { readonly authorization: string };
  readonly now: number;
}

/**
 * A gateway on the in-memory store with a frozen clock, the test catalog, Ana and Ben, and the
 * test-offers plugin: what the channel tests build their app from (through `app.request()`).
 */
export async function createTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const now = () => TEST_NOW;
  const settings = settingsSchema.parse({ logLevel: 'silent', ...options.settings });
  const memory = createMemoryStore({ now, defaultRegion: settings.defaultRegion });
  if (options.seed !== false) {
    await memory.upsertProducts(testProducts);
    await memory.upsertStores(testStores);
    await memory.upsertOffers(testOffers);
    await memory.ingest(testEvents);
  }
  const store = options.wrapStore ? options.wrapStore(memory) : memory;
  const kernel = createKernel({
    plugins: options.plugins ?? [testOffersPlugin],
    logger: silentLogger,
    maxRecommendations: options.maxRecommendations ?? settings.maxRecommendations,
    stateFor: (name) => memory.pluginState(name),
    catalog: () => memory.catalog(),
  });
  await kernel.start();
  const decisions = new DecisionService({ store, kernel, now, minAgeMs: settings.decisionMinAgeMs });
  const deps: GatewayDeps = {
    settings,
    store,
    kernel,
    decisions,
    keys: new ApiKeyRing([
      { key: TEST_KEY, scopes: ['decisions:read'] },
      { key: TEST_KEY_NO_SCOPE, scopes: ['events:write'] },
    ]),
    signer: new TokenSigner('a-test-signing-secret-of-at-least-32-chars', now),
    logger: silentLogger,
    metrics: createMetrics({ defaultMetrics: false }),
    observer: new Observer(kernel, store, silentLogger),
    now,
    isReady: () => true,
  };
  return { app: createApp(deps), deps, auth: { authorization: `Bearer ${TEST_KEY}` }, now: TEST_NOW };
}
