import type { NormalizeOptions } from '../identity/normalize.ts';
import { StoreUnavailableError } from '../store.ts';
import type { CustomerStore } from '../store.ts';
import { createChangeHub } from './change-hub.ts';
import type { ChangeHub } from './change-hub.ts';
import { assertReady, clusterNodesOf, connect, guarded, waitReady, warmUp } from './connection.ts';
import type { ConnectionOptions, RedisTarget } from './connection.ts';
import type { RedisContext } from './context.ts';
import { ingestEvents } from './ingest-events.ts';
import { createKeyLayout } from './keys.ts';
import { completeMerge } from './merge-customers.ts';
import { ProfileCache } from './profile-cache.ts';
import type { ProfileCacheOptions } from './profile-cache.ts';
import { RedisCatalog } from './redis-catalog.ts';
import { commitDecision, currentDecisionId, decisionInputs, getCurrentDecision, getDecision, putCurrentDecision, saveDecision } from './redis-decisions.ts';
import { eraseCustomer, exportCustomer } from './redis-erasure.ts';
import { contactHistory, recordOutcome } from './redis-outcomes.ts';
import { createRedisPluginState } from './redis-plugin-state.ts';
import type { KnownPluginKeys } from './redis-plugin-state.ts';
import { readProfile, readProfileVersions, resolveIdentifiers } from './redis-reads.ts';
import { WriteScheduler } from './write-scheduler.ts';
import { writeUnits } from './write-units.ts';

/** Options of the Redis store. Every one has a default. */
export interface RedisStoreOptions extends NormalizeOptions, ConnectionOptions {
  /** Key prefix (`ok`): several deployments can share one Redis. */
  readonly prefix?: string;
  readonly cache?: ProfileCacheOptions;
  /** How long applied event and outcome ids are remembered (idempotency). Default 7 days. */
  readonly idempotencySeconds?: number;
  /** Raw events kept per customer for export. Default 200. */
  readonly maxEventsPerCustomer?: number;
  /** Contact-history records kept per customer. Default 1000. */
  readonly maxContactsPerCustomer?: number;
  /** How long a merge or erasure waits for a customer's lock. Default 3000 ms. */
  readonly lockWaitMs?: number;
  /** The clock for idempotency expiry (epoch ms). Default `Date.now`. */
  readonly now?: () => number;
}

/**
 * The Redis store (standalone or Cluster), with an lru-cache in front and change notices on
 * pub/sub. Resolves once connected and the catalog is loaded; rejects with
 * `StoreUnavailableError` when Redis is not ready within `connectTimeoutMs` (default 5 s).
 * Writes fail fast with `StoreUnavailableError` while Redis is unreachable; reads fall back to the cache.
 *
 * @example
 * const store = await createRedisStore({ url: 'redis://127.0.0.1:6380' }, { defaultRegion: 'ES' });
 * const cluster = await createRedisStore({ clusterNodes: ['10.0.0.1:7000', '10.0.0.2:7000'] });
 */
export async function createRedisStore(target: RedisTarget, options: RedisStoreOptions = {}): Promise<CustomerStore> {
  const isCluster = clusterNodesOf(target) !== null;
  const where = 'url' in target ? target.url : String(target.clusterNodes);
  const client = connect(target, options, 'command');
  const subscriber = connect(target, options, 'subscriber');
  const keys = createKeyLayout(options.prefix);
  const cache = new ProfileCache(options.cache);
  const catalog = new RedisCatalog(client, keys);
  let hub: ChangeHub;
  try {
    const timeoutMs = options.connectTimeoutMs ?? 5000;
    await Promise.all([waitReady(client, timeoutMs, where), waitReady(subscriber, timeoutMs, where)]);
    await warmUp(client);
    hub = await createChangeHub({ publisher: client, subscriber, channel: keys.changes, cache, catalog });
    await catalog.refresh();
  } catch (error) {
    client.disconnect();
    subscriber.disconnect();
    throw error;
  }
  const changes = hub;
  const ctx: RedisContext = {
    client,
    isCluster,
    keys,
    cache,
    normalize: options.defaultRegion === undefined ? {} : { defaultRegion: options.defaultRegion },
    now: options.now ?? Date.now,
    retentionMs: (options.idempotencySeconds ?? 7 * 24 * 3600) * 1000,
    maxEvents: options.maxEventsPerCustomer ?? 200,
    maxContacts: options.maxContactsPerCustomer ?? 1000,
    erasureMarkerSeconds: 3600,
    lockWaitMs: options.lockWaitMs ?? 3000,
    catalog: () => catalog.view(),
    announce: (notices) => changes.announce(notices),
  };
  const scheduler = new WriteScheduler({
    write: (units) => writeUnits(ctx, units),
    onMoved: async (from, to, pending) => {
      if (pending) await completeMerge(ctx, from, to);
    },
  });
  const knownPluginKeys: KnownPluginKeys = new Map();
  let closed = false;

  /** Writes go through the breaker: no round trip while the connection is down. */
  function write<T>(fn: () => Promise<T>): Promise<T> {
    if (closed) return Promise.reject(new StoreUnavailableError('the store is closed', 1));
    try {
      assertReady(client);
    } catch (error) {
      return Promise.reject(error);
    }
    return guarded(fn);
  }
  const read = <T>(fn: () => Promise<T>): Promise<T> => guarded(fn);
  const upsert = (kind: 'products' | 'stores' | 'offers', items: readonly { readonly id: string }[]) =>
    write(async () => {
      const count = await catalog.upsert(kind, items);
      await changes.announce([{ kind: 'catalog' }]);
      return count;
    });

  return {
    kind: isCluster ? 'redis-cluster' : 'redis',
    resolve: (identifiers) => resolveIdentifiers(ctx, identifiers),
    ingest: (events) =>
      write(async () => {
        if (events.length === 0) return [];
        const { results, notices } = await ingestEvents(ctx, scheduler, events);
        await changes.announce(notices);
        return results;
      }),
    getProfile: (customerId) => readProfile(ctx, customerId),
    profileVersions: (customerId) => readProfileVersions(ctx, customerId),
    deleteProfile: (customerId, opts = {}) =>
      write(async () => {
        const erased = await eraseCustomer(ctx, customerId, opts.suppress === true);
        if (erased === null) return false;
        await changes.announce([{ kind: 'profile', customerId: erased, material: true, reason: 'erased' }]);
        return true;
      }),
    exportProfile: (customerId) => read(() => exportCustomer(ctx, customerId)),

    catalog: () => catalog.view(),
    upsertProducts: (items) => upsert('products', items),
    upsertStores: (items) => upsert('stores', items),
    upsertOffers: (items) => upsert('offers', items),
    refreshCatalog: () => read(() => catalog.refresh()),

    getCurrentDecision: (customerId) => read(() => getCurrentDecision(ctx, customerId)),
    currentDecisionId: (customerId) => read(() => currentDecisionId(ctx, customerId)),
    putCurrentDecision: (customerId, record, expected, ttl) =>
      write(async () => {
        const result = await putCurrentDecision(ctx, customerId, record, expected, ttl);
        if (result.ok) await changes.announce([{ kind: 'decision', customerId }]);
        return result;
      }),
    saveDecision: (record, customerId, retention) => write(() => saveDecision(ctx, record, customerId, retention)),
    commitDecision: (customerId, record, expected, ttl, retention) =>
      write(async () => {
        const notices = [{ kind: 'decision', customerId }] as const;
        const result = await commitDecision(ctx, customerId, record, expected, ttl, retention, changes.message(notices));
        if (result.ok) changes.told(notices);
        return result;
      }),
    decisionInputs: (customerId) => read(() => decisionInputs(ctx, customerId)),
    getDecision: (decisionId) => read(() => getDecision(ctx, decisionId)),

    recordOutcome: (outcome, opts) =>
      write(async () => {
        const { status, customerId } = await recordOutcome(ctx, outcome, opts.material);
        // The survivor's profile changed when the id given was merged away: other instances evict that one.
        if (status === 'accepted') await changes.announce([{ kind: 'profile', customerId, material: opts.material }]);
        return status;
      }),
    contactHistory: (customerId) => read(() => contactHistory(ctx, customerId)),

    pluginState: (pluginName) => createRedisPluginState(client, keys, pluginName, knownPluginKeys),
    onChange: (listener) => changes.onChange(listener),
    health: () => (closed ? 'down' : client.status === 'ready' ? 'ok' : cache.size > 0 ? 'degraded' : 'down'),
    stats: () => ({ ...cache.stats(), catalogVersion: catalog.view().version }),
    async close() {
      if (closed) return;
      closed = true;
      await changes.close();
      await client.quit().catch(() => client.disconnect());
    },
  };
}
