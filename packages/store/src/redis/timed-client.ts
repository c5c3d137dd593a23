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

/** A standalone connection with the fair command timeout. */
export class TimedRedis extends Redis {
  readonly #timeoutMs: number;
  readonly #live: Liveness = { lastReplyAt: 0 };
  constructor(url: string, options: RedisOptions, timeoutMs: number) {
    super(url, options);
    this.#timeoutMs = timeoutMs;
  }
  override sendCommand(command: Command, stream?: Parameters<Redis['sendCommand']>[1]): unknown {
    armTimeout(command, this.#timeoutMs, this.#live);
    return super.sendCommand(command, stream);
  }
}

/** A Cluster connection with the fair command timeout. */
export class TimedCluster extends Cluster {
  readonly #timeoutMs: number;
  readonly #live: Liveness = { lastReplyAt: 0 };
  constructor(nodes: ClusterNode[], options: ClusterOptions, timeoutMs: number) {
    super(nodes, options);
    this.#timeoutMs = timeoutMs;
  }
  override sendCommand(command: Command, stream?: Parameters<Cluster['sendCommand']>[1], node?: unknown): unknown {
    armTimeout(command, this.#timeoutMs, this.#live);
    return super.sendCommand(command, stream, node);
  }
}
