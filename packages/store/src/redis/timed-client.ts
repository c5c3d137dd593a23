import { Cluster, Redis } from 'ioredis';
import type { ClusterNode, ClusterOptions, Command, RedisOptions } from 'ioredis';

/** The parts of an ioredis `Command` the timeout touches (internal to ioredis 5: pinned by the outage tests). */
interface TimeoutableCommand {
  isResolved: boolean;
  promise: Promise<unknown>;
  reject(error: Error): void;
  _commandTimeoutTimer?: ReturnType<typeof setTimeout>;
}

/** When this connection last heard any reply. */
interface Liveness {
  lastReplyAt: number;
}

/** However busy Redis is, a command fails after this many timeouts. */
const MAX_PATIENCE = 5;

/**
 * ioredis' `commandTimeout`, but fair to a busy system. A command fails once the connection has been
 * *silent* for `ms` — no reply to anything — which is what a dead or hung Redis looks like; a Redis
 * that keeps answering other commands is busy, not gone, and gets up to 5 × `ms`. And the timer only
 * arms a `setImmediate`, which runs after pending I/O: after a long synchronous stretch in this
 * process, a reply already in the socket buffer wins. It is set as ioredis' own timer, so ioredis
 * clears it when the reply comes.
 */
function armTimeout(command: Command, ms: number, live: Liveness): void {
  const c = command as unknown as TimeoutableCommand;
  if (c._commandTimeoutTimer !== undefined) return; // a Cluster re-sends the same command: one timer
  const start = performance.now();
  const heard = () => {
    live.lastReplyAt = performance.now();
  };
  c.promise.then(heard, heard);
  const check = () => {
    setImmediate(() => {
      if (c.isResolved) return;
      const now = performance.now();
      const silent = now - Math.max(live.lastReplyAt, start);
      if (silent < ms && now - start < ms * MAX_PATIENCE) {
        c._commandTimeoutTimer = setTimeout(check, ms - silent);
        return;
      }
      c.reject(new Error('Command timed out'));
    });
  };
  c._commandTimeoutTimer = setTimeout(check, ms);
}

/** The two timeouts of a connection: every command's, and the one of batched write scripts. */
export interface Timeouts {
  readonly commandMs: number;
  readonly batchMs: number;
}

/** What `asBatch` switches while it sends. */
interface BatchSwitch {
  batching: boolean;
}

/** A standalone connection with the fair command timeout. */
export class TimedRedis extends Redis implements BatchSwitch {
  readonly #timeouts: Timeouts;
  readonly #live: Liveness = { lastReplyAt: 0 };
  batching = false;
  constructor(url: string, options: RedisOptions, timeouts: Timeouts) {
    super(url, options);
    this.#timeouts = timeouts;
  }
  override sendCommand(command: Command, stream?: Parameters<Redis['sendCommand']>[1]): unknown {
    armTimeout(command, this.batching ? this.#timeouts.batchMs : this.#timeouts.commandMs, this.#live);
    return super.sendCommand(command, stream);
  }
}

/** A Cluster connection with the fair command timeout. */
export class TimedCluster extends Cluster implements BatchSwitch {
  readonly #timeouts: Timeouts;
  readonly #live: Liveness = { lastReplyAt: 0 };
  batching = false;
  constructor(nodes: ClusterNode[], options: ClusterOptions, timeouts: Timeouts) {
    super(nodes, options);
    this.#timeouts = timeouts;
  }
  override sendCommand(command: Command, stream?: Parameters<Cluster['sendCommand']>[1], node?: unknown): unknown {
    armTimeout(command, this.batching ? this.#timeouts.batchMs : this.#timeouts.commandMs, this.#live);
    return super.sendCommand(command, stream, node);
  }
}

/**
 * Sends the command `send` issues (synchronously, as ioredis does while connected) with the
 * connection's batch timeout: a script writing a whole batch may hold Redis for tens of
 * milliseconds, longer still when Redis shares a busy core, and failing it after the short
 * per-command timeout would answer 503 for a write Redis then completes.
 */
export function asBatch<T>(client: Redis | Cluster, send: () => T): T {
  if (!(client instanceof TimedRedis || client instanceof TimedCluster)) return send();
  const previous = client.batching;
  client.batching = true;
  try {
    return send();
  } finally {
    client.batching = previous;
  }
}
