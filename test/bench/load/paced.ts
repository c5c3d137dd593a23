import type { LoadJob, LoadResult } from './job.ts';
import { LatencyRecorder } from './latency.ts';
import { buildPlan } from './plans.ts';
import { encodeRequest, RawConnection } from './raw-connection.ts';

/**
 * Open loop, wrk2-style: request n is due at t0 + n/rate, whatever the answers do. autocannon's
 * `overallRate` is not used for this: it lets each connection send back to back until its
 * per-second quota is spent and then idles until the next second (lib/httpClient.js,
 * `reqsMadeThisSecond`) — bursts at peak load — and corrects latencies against a 1 ms interval;
 * its p99 "at half the peak" is a p99 at the peak.
 *
 * Where latency starts: a request that had to wait for a free connection (the server was behind)
 * is timed from its due time, so a stall is charged to every request queued behind it (no
 * coordinated omission). A request sent late only because the generator was late (a timer tick,
 * or a neighbour on the load core) is timed from when it was actually sent: that delay is not the
 * server's. `lateSends` counts those (more than 2 ms late), to show how steady the pacing was.
 *
 * The sender sleeps between ticks (setTimeout, ~1 ms) rather than spinning: on a shared load core
 * a spinning process is descheduled for whole time slices, and it would starve the redis-server
 * that shares the core.
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
  const encoded = plan.size === null ? null : Array.from({ length: plan.size }, (_, n) => encode(n));
  const requestAt = (n: number) => (encoded ? encoded[n % encoded.length]! : encode(n));

  const connections = await Promise.all(Array.from({ length: job.connections }, () => RawConnection.open(target.hostname, Number(target.port))));
  // Prime every connection with a cheap request before the clock starts: the server's first answer
  // on a fresh connection (accept, parser and socket set-up) would otherwise put a ~100 ms stall on
  // the first requests and into the p99. /healthz, so a one-shot plan keeps all its customers.
  const prime = encodeRequest(host, 'GET', '/healthz', {});
  await Promise.all(connections.map((c) => new Promise<void>((resolve, reject) => c.send(prime, () => resolve(), reject))));
  const idle = [...connections];
  const total = Math.max(1, Math.round(rate * job.seconds));
  const intervalNs = 1e9 / rate;
  const latency = new LatencyRecorder();
  const statuses: Record<string, number> = {};
  let ok = 0;
  let completed = 0;
  let errors = 0;
  let lateSends = 0;
  let due = 0; // requests whose due time has come
  let sent = 0; // requests handed to a connection (always ≤ due)
  const t0 = process.hrtime.bigint();
  let lastAnswer = t0;
  const dueAt = (n: number) => t0 + BigInt(Math.round(n * intervalNs));

  await new Promise<void>((resolve) => {
    // A server that stops answering must not hang the bench: give up 15 s after the last due time.
    const deadline = setTimeout(() => {
      errors += total - completed - errors;
      resolve();
    }, (job.seconds + 15) * 1000);
    const settle = () => {
      if (completed + errors >= total) {
        clearTimeout(deadline);
        resolve();
      }
    };
    const dispatch = (connection: RawConnection, waited: boolean) => {
      const n = sent++;
      const dueTime = dueAt(n);
      const now = process.hrtime.bigint();
      if (!waited && now - dueTime > 2_000_000n) lateSends += 1;
      const origin = waited ? dueTime : now;
      connection.send(
        requestAt(n),
        (status) => {
          const at = process.hrtime.bigint();
          lastAnswer = at;
          completed += 1;
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status >= 200 && status < 300) {
            ok += 1;
            latency.record(Number(at - origin) / 1e6);
          }
          release(connection);
          settle();
        },
        () => {
          errors += 1;
          settle();
        },
      );
    };
    const release = (connection: RawConnection) => {
      if (sent < due) dispatch(connection, true);
      else idle.push(connection);
    };
    const pump = () => {
      const now = process.hrtime.bigint();
      while (due < total && dueAt(due) <= now) {
        due += 1;
        const connection = idle.pop();
        if (connection) dispatch(connection, false);
      }
      if (due < total) setTimeout(pump, Math.max(0, Number(dueAt(due) - process.hrtime.bigint()) / 1e6 - 0.2));
    };
    pump();
  });
  for (const c of connections) c.close();
  const seconds = Number(lastAnswer - t0) / 1e9;
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
    latency: latency.summary(),
    touched: sent,
    windowNs: [t0.toString(), lastAnswer.toString()],
  };
}
