import type { Kernel } from '@omnikernel/kernel';
import type { CustomerEvent, Logger, Observation, Outcome, Profile } from '@omnikernel/sdk';
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
      const profiles = new Map<string, Profile | null>();
      for (const { customerId } of applied) if (!profiles.has(customerId)) profiles.set(customerId, null);
      await Promise.all([...profiles.keys()].map(async (id) => profiles.set(id, await this.store.getProfile(id))));
      // The observations of a batch go to the kernel together, a chunk at a time, in arrival order:
      // a plugin with `observeBatch` learns from a chunk in one call (one group commit of its state
      // writes), and learns exactly what observing them one by one would. Batches still run one
      // after the other.
      const observations: Observation[] = [];
      for (const { event, customerId } of applied) {
        const profile = profiles.get(customerId);
        if (profile) observations.push({ kind: 'event', event, customerId: profile.customerId, profile });
      }
      for (let i = 0; i < observations.length; i += OBSERVE_CHUNK) {
        await this.kernel.observeBatch(i === 0 && observations.length <= OBSERVE_CHUNK ? observations : observations.slice(i, i + OBSERVE_CHUNK));
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
