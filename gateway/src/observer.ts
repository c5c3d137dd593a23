import type { Kernel } from '@omnikernel/kernel';
import type { CustomerEvent, Logger, Outcome } from '@omnikernel/sdk';
import type { CustomerStore } from '@omnikernel/store';

/** Observations run at once: bounds one group commit of a plugin's state writes (and its Redis time). */
const OBSERVE_CHUNK = 100;

/**
 * Feeds ingested events and outcomes to the learning plugins off the request path, one batch at a
 * time in arrival order. Learned state is not an acknowledged write: a crash may lose the tail of
 * the queue, never an event.
 */
export class Observer {
  #tail: Promise<void> = Promise.resolve();
  #pending = 0;

  constructor(private readonly kernel: Kernel, private readonly store: CustomerStore, private readonly logger: Logger) {}

  get pending(): number {
    return this.#pending;
  }

  events(applied: readonly { event: CustomerEvent; customerId: string }[]): void {
    if (applied.length === 0) return;
    this.#enqueue(async () => {
      const customers = [...new Set(applied.map((a) => a.customerId))];
      const profiles = new Map(await Promise.all(customers.map(async (id) => [id, await this.store.getProfile(id)] as const)));
      // The observations of a batch run together, a chunk at a time: a plugin's state writes then
      // reach the store in a few group commits rather than one round trip per increment. Learning
      // is counting, so their order inside a batch does not change what is learned; batches still
      // run one after the other.
      for (let i = 0; i < applied.length; i += OBSERVE_CHUNK) {
        await Promise.all(
          applied.slice(i, i + OBSERVE_CHUNK).map(({ event, customerId }) => {
            const profile = profiles.get(customerId);
            return profile ? this.kernel.observe({ kind: 'event', event, customerId: profile.customerId, profile }) : undefined;
          }),
        );
      }
    });
  }

  outcomes(applied: readonly (Outcome & { customerId: string })[]): void {
    if (applied.length === 0) return;
    this.#enqueue(async () => {
      for (const outcome of applied) await this.kernel.observe({ kind: 'outcome', outcome, customerId: outcome.customerId });
    });
  }

  /** Resolves when everything queued so far has been observed (tests, shutdown). */
  drain(): Promise<void> {
    return this.#tail;
  }

  #enqueue(work: () => Promise<void>): void {
    this.#pending += 1;
    this.#tail = this.#tail
      .then(work)
      .catch((error: Error) => this.logger.warn('observation failed', { error: error.message }))
      .finally(() => {
        this.#pending -= 1;
      });
  }
}
