import { setTimeout as sleep } from 'node:timers/promises';
import { readCpuNs } from './proc-status.ts';

export interface Settled {
  /** How long it waited before the processes were quiet (ms). */
  readonly waitedMs: number;
  /** False when `maxMs` passed first (the run starts anyway). */
  readonly quiet: boolean;
}

/**
 * Waits until every process of `pids` is quiet: below `maxShare` of one core (all its threads
 * together) over a `windowMs` window. Both gateways share the measured core, and after a run a
 * gateway is not done: ingestion leaves learning to digest (pair counts, plugin state written to
 * Redis, snapshot rebuilds), a recomputation round leaves garbage for a major GC. Started while
 * the previous subject still does that, a run measures the two of them on one core (an
 * embedded ingestion round measured 39,000 events/s alone and 13,000–22,000 after the Redis
 * gateway's round). redis-server is included: its share of that work lands on the load
 * generator's core. Off Linux (no /proc) it returns at once. The cap is short: a run has about
 * 180 of these waits, and the whole bench must stay within minutes.
 */
export async function settle(pids: readonly number[], options: { windowMs?: number; maxShare?: number; maxMs?: number } = {}): Promise<Settled> {
  const windowMs = options.windowMs ?? 100;
  const maxShare = options.maxShare ?? 0.05;
  const maxMs = options.maxMs ?? 2_000;
  const started = performance.now();
  let before = pids.map(readCpuNs);
  if (before.some((ns) => ns === null)) return { waitedMs: 0, quiet: true };
  for (;;) {
    const windowStart = performance.now();
    await sleep(windowMs);
    const elapsedNs = (performance.now() - windowStart) * 1e6;
    const after = pids.map(readCpuNs);
    if (after.some((ns) => ns === null)) return { waitedMs: performance.now() - started, quiet: true };
    const busiest = Math.max(...after.map((ns, i) => (ns! - before[i]!) / elapsedNs));
    const waitedMs = performance.now() - started - windowMs;
    if (busiest < maxShare) return { waitedMs: Math.max(0, waitedMs), quiet: true };
    if (waitedMs >= maxMs) return { waitedMs, quiet: false };
    before = after;
  }
}
