import autocannon, { type AutocannonClient, type AutocannonRequest } from 'autocannon';
import type { LoadJob, LoadResult } from './job.ts';
import { LatencyRecorder } from './latency.ts';
import { buildPlan, type Plan } from './plans.ts';

/**
 * Peak throughput with autocannon: `connections` keep-alive connections, each sending its next
 * request as soon as the previous answer arrives. Fixed plans give each connection its own stride
 * of the customers (connection k sends customers k, k+C, k+2C…), so together they cover every
 * customer once per pass and never ask for the same one at the same moment; requests are
 * pre-rendered to buffers. Event batches are rendered per request (ids must never repeat).
 */
export async function runClosedLoop(job: LoadJob): Promise<LoadResult> {
  const plan = buildPlan(job.plan);
  if (job.warmupSeconds) await run(job, plan, job.warmupSeconds, new LatencyRecorder(), 1_000_000);
  const latency = new LatencyRecorder();
  return run(job, plan, job.seconds, latency, 0);
}

async function run(job: LoadJob, plan: Plan, seconds: number, latency: LatencyRecorder, offset: number): Promise<LoadResult> {
  const headers: Record<string, string> = { authorization: `Bearer ${job.apiKey}`, 'content-type': 'application/json' };
  const toRequest = (n: number): AutocannonRequest => {
    const r = plan.at(n);
    return r.body === undefined ? { method: r.method, path: r.path } : { method: r.method, path: r.path, body: r.body };
  };

  let counter = offset;
  const dynamic: AutocannonRequest = {
    setupRequest: (request) => Object.assign(request, toRequest(counter++)),
  };
  let clientIndex = 0;
  const size = plan.size;
  // Requests written per connection: connection k's i-th request is plan position k + i·C.
  const started: number[] = [];
  const setupClient =
    size === null
      ? undefined
      : (client: AutocannonClient) => {
          const k = clientIndex++;
          started[k] = 0;
          client.on('request', () => (started[k]! += 1));
          const mine: AutocannonRequest[] = [];
          for (let n = k; n < size; n += job.connections) mine.push(toRequest(n + offset));
          client.setRequests(mine.length > 0 ? mine : [toRequest(offset)]);
        };

  const statuses: Record<string, number> = {};
  let ok = 0;
  let completed = 0;
  let startedAt = process.hrtime.bigint();
  const instance = autocannon({
    url: job.url,
    connections: job.connections,
    duration: seconds,
    timeout: 10,
    headers,
    requests: size === null ? [dynamic] : [toRequest(offset)],
    // autocannon notices the end of a run (duration, or every connection done) only at its sample
    // tick; the default 1 s tick would add idle time to a one-shot run.
    sampleInt: 50,
    ...(setupClient ? { setupClient } : {}),
    ...(job.once && size !== null ? { maxOverallRequests: size } : {}),
  });
  instance.on('start', () => (startedAt = process.hrtime.bigint()));
  let lastAnswer = startedAt;
  instance.on('response', (_client, status, _bytes, responseTime) => {
    lastAnswer = process.hrtime.bigint();
    completed += 1;
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status >= 200 && status < 300) {
      ok += 1;
      latency.record(responseTime);
    }
  });
  const result = await instance;
  // The window ends with the last answer: after it the connections only wait for the tick.
  const ended = completed > 0 ? lastAnswer : process.hrtime.bigint();
  const elapsed = Number(ended - startedAt) / 1e9;
  return {
    mode: 'closed',
    completed,
    ok,
    statuses,
    errors: result.errors,
    seconds: elapsed,
    rps: ok / elapsed,
    latency: latency.summary(),
    touched: size === null ? counter - offset : Math.max(0, ...started.map((count, k) => (count > 0 ? k + (count - 1) * job.connections + 1 : 0))),
    windowNs: [startedAt.toString(), ended.toString()],
  };
}
