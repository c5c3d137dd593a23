import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startRedisServer } from './redis-server.ts';
import type { RedisServer } from './redis-server.ts';

const run = promisify(execFile);

/** A 3-master Redis Cluster on free ports, for tests. */
export interface RedisCluster {
  /** `host:port` of each master. */
  readonly nodes: readonly string[];
  dispose(): Promise<void>;
}

/**
 * Starts three cluster-enabled redis-servers, joins them with `redis-cli --cluster create`
 * (no replicas) and waits until every node reports `cluster_state:ok`.
 */
export async function startRedisCluster(masters = 3): Promise<RedisCluster> {
  const servers: RedisServer[] = [];
  try {
    for (let i = 0; i < masters; i++) {
      // Started one by one: each needs a free port *and* a free bus port (port + 10000).
      servers.push(
        await startRedisServer({
          needsBusPort: true,
          args: ['--cluster-enabled', 'yes', '--cluster-node-timeout', '5000'],
        }),
      );
    }
    // Each node keeps its cluster config in its own temporary folder (nodes-<port>.conf).
    const nodes = servers.map((s) => `127.0.0.1:${s.port}`);
    await run('redis-cli', ['--cluster', 'create', ...nodes, '--cluster-replicas', '0', '--cluster-yes'], { timeout: 30_000 });
    await waitForClusterOk(servers.map((s) => s.port), 30_000);
    return {
      nodes,
      async dispose() {
        await Promise.all(servers.map((s) => s.dispose()));
      },
    };
  } catch (error) {
    await Promise.all(servers.map((s) => s.dispose()));
    throw error;
  }
}

async function waitForClusterOk(ports: readonly number[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const states = await Promise.all(
      ports.map(async (port) => (await run('redis-cli', ['-p', String(port), 'cluster', 'info'])).stdout),
    );
    if (states.every((s) => s.includes('cluster_state:ok'))) return;
    if (Date.now() > deadline) throw new Error(`Redis Cluster on ports ${ports.join(', ')} did not reach cluster_state:ok`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
