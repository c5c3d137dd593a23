import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { localCounter, localHistogram } from './request-metrics.ts';

/** A scrape as a set of samples (`name{sorted labels} value`): label order is not part of the format's meaning. */
async function samples(registry: Registry): Promise<string[]> {
  const text = await registry.metrics();
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^(\w+)(?:\{(.*)\})? (.+)$/.exec(line)!;
      const labels = (match[2] ?? '').split(/,(?=\w+=)/).filter(Boolean).sort().join(',');
      return `${match[1]}{${labels}} ${match[3]}`;
    })
    .sort();
}

const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.1, 1];
const OBSERVED: [number, string, string, string][] = [
  [0.0001, '/v1/decisions', 'POST', '200'],
  [0.0005, '/v1/decisions', 'POST', '200'],
  [0.003, '/v1/decisions', 'POST', '304'],
  [0.2, '/v1/events', 'POST', '200'],
  [7, '/v1/events', 'POST', '503'],
  [0.001, 'unmatched', 'GET', '404'],
];

describe('metrics kept as plain numbers until scraped', () => {
  it('scrape exactly as prom-client counters and histograms observing the same requests', async () => {
    const reference = new Registry();
    const count = new Counter({ name: 'req_total', help: 'h', labelNames: ['route', 'method', 'status'], registers: [reference] });
    const time = new Histogram({ name: 'req_seconds', help: 'h', labelNames: ['route', 'method'], buckets: BUCKETS, registers: [reference] });
    const local = new Registry();
    const countLocally = localCounter(local, 'req_total', 'h', ['route', 'method', 'status']);
    const timeLocally = localHistogram(local, 'req_seconds', 'h', ['route', 'method'], BUCKETS);

    for (const round of [1, 2]) {
      for (const [seconds, route, method, status] of OBSERVED.slice(0, round * 3)) {
        count.inc({ route, method, status });
        time.observe({ route, method }, seconds);
        countLocally(route, method, status);
        timeLocally(seconds, route, method);
      }
      // Scraped twice: counts handed over at the first scrape are not handed over again.
      expect(await samples(local)).toEqual(await samples(reference));
      expect(await samples(local)).toEqual(await samples(reference));
    }
    expect((await samples(local)).some((s) => s.startsWith('req_seconds_bucket{le="+Inf",method="POST",route="/v1/events"} 2'))).toBe(true);
  });
});
