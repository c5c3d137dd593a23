import { setTimeout as sleep } from 'node:timers/promises';
import { readCpuNs } from './proc-status.ts';

export interface Settled {
  /** How long it took until the processes were quiet, the quiet window included (ms). */
  readonly waitedMs: number;
  /** False when `maxMs` passed first (the run starts anyway). */
  readonly quiet: boolean;
}

/**
 * Waits until every process of `pids` is quiet: below `maxShare` of one core (all its threads
 * together) over a `windowMs` window. Both gateways share the measured core, and after a run a
 * gateway is not done at once: ingestion leaves learning to digest (pair counts, plugin state
 * written to Redis), a recomputation round leaves garbage for a major GC. Started while the
 * previous subject still does that, a run measures the two of them on one core (an embedded
 * ingestion round measured 39,000 events/s alone and 13,000–22,000 after the Redis gateway's
 * round). redis-server is included: its share of that work lands on the load generator's core.
 * Work put off by a timer (a snapshot rebuild waits up to 5 s after the changes that call for it)
 * is not seen here; it cannot land in another subject's run, which the other subjects sit out
 * stopped (pause.ts), and it runs when they are continued, before the next wait. A process that
 * cannot be read (it ended, or no /proc off Linux) is left out. The cap is short: a bench has
 * about 230 of these waits, and it must stay within minutes.
 */
export async function settle(pids: readonly number[], options: { windowMs?: number; maxShare?: number; maxMs?: number } = {}): Promise<Settled> {
  const windowMs = options.windowMs ?? 100;
  const maxShare = options.maxShare ?? 0.05;
  const maxMs = options.maxMs ?? 2_000;
  const started = performance.now();
  let before = readAll(pids);
  for (;;) {
    if (before.size === 0) return { waitedMs: performance.now() - started, quiet: true };
    const windowStart = performance.now();
    await sleep(windowMs);
    const elapsedNs = (performance.now() - windowStart) * 1e6;
    const after = readAll([...before.keys()]);
    let busiest = 0;
    for (const [pid, ns] of after) busiest = Math.max(busiest, (ns - before.get(pid)!) / elapsedNs);
    const waitedMs = performance.now() - started;
    if (busiest < maxShare) return { waitedMs, quiet: true };
    if (waitedMs >= maxMs) return { waitedMs, quiet: false };
    before = after;
  }
}

/** CPU time so far of each process that can be read. */
function readAll(pids: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    const ns = readCpuNs(pid);
    if (ns !== null) out.set(pid, ns);
  }
  return out;
}
