import { startRedisServer, type RedisServer } from '../../support/redis-server.ts';
import { onDispose } from './children.ts';
import { pinRunning, type Pinning } from './cpu-pinning.ts';
import { findOwnRedisPid } from './proc-status.ts';

/**
 * A redis-server of the bench's own, on a free port (never the developer's 127.0.0.1:6379), without
 * persistence, moved to the load core: in production Redis runs on another host, so it must not
 * take CPU from the gateway being measured. Removed with its folder when the bench ends.
 */
export async function startBenchRedis(pinning: Pinning): Promise<{ server: RedisServer; pid: number | null; pinned: boolean }> {
  const server = await startRedisServer();
  onDispose('redis-server', () => server.dispose());
  const pid = findOwnRedisPid(server.port);
  const pinned = pid !== null && pinRunning(pinning, pid, pinning.loadCore);
  return { server, pid, pinned };
}
