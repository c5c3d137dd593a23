import { ReplyError } from 'ioredis';
import { assertReady, guarded } from './connection.ts';
import type { RedisClient } from './connection.ts';
import { PLUGIN_WRITES } from './plugin-state-script.ts';
import { runScript } from './scripts.ts';

/** One queued write: its op, its key (plugin-relative), its arguments, and who waits for it. */
interface Queued {
  readonly op: string;
  readonly key: string;
  readonly args: readonly (string | number)[];
  readonly resolve: (reply: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit for one plugin's state writes. Writes queue up and go at the end of the tick
 * (`setImmediate`) as one script (`PLUGIN_WRITES`): the learning of a batch of events costs a
 * few round trips rather than one per increment. Each caller still waits for its own write and
 * gets its own reply; a failed flush fails every write in it. Reads call `settle` first, so they
 * see every write queued or sent before them.
 */
export class PluginStateBatch {
  readonly #client: RedisClient;
  readonly #index: string;
  readonly #redisKey: (key: string) => string;
  /** Keys known to be in the index: a write needs no `idx` for them. */
  readonly #indexed: Set<string>;
  readonly #maxKnown: number;
  #queue: Queued[] = [];
  #scheduled = false;
  #last: Promise<void> = Promise.resolve();

  constructor(options: { client: RedisClient; index: string; redisKey: (key: string) => string; indexed: Set<string>; maxKnown: number }) {
    this.#client = options.client;
    this.#index = options.index;
    this.#redisKey = options.redisKey;
    this.#indexed = options.indexed;
    this.#maxKnown = options.maxKnown;
  }

  /** Queues a write; resolves with its reply once its flush is done. Fails at once while Redis is down. */
  write(op: string, key: string, args: readonly (string | number)[]): Promise<unknown> {
    assertReady(this.#client);
    return new Promise((resolve, reject) => {
      this.#queue.push({ op, key, args, resolve, reject });
      if (this.#scheduled) return;
      this.#scheduled = true;
      setImmediate(() => void this.#flush());
    });
  }

  /** Sends whatever is queued now, and resolves when every write sent so far is done (ok or not). */
  async settle(): Promise<void> {
    if (this.#queue.length > 0) void this.#flush();
    await this.#last;
  }

  #flush(): Promise<void> {
    this.#scheduled = false;
    const queue = this.#queue;
    this.#queue = [];
    if (queue.length === 0) return this.#last;
    const keys = [this.#index];
    const slots = new Map<string, number>();
    const args: (string | number)[] = [];
    const indexing = new Set<string>();
    // The reply index of each queued write (an `idx` record before a write takes a reply too).
    const replyAt: number[] = [];
    let records = 0;
    const push = (op: string, key: string, rest: readonly (string | number)[]) => {
      let slot = slots.get(key);
      if (slot === undefined) {
        keys.push(this.#redisKey(key));
        slots.set(key, (slot = keys.length));
      }
      args.push(op, slot, rest.length, ...rest);
      return records++;
    };
    for (const q of queue) {
      // A key joins the index before its first write from this process (see `createRedisPluginState`).
      if (q.op !== 'del' && !this.#indexed.has(q.key) && !indexing.has(q.key)) {
        indexing.add(q.key);
        push('idx', q.key, [q.key]);
      }
      if (q.op === 'del') {
        this.#indexed.delete(q.key);
        indexing.delete(q.key);
      }
      replyAt.push(push(q.op, q.key, q.args));
    }
    const sent = guarded(() => runScript(this.#client, PLUGIN_WRITES, keys, args, true) as Promise<unknown[]>).then(
      (replies) => {
        for (const key of indexing) if (this.#indexed.size < this.#maxKnown) this.#indexed.add(key);
        queue.forEach((q, i) => {
          const reply = replies[replyAt[i] as number];
          if (Array.isArray(reply)) q.reject(new ReplyError(String(reply[0])));
          else q.resolve(reply);
        });
      },
      (error: unknown) => {
        for (const q of queue) q.reject(error);
      },
    );
    this.#last = sent;
    return sent;
  }
}
