import { Cluster, Redis, ReplyError } from 'ioredis';
import { TimedCluster, TimedRedis } from './timed-client.ts';
import { StoreUnavailableError } from '../store.ts';

/** Where Redis is: one server by URL, or a Cluster by some of its nodes (`host:port`). */
export type RedisTarget = { readonly url: string } | { readonly clusterNodes: readonly string[] | string };

/** How the store talks to Redis. Defaults fail fast: a store that waits is worse than one that says 503. */
export interface ConnectionOptions {
  /** Per-command timeout. Default 100 ms. */
  readonly commandTimeoutMs?: number;
  /**
   * Timeout of the scripts that write or read a whole batch (customer writes, plugin-state group
   * commits). Default 1000 ms: such a script holds Redis for milliseconds, more on a starved core,
   * and a write that times out is answered 503 although Redis may still complete it.
   */
  readonly batchTimeoutMs?: number;
  /** How long the factory waits for `ready` at start. Default 5000 ms. */
  readonly connectTimeoutMs?: number;
}

export type RedisClient = Redis | Cluster;

/** Reply errors that mean "not now" rather than "wrong command". */
const TRANSIENT_REPLY = /^(CLUSTERDOWN|TRYAGAIN|LOADING|MASTERDOWN|READONLY|BUSY|MOVED|ASK)/;

export function clusterNodesOf(target: RedisTarget): string[] | null {
  if ('url' in target) return null;
  const nodes = typeof target.clusterNodes === 'string' ? target.clusterNodes.split(',') : [...target.clusterNodes];
  return nodes.map((n) => n.trim()).filter((n) => n !== '');
}

/**
 * A connection with the fail-fast settings of DESIGN.md: no offline queue (a command while
 * disconnected fails at once), one retry, a command timeout (see `TimedRedis`); reconnects by itself for ever.
 * `subscriber` connections keep an offline queue so SUBSCRIBE survives a reconnect.
 */
export function connect(target: RedisTarget, options: ConnectionOptions, role: 'command' | 'subscriber'): RedisClient {
  const command = role === 'command';
  const timeouts = { commandMs: options.commandTimeoutMs ?? 100, batchMs: options.batchTimeoutMs ?? 1000 };
  const common = { enableOfflineQueue: !command, maxRetriesPerRequest: command ? 1 : null, connectTimeout: 1000 };
  const nodes = clusterNodesOf(target);
  let client: RedisClient;
  if (nodes === null) {
    const url = (target as { url: string }).url;
    const redisOptions = { ...common, retryStrategy: (n: number) => Math.min(25 * n, 500) };
    // ioredis' own resubscribe after a reconnect leaves its promise unhandled: closing while it is
    // pending is an unhandled rejection. The change bus resubscribes itself (see change-bus.ts).
    client = command ? new TimedRedis(url, redisOptions, timeouts) : new Redis(url, { ...redisOptions, autoResubscribe: false });
  } else {
    const startup = nodes.map((n) => {
      const [host, port] = n.split(':');
      return { host: host ?? '127.0.0.1', port: Number(port ?? 6379) };
    });
    const clusterOptions = {
      enableOfflineQueue: !command,
      clusterRetryStrategy: (n: number) => Math.min(50 * n, 1000),
      slotsRefreshTimeout: 2000,
      // A command to a node whose connection is not up yet is retried after this delay (default 100 ms,
      // the whole command budget); `warmUp` opens every master's connection at start.
      retryDelayOnFailover: 20,
      retryDelayOnTryAgain: 20,
      redisOptions: common,
    };
    client = command ? new TimedCluster(startup, clusterOptions, timeouts) : new Cluster(startup, clusterOptions);
  }
  // ioredis reports connection trouble as 'error' events; the store reads `status` instead.
  client.on('error', () => undefined);
  return client;
}

/** Opens the connection to every Cluster master now rather than on its first command. */
export async function warmUp(client: RedisClient): Promise<void> {
  if (client instanceof Cluster) await Promise.all(client.nodes('master').map((node) => node.ping()));
}

/** Resolves when the connection is ready; rejects with an actionable message after `timeoutMs`. */
export async function waitReady(client: RedisClient, timeoutMs: number, what: string): Promise<void> {
  if (client.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off('ready', onReady);
      reject(new StoreUnavailableError(`Redis at ${what} was not ready within ${timeoutMs} ms: is it running and reachable?`, 1));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    client.once('ready', onReady);
  });
}

/** The breaker: a write while the connection is not ready fails now, without a round trip. */
export function assertReady(client: RedisClient): void {
  if (client.status !== 'ready') {
    throw new StoreUnavailableError(`Redis is not reachable (connection ${client.status}); retry shortly`, 1);
  }
}

/** Connection-level failures become `StoreUnavailableError`; anything else (a wrong command, a bug) stays what it is. */
export function toStoreError(error: unknown): unknown {
  if (!(error instanceof Error) || error instanceof StoreUnavailableError) return error;
  const transient =
    error instanceof ReplyError
      ? TRANSIENT_REPLY.test(error.message)
      : CONNECTION_ERROR_NAMES.has(error.name) ||
        CONNECTION_MESSAGE.test(error.message) ||
        /^E[A-Z]+$/.test(String((error as { code?: unknown }).code ?? ''));
  return transient ? new StoreUnavailableError(`Redis call failed: ${error.message}`, 1, { cause: error }) : error;
}

const CONNECTION_ERROR_NAMES = new Set(['MaxRetriesPerRequestError', 'ClusterAllFailedError', 'AbortError']);
const CONNECTION_MESSAGE = /connection|closed|timed out|writeable|not ready|isn't ready|ECONN|EPIPE|socket|slots cache|offline/i;

/** Runs `fn`, mapping connection failures to `StoreUnavailableError`. */
export async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toStoreError(error);
  }
}
