import type { Redis } from 'ioredis';

/**
 * Whether the change-notice subscription is known to deliver: a PING every `everyMs` on the
 * subscribed connection, and its answer. Redis answers a subscriber in order, so the answer to a
 * PING sent at time s arrives after every message published before s: while PINGs come back, the
 * notices of writes committed up to the last one sent have all arrived (a write committed since
 * is in flight, as it would be just after any read).
 *
 * `live()` holds while the last answered PING was sent within two periods. A closed connection
 * stops it at once, and until the subscription is back (`resubscribed`) no answer counts: notices
 * published while the connection was down are lost, and the cache is cleared when it is back.
 */
export class SubscriptionHeartbeat {
  readonly #subscriber: Redis;
  readonly #everyMs: number;
  readonly #timer: ReturnType<typeof setInterval>;
  /** When the last answered PING was sent (performance.now ms). */
  #lastProven = Number.NEGATIVE_INFINITY;
  /** Counts connections: an answer from an earlier one proves nothing. */
  #epoch = 0;
  #subscribed = true;

  constructor(subscriber: Redis, everyMs: number) {
    this.#subscriber = subscriber;
    this.#everyMs = everyMs;
    subscriber.on('close', () => {
      this.#epoch++;
      this.#subscribed = false;
      this.#lastProven = Number.NEGATIVE_INFINITY;
    });
    this.#timer = setInterval(() => this.#beat(), everyMs);
    this.#timer.unref();
    this.#beat();
  }

  /** The subscription is back and what was missed is dealt with (the cache cleared). */
  resubscribed(): void {
    this.#subscribed = true;
    this.#beat();
  }

  live(): boolean {
    return this.#subscribed && performance.now() - this.#lastProven < 2 * this.#everyMs;
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#subscribed = false;
  }

  #beat(): void {
    if (!this.#subscribed || this.#subscriber.status !== 'ready') return;
    const epoch = this.#epoch;
    const sent = performance.now();
    this.#subscriber.ping().then(
      () => {
        if (epoch === this.#epoch && this.#subscribed && sent > this.#lastProven) this.#lastProven = sent;
      },
      () => undefined,
    );
  }
}
