import type { Kernel } from '@omnikernel/kernel';
import type { CustomerEvent, Logger, Outcome } from '@omnikernel/sdk';
import type { CustomerStore } from '@omnikernel/store';

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
      const profiles = new Map<string, Awaited<ReturnType<CustomerStore['getProfile']>>>();
      for (const { customerId } of applied) if (!profiles.has(customerId)) profiles.set(customerId, await this.store.getProfile(customerId));
      for (const { event, customerId } of applied) {
        const profile = profiles.get(customerId);
        if (profile) await this.kernel.observe({ kind: 'event', event, customerId: profile.customerId, profile });
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
