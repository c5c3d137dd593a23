import type { TestProject } from 'vitest/node';
import { startRedisCluster } from './redis-cluster.ts';
import { assertRedisInstalled, startRedisServer } from './redis-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `redis://127.0.0.1:<port>` of a redis-server started for this run. */
    redisUrl: string;
    /** `127.0.0.1:P1,127.0.0.1:P2,127.0.0.1:P3`: a 3-master Redis Cluster started for this run. */
    redisClusterNodes: string;
  }
}

/** What tests read with `inject(...)`; importing this type also brings the declaration above. */
export type RedisTestContext = { redisUrl: string; redisClusterNodes: string };

/**
 * Vitest global setup: one redis-server and one 3-master Redis Cluster for the whole run, on free
 * ports in temporary folders (never 127.0.0.1:6379), provided to tests as `redisUrl` and
 * `redisClusterNodes`; all stopped and removed in the teardown.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  assertRedisInstalled();
  const [server, cluster] = await Promise.all([startRedisServer(), startRedisCluster()]);
  project.provide('redisUrl', server.url);
  project.provide('redisClusterNodes', cluster.nodes.join(','));
  return async () => {
    await Promise.all([server.dispose(), cluster.dispose()]);
  };
}
