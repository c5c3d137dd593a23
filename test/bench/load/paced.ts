import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { LoadJob, LoadResult } from './job.ts';
import { LatencyRecorder } from './latency.ts';
import { buildPlan } from './plans.ts';
import { readRunQueueWaitNs } from '../servers/proc-status.ts';
import { encodeRequest, RawConnection } from './raw-connection.ts';

/**
 * The interval of the probe of the generator's own loop. Its histogram records whole intervals
 * between the probe's ticks (an idle loop records ~1.05 ms here), not how late a tick was, so a
 * hold-up of B ms reads as B to B + interval: a 1 ms probe (the sends' timer runs every
 * millisecond anyway) keeps the error under a millisecond.
 */
export const LOOP_PROBE_MS = 1;

/** The longest the generator's loop was held up (within a probe interval), from the probe's longest interval. */
export function loopStallMs(longestIntervalNs: number): number {
  return Math.max(0, longestIntervalNs / 1e6 - LOOP_PROBE_MS);
}

/**
 * Open loop, wrk2-style: request n is due at t0 + n/rate, whatever the answers do. autocannon's
 * `overallRate` is not used for this: it lets each connection send back to back until its
 * per-second quota is spent and then idles until the next second (lib/httpClient.js,
 * `reqsMadeThisSecond`) — bursts at peak load — and corrects latencies against a 1 ms interval;
 * its p99 "at half the peak" is a p99 at the peak.
 *
 * Every latency is timed from the request's due time, whatever held it up: a free connection that
 * was not there (the server was behind), or the generator itself (a timer tick, a pause of its
 * own, a neighbour on the load core). Excusing the generator's lateness would hide server delays
 * too: a server that stalls and then answers in a burst keeps the generator busy, and the sends
 * due meanwhile go out late. The generator's own lateness is reported instead (`sendLag`, and its
 * event-loop delay), so a figure that is the tool's shows as such.
 *
 * Sends go out from a timer (setTimeout, 1 ms granularity) and after every answer, so they leave
 * a millisecond or less after their due time (~0.6 ms at the median here) without spinning: on a
 * shared load core a spinning process is descheduled for whole time slices, and it would starve
 * the redis-server that shares the core. Per request the hot path allocates nothing but the answer's
 * bytes: times are `performance.now()` doubles (not BigInts) and the callbacks are per connection.
 */
export async function runPaced(job: LoadJob): Promise<LoadResult> {
  const rate = job.rate;
  if (!rate || rate <= 0) throw new Error('a paced run needs a rate');
  const plan = buildPlan(job.plan);
  const target = new URL(job.url);
  const host = target.host;
  const headers = { authorization: `Bearer ${job.apiKey}`, 'content-type': 'application/json' };
  const encode = (n: number) => {
    const r = plan.at(n);
    return encodeRequest(host, r.method, r.path, headers, r.body);
  };
  const total = Math.max(1, Math.round(rate * job.seconds));
  // Every request is encoded before the clock starts, event batches too (a plan without a fixed
  // size): rendering a batch of 100 events at its due time would make the generator late by it.
  const encoded = Array.from({ length: plan.size ?? total }, (_, n) => encode(n));
  const requestAt = (n: number) => encoded[n % encoded.length]!;

  const connections = await Promise.all(Array.from({ length: job.connections }, () => RawConnection.open(target.hostname, Number(target.port))));
  // Prime every connection with a cheap request before the clock starts: the server's first answer
  // on a fresh connection (accept, parser and socket set-up) would otherwise put a ~100 ms stall on
  // the first requests and into the p99. /healthz, so a one-shot plan keeps all its customers.
  const prime = encodeRequest(host, 'GET', '/healthz', {});
  await Promise.all(connections.map((c) => new Promise<void>((resolve, reject) => c.send(prime, () => resolve(), reject))));
  // Start with a clean heap (the worker runs with --expose-gc): garbage of earlier runs
  // (autocannon's, the plan's) would otherwise be collected in the middle of this one.
  (globalThis as { gc?: () => void }).gc?.();

  const intervalMs = 1000 / rate;
  const latency = new LatencyRecorder();
  const sendLag = new LatencyRecorder();
  const statuses: Record<string, number> = {};
  let ok = 0;
  let completed = 0;
  let errors = 0;
  let lateSends = 0;
  let due = 0; // requests whose due time has come
  let sent = 0; // requests handed to a connection (always ≤ due)
  let finished = (): void => undefined;
  // The generator's own pauses (GC, a neighbour on its core).
  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_PROBE_MS });
  const hr0 = process.hrtime.bigint();
  const t0 = performance.now();
  let lastAnswer = t0;
  const dueAt = (n: number) => t0 + n * intervalMs;

  /** One connection's state; its callbacks are made once, not per request. */
  interface Slot {
    readonly connection: RawConnection;
    /** The request in flight on it, by number. */
    n: number;
    readonly done: (status: number) => void;
    readonly fail: (error: Error) => void;
  }
  const idle: Slot[] = [];
  const settle = () => {
    if (completed + errors >= total) finished();
  };
  const dispatch = (slot: Slot, waited: boolean) => {
    const n = sent++;
    slot.n = n;
    if (!waited) {
      // Only a request that had a free connection at its due time measures the generator.
      const lag = performance.now() - dueAt(n);
      sendLag.record(lag);
      if (lag > 2) lateSends += 1;
    }
    slot.connection.send(requestAt(n), slot.done, slot.fail);
  };
  /** Hands every request whose time has come to a free connection; the rest wait for one. */
  const sendDue = () => {
    const now = performance.now();
    while (due < total && dueAt(due) <= now) {
      due += 1;
      const slot = idle.pop();
      if (slot) dispatch(slot, false);
    }
  };
  const makeSlot = (connection: RawConnection): Slot => {
    const slot: Slot = {
      connection,
      n: -1,
      done: (status) => {
        const at = performance.now();
        lastAnswer = at;
        completed += 1;
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status >= 200 && status < 300) {
          ok += 1;
          latency.record(at - dueAt(slot.n));
        }
        if (sent < due) dispatch(slot, true);
        else idle.push(slot);
        sendDue();
        settle();
      },
      fail: () => {
        errors += 1;
        settle();
      },
    };
    return slot;
  };
  for (const c of connections) idle.push(makeSlot(c));

  const waited0 = readRunQueueWaitNs(process.pid);
  loopDelay.enable();
  await new Promise<void>((resolve) => {
    // A server that stops answering must not hang the bench: give up 15 s after the last due time.
    let timer: NodeJS.Timeout | null = null;
    const deadline = setTimeout(() => {
      errors += total - completed - errors;
      finished();
    }, (job.seconds + 15) * 1000);
    finished = () => {
      clearTimeout(deadline);
      if (timer) clearTimeout(timer);
      resolve();
    };
    const pump = () => {
      timer = null;
      sendDue();
      // setTimeout fires after whole milliseconds of loop time: wake for the next due time, and
      // let answers in between send what falls due before it.
      if (due < total) timer = setTimeout(pump, Math.max(0, dueAt(due) - performance.now()));
    };
    pump();
  });
  loopDelay.disable();
  const waited1 = readRunQueueWaitNs(process.pid);
  for (const c of connections) c.close();
  const seconds = (lastAnswer - t0) / 1000;
  return {
    mode: 'paced',
    completed,
    ok,
    statuses,
    errors,
    seconds,
    rps: ok / seconds,
    targetRate: rate,
    lateSends,
    sendLag: sendLag.summary(),
    loopDelayMaxMs: loopStallMs(loopDelay.max),
    generatorWaitMs: waited0 !== null && waited1 !== null ? (waited1 - waited0) / 1e6 : null,
    latency: latency.summary(),
    touched: sent,
    windowNs: [hr0.toString(), (hr0 + BigInt(Math.round((lastAnswer - t0) * 1e6))).toString()],
  };
}
