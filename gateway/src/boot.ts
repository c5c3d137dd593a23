import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createKernel, createLogger, DecisionService, type Kernel } from '@omnikernel/kernel';
import type { Logger } from '@omnikernel/sdk';
import { createStore, type CustomerStore } from '@omnikernel/store';
import { createApp } from './app.ts';
import { ApiKeyRing, type ApiKeySpec } from './auth/api-keys.ts';
import { TokenSigner } from './auth/signed-token.ts';
import { builtinPlugins } from './builtins.ts';
import type { Settings } from './config/settings.ts';
import { loadDemo } from './load-demo.ts';
import { DEMO_API_KEY } from './demo/index.ts';
import type { GatewayDeps } from './deps.ts';
import { createMetrics } from './metrics.ts';
import { Observer } from './observer.ts';

export interface Gateway {
  readonly app: ReturnType<typeof createApp>;
  readonly deps: GatewayDeps;
  /** True when the demo key is active (embedded demo). */
  readonly demoKey: string | null;
  /** Stop being ready, drain learning, tear plugins down, close the store. */
  close(): Promise<void>;
  setReady(ready: boolean): void;
}

export interface BootOptions {
  readonly settings: Settings;
  readonly configDir: string;
  readonly logger?: Logger & { child?(bindings: Record<string, unknown>): Logger };
  readonly now?: () => number;
  /** Use this store instead of one built from the settings (tests). */
  readonly store?: CustomerStore;
  readonly metrics?: boolean;
}

function readJsonArray(configDir: string, file: string | undefined): unknown[] {
  if (!file) return [];
  const data = JSON.parse(readFileSync(resolve(configDir, file), 'utf8')) as unknown;
  if (!Array.isArray(data)) throw new Error(`catalog file ${file} must hold a JSON array`);
  return data;
}

/**
 * Builds a gateway from settings: store, catalog files, kernel and plugins, demo data, the app.
 * Throws at start with every problem named (bad plugins, bad options, unreachable Redis).
 */
export async function bootGateway(options: BootOptions): Promise<Gateway> {
  const { settings, configDir } = options;
  const logger = options.logger ?? createLogger({ level: settings.logLevel });
  const now = options.now ?? Date.now;
  const embedded = !settings.redisUrl && !settings.redisClusterNodes;
  const store =
    options.store ??
    (await createStore({
      ...(settings.redisUrl ? { redisUrl: settings.redisUrl } : {}),
      ...(settings.redisClusterNodes ? { redisClusterNodes: settings.redisClusterNodes } : {}),
      defaultRegion: settings.defaultRegion,
    }));

  const { products, stores, offers } = settings.catalogFiles;
  if (products) await store.upsertProducts(readJsonArray(configDir, products) as never);
  if (stores) await store.upsertStores(readJsonArray(configDir, stores) as never);
  if (offers) await store.upsertOffers(readJsonArray(configDir, offers) as never);

  const metrics = createMetrics({ defaultMetrics: options.metrics !== false });
  const kernel: Kernel = createKernel({
    plugins: settings.plugins,
    builtins: builtinPlugins,
    configDir,
    logger,
    maxRecommendations: settings.maxRecommendations,
    maxOffers: settings.maxOffers,
    decisionTtlMs: settings.decisionTtlMs,
    weights: settings.weights,
    contactPolicy: settings.contactPolicy,
    stateFor: (name) => store.pluginState(name),
    catalog: () => store.catalog(),
    sharedState: store.kind !== 'memory',
    onSnapshotBuilt: (build) => metrics.snapshotBuilt(build),
  });
  await kernel.start();

  const decisions = new DecisionService({
    store,
    kernel,
    now,
    minAgeMs: settings.decisionMinAgeMs,
    retentionSeconds: settings.decisionRetentionDays * 86_400,
    onStoreError: (error) => logger.warn('store failed while serving a decision; served the held or fallback decision', { error: (error as Error).message }),
  });
  // A profile change needs no eviction: the held decision's meta is checked against the profile's
  // versions on every request, and keeping it lets a recomputation skip reading the stale payload.
  // Another instance's new decision does, and so does an erasure or a merge (`reason`): an erased
  // customer created again starts at version 1, which an old decision's versions would not flag.
  store.onChange((notice) => {
    if (notice.kind === 'catalog') decisions.evict();
    else if (notice.kind === 'decision' || notice.reason !== undefined) decisions.evict(notice.customerId);
  });
  const observer = new Observer(kernel, store, logger);

  const loadDemoData = settings.demo ?? embedded;
  if (loadDemoData) {
    const summary = await loadDemo(store, observer, { anchor: now() });
    await observer.drain();
    await kernel.refreshSnapshots();
    logger.info('demo retailer loaded', summary);
  }

  const keys: ApiKeySpec[] = [...settings.apiKeys];
  const demoKey = embedded && loadDemoData && keys.length === 0 ? DEMO_API_KEY : null;
  if (demoKey) keys.push({ key: demoKey, scopes: ['admin'], name: 'demo' });
  if (keys.length === 0) logger.warn('no API keys configured: every /v1 request will be refused (set OMNIKERNEL_API_KEYS or apiKeys)');
  if (!settings.signingSecret && !embedded) logger.warn('no OMNIKERNEL_SIGNING_SECRET: signed URLs made by one instance will not verify on another');

  let ready = true;
  const deps: GatewayDeps = {
    settings,
    store,
    kernel,
    decisions,
    keys: new ApiKeyRing(keys),
    signer: new TokenSigner(settings.signingSecret ?? randomBytes(32).toString('hex'), now),
    logger,
    metrics,
    observer,
    now,
    isReady: () => ready,
  };
  const app = createApp(deps);
  return {
    app,
    deps,
    demoKey,
    setReady(value) {
      ready = value;
    },
    async close() {
      ready = false;
      await observer.drain();
      await kernel.stop();
      await store.close();
    },
  };
}
