import { createMemoryStore } from './memory/memory-store.ts';
import type { MemoryStoreOptions } from './memory/memory-store.ts';
import { createRedisStore } from './redis/redis-store.ts';
import type { RedisStoreOptions } from './redis/redis-store.ts';
import type { CustomerStore } from './store.ts';

/** Which store to make: Redis when a URL or Cluster nodes are given, memory otherwise. */
export interface CreateStoreOptions extends MemoryStoreOptions, RedisStoreOptions {
  /** `redis://host:port` (`REDIS_URL`). */
  readonly redisUrl?: string;
  /** Cluster nodes, `host:port,host:port` or a list (`REDIS_CLUSTER_NODES`). Wins over `redisUrl`. */
  readonly redisClusterNodes?: string | readonly string[];
}

/**
 * The store a deployment asked for: Redis Cluster, Redis, or (with neither) the in-memory store.
 *
 * @example
 * const store = await createStore({ redisUrl: process.env.REDIS_URL, redisClusterNodes: process.env.REDIS_CLUSTER_NODES });
 */
export async function createStore(options: CreateStoreOptions = {}): Promise<CustomerStore> {
  const nodes = options.redisClusterNodes;
  if (nodes !== undefined && nodes.length > 0) return createRedisStore({ clusterNodes: nodes }, options);
  if (options.redisUrl !== undefined && options.redisUrl !== '') return createRedisStore({ url: options.redisUrl }, options);
  return createMemoryStore(options);
}
