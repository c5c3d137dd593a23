import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchConfig } from '../config.ts';
import type { LoadGenerator } from '../load/generator.ts';
import type { LoadJob, LoadResult } from '../load/job.ts';
import { benchCustomers } from './customers.ts';
import { SCENARIOS, type ScenarioId } from './definitions.ts';
import { measureScenario, type MeasureHooks } from './measure.ts';
import type { BenchContext, Subject } from './subjects.ts';

// The round structure with a load generator that only records what it was asked to run: which
// subject, closed or paced, for how long, at what rate. The gateway is a stub answering /metrics
// (with the snapshot builds `stubBuilds` says) and the recomputation scenario's invalidating /v1/events.
let gateway: Server;
let gatewayUrl: string;
const stubBuilds = { count: 0, seconds: 0 };
const metricsText = () =>
  '# TYPE omnikernel_snapshot_build_duration_seconds histogram\n' +
  `omnikernel_snapshot_build_duration_seconds_sum{plugin="recommendations",result="ok"} ${stubBuilds.seconds}\n` +
  `omnikernel_snapshot_build_duration_seconds_count{plugin="recommendations",result="ok"} ${stubBuilds.count}\n` +
  `omnikernel_snapshot_build_duration_seconds_count{plugin="next-best-offer",result="failed"} 0\n`;
beforeAll(async () => {
  gateway = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end(req.url === '/v1/events' ? '{"accepted":0,"duplicates":0,"rejected":[]}' : req.url === '/metrics' ? metricsText() : ''));
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => gateway.close(() => resolve())));

const config = { rounds: 2, roundSeconds: 0.5, warmupSeconds: 0.1, pacedRounds: 2, pacedSeconds: 0.5, connections: 2, pacedConnections: 4 } as BenchConfig;
const ctx: BenchContext = { apiKey: 'k', customers: benchCustomers(100), products: [{ id: 'p-1', price: 1 }] };
const PEAK: Record<string, number> = { baseline: 1000, embedded: 400 };
/** The subjects the `pauseOthers` hook of the last test holds stopped. */
const pausedNow = new Set<string>();

async function measure(id: ScenarioId, hooks: MeasureHooks = {}, duringRun: (subject: string, job: LoadJob) => void = () => undefined) {
  const subjects: Subject[] = [
    { kind: 'baseline', label: 'baseline', url: 'http://baseline.invalid', pid: process.pid },
    { kind: 'embedded', label: 'embedded', url: gatewayUrl, pid: process.pid },
  ];
  const jobs: { subject: string; mode: LoadJob['mode']; seconds: number; rate?: number; paused?: string }[] = [];
  const load: LoadGenerator = {
    async run(job) {
      const subject = subjects.find((s) => s.url === job.url)!.kind;
      duringRun(subject, job);
      jobs.push({ subject, mode: job.mode, seconds: job.seconds, ...(job.rate === undefined ? {} : { rate: job.rate }), ...(hooks.pauseOthers ? { paused: [...pausedNow].join(',') } : {}) });
      const rps = job.mode === 'paced' ? job.rate! : PEAK[subject]!;
      const completed = Math.round(rps * job.seconds);
      const latency = { count: completed, p50: 1, p90: 2, p99: 3, max: 4, mean: 1 } as LoadResult['latency'];
      return { mode: job.mode, completed, ok: completed, statuses: { 200: completed }, errors: 0, seconds: job.seconds, rps, latency, touched: completed, windowNs: ['0', '1'], ...(job.mode === 'paced' ? { targetRate: job.rate } : {}) };
    },
    async stop() {},
  };
  const figures = await measureScenario(SCENARIOS.find((s) => s.id === id)!, subjects, ctx, config, load, () => undefined, hooks);
  return { figures, jobs };
}

describe('measureScenario', () => {
  it('alternates the subjects, and starts each one’s peak and paced rounds after an unmeasured warm-up', async () => {
    const { figures, jobs } = await measure('warm-decision');
    const w = config.warmupSeconds;
    const r = config.roundSeconds;
    const p = config.pacedSeconds;
    expect(jobs.map((j) => `${j.subject} ${j.mode} ${j.seconds}${j.rate ? ` @${j.rate}` : ''}`)).toEqual([
      `baseline closed ${w}`, `baseline closed ${r}`, `embedded closed ${w}`, `embedded closed ${r}`,
      `embedded closed ${r}`, `baseline closed ${r}`,
      `baseline paced ${w} @500`, `baseline paced ${p} @500`, `embedded paced ${w} @200`, `embedded paced ${p} @200`,
      `embedded paced ${p} @200`, `baseline paced ${p} @500`,
    ]);
    // Warm-ups are not figures: two peak and two paced runs per subject.
    for (const s of figures.subjects) expect(s.runs).toHaveLength(4);
    expect(figures.subjects.find((s) => s.subject === 'embedded')?.ratio).toBeCloseTo(0.4);
  });

  it('spends no customers on warm-ups in the one-shot recomputation scenario', async () => {
    const { jobs } = await measure('recomputed-decision');
    expect(jobs.some((j) => j.seconds === config.warmupSeconds)).toBe(false);
    expect(jobs.filter((j) => j.mode === 'paced')).toHaveLength(4);
  });

  it('runs each subject while the others are paused, and continues them after each run', async () => {
    const calls: string[] = [];
    const { jobs } = await measure('warm-decision', {
      pauseOthers: (subject) => {
        const others = subject.kind === 'baseline' ? ['embedded'] : ['baseline'];
        for (const o of others) pausedNow.add(o);
        calls.push(`pause for ${subject.kind}`);
        return () => {
          for (const o of others) pausedNow.delete(o);
          calls.push('resume');
        };
      },
    });
    for (const j of jobs) expect(j.paused).toBe(j.subject === 'baseline' ? 'embedded' : 'baseline');
    expect(calls).toHaveLength(2 * jobs.length);
    expect(calls.filter((c, i) => (i % 2 === 0 ? !c.startsWith('pause') : c !== 'resume'))).toEqual([]);
    expect(pausedNow.size).toBe(0);
  });

  it('counts the snapshot builds a gateway finished during each run, in the runs and per paced round', async () => {
    stubBuilds.count = 0;
    stubBuilds.seconds = 0;
    let pacedRuns = 0;
    const { figures } = await measure('warm-decision', {}, (subject, job) => {
      // The gateway's second measured paced round (after its warm-up) has a build of 0.25 s in it.
      if (subject !== 'embedded' || job.mode !== 'paced') return;
      if (++pacedRuns === 3) {
        stubBuilds.count += 1;
        stubBuilds.seconds += 0.25;
      }
    });
    const embedded = figures.subjects.find((f) => f.subject === 'embedded')!;
    expect(embedded.paced?.snapshotBuildRounds).toEqual([0, 1]);
    expect(embedded.runs.filter((r) => r.snapshotBuilds?.count === 1)).toEqual([expect.objectContaining({ mode: 'paced', snapshotBuilds: { count: 1, seconds: 0.25 } })]);
    const baseline = figures.subjects.find((f) => f.subject === 'baseline')!;
    expect(baseline.paced?.snapshotBuildRounds).toBeNull();
    expect(baseline.runs.every((r) => r.snapshotBuilds === null)).toBe(true);
  });

  it('continues the others when a run fails', async () => {
    const pauseOthers: MeasureHooks['pauseOthers'] = (subject) => {
      pausedNow.add(`others of ${subject.kind}`);
      return () => pausedNow.delete(`others of ${subject.kind}`);
    };
    const failing = measure('warm-decision', { pauseOthers }, (subject) => {
      if (subject === 'embedded') throw new Error('the load generator died');
    });
    await expect(failing).rejects.toThrow('the load generator died');
    expect(pausedNow.size).toBe(0);
  });
});
