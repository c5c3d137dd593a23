/** Options of a plugin's circuit breaker. */
export interface BreakerOptions {
  /** Consecutive failures that open the circuit (default 5). */
  readonly failureThreshold?: number;
  /** How long the circuit stays open before one trial call (default 10 s). */
  readonly cooldownMs?: number;
  /** Wall clock for the breaker (not for decisions). */
  readonly now?: () => number;
}

export type BreakerState = 'closed' | 'open' | 'half-open' | 'disabled';

/**
 * Skips a plugin that keeps failing, then lets one trial call through after a cool-down.
 * A fatal error disables the plugin until restart.
 */
export class CircuitBreaker {
  #failures = 0;
  #openedAt = 0;
  #state: BreakerState = 'closed';
  #trialInFlight = false;
  readonly #threshold: number;
  readonly #cooldownMs: number;
  readonly #now: () => number;
  lastError: string | null = null;

  constructor(options: BreakerOptions = {}) {
    this.#threshold = options.failureThreshold ?? 5;
    this.#cooldownMs = options.cooldownMs ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    if (this.#state === 'open' && this.#now() - this.#openedAt >= this.#cooldownMs) return 'half-open';
    return this.#state;
  }

  /** True when a call may go through now. */
  allow(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'half-open' && !this.#trialInFlight) {
      this.#trialInFlight = true;
      return true;
    }
    return false;
  }

  success(): void {
    if (this.#state === 'disabled') return;
    this.#failures = 0;
    this.#trialInFlight = false;
    this.#state = 'closed';
  }

  failure(message: string): void {
    this.lastError = message;
    if (this.#state === 'disabled') return;
    this.#trialInFlight = false;
    this.#failures += 1;
    if (this.#state === 'open' || this.#failures >= this.#threshold) {
      this.#state = 'open';
      this.#openedAt = this.#now();
    }
  }

  disable(message: string): void {
    this.lastError = message;
    this.#state = 'disabled';
  }

  get consecutiveFailures(): number {
    return this.#failures;
  }
}
