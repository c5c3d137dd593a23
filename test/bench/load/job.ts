import type { LatencySummary } from './latency.ts';
import type { PlanSpec } from './plans.ts';

/** One load run, sent to the load-generator process. */
export interface LoadJob {
  /** `closed`: as fast as the server answers (peak); `paced`: a fixed request rate (open loop). */
  readonly mode: 'closed' | 'paced';
  readonly url: string;
  readonly apiKey: string;
  readonly plan: PlanSpec;
  readonly seconds: number;
  readonly connections: number;
  /** Paced runs: requests per second to send, on schedule, whatever the answers do. */
  readonly rate?: number;
  /** Closed runs: send each of the plan's requests at most once (recomputed decisions). */
  readonly once?: boolean;
  /** Unmeasured seconds before the run, at the same load (JIT, caches, connection set-up). */
  readonly warmupSeconds?: number;
}

export interface LoadResult {
  readonly mode: 'closed' | 'paced';
  /** Completed responses of any status. */
  readonly completed: number;
  readonly ok: number;
  /** Responses by status code. */
  readonly statuses: Readonly<Record<string, number>>;
  /** Connection errors and timeouts. */
  readonly errors: number;
  /** Wall time of the measured part, seconds. */
  readonly seconds: number;
  /** 2xx responses per second. */
  readonly rps: number;
  /** Paced runs: the rate asked for, and how many requests the generator itself sent more than 2 ms late. */
  readonly targetRate?: number;
  readonly lateSends?: number;
  /**
   * Paced runs: how late the generator sent the requests that had a free connection at their due
   * time (its own lateness, part of their latencies), and the longest its event loop was held up.
   */
  readonly sendLag?: LatencySummary;
  readonly loopDelayMaxMs?: number;
  /** Paced runs: ms the generator's thread waited for its core (someone else had it); null off Linux. */
  readonly generatorWaitMs?: number | null;
  /** Latency of 2xx answers (paced: from the request's due time). */
  readonly latency: LatencySummary;
  /**
   * How many leading requests of a fixed plan may have reached the server (sent, answered or
   * not): a one-shot scenario's next run starts after them.
   */
  readonly touched: number;
  /** hrtime (ns, CLOCK_MONOTONIC) of the measured window, to cut a CPU profile to it. */
  readonly windowNs: readonly [string, string];
}
