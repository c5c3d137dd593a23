import type { BenchConfig } from '../config.ts';
import type { LoadGenerator } from '../load/generator.ts';
import type { LoadJob, LoadResult } from '../load/job.ts';
import type { Scenario } from './definitions.ts';
import { decisionsBetween, readCounters, snapshotBuildsBetween, type SnapshotBuilds } from './gateway-metrics.ts';
import type { BenchContext, Subject } from './subjects.ts';
import type { MachineStalls } from '../servers/machine-stalls.ts';
import { readCpuNs, readRunQueueWaitNs } from '../servers/proc-status.ts';
import type { Settled } from '../servers/settle.ts';

/** The figures of one subject in one scenario. Rates are in the scenario's unit (req/s or events/s). */
export interface SubjectFigures {
  readonly subject: Subject['kind'];
  readonly label: string;
  /** Median of the rounds' rates. */
  readonly peak: number;
  readonly rounds: readonly number[];
  /** Peak divided by the baseline's peak of the same run (1 for the baseline itself). */
  readonly ratio: number | null;
  /** Closed-loop latencies, medians over the rounds (ms). */
  readonly p50: number;
  readonly p99: number;
  /**
   * Server CPU (all threads) per request at peak, µs, median over the rounds; and the baseline's
   * divided by it. Steadier than throughput on a shared machine: a neighbour that takes the core
   * away lowers requests/s but not the CPU each request costs. It ignores waiting (Redis round
   * trips), so for the Redis store the throughput ratio stays the figure that counts.
   */
  readonly cpuUsPerRequest: number | null;
  readonly cpuRatio: number | null;
  /** At half the peak, medians over the paced rounds (each round's p99 kept too). */
  readonly paced: {
    readonly rate: number;
    readonly achieved: number;
    readonly p50: number;
    readonly p99: number;
    readonly p99Rounds: readonly number[];
    readonly lateShare: number;
    /** The generator's own lateness: p99 of its send lag (ms), and its longest event-loop stall. */
    readonly sendLagP99: number;
    readonly loopDelayMaxMs: number;
    /**
     * Share of the run the server's and the generator's JS threads waited for their cores (someone
     * else had them): the machine's part of the tail. null off Linux.
     */
    readonly serverWaitShare: number | null;
    readonly generatorWaitShare: number | null;
    readonly cpuUsPerRequest: number | null;
    /** Snapshot builds the gateway finished during each paced round (null for the baseline). */
    readonly snapshotBuildRounds: readonly number[] | null;
  } | null;
  /** Share of decisions computed (not reused) during the peak rounds, from the gateway's counter. */
  readonly computedShare: number | null;
  readonly failures: number;
  readonly runs: readonly MeasuredRun[];
}

/**
 * A load run with the server CPU it cost (until the server was quiet again after it), the time the
 * server's JS thread waited for its core, how long every process on the cores took to be quiet
 * before the run, how long the server took after it, and the snapshot builds the gateway finished
 * from the run's start until it was quiet after it (null for the baseline, or a gateway that does
 * not report them): a build yields to requests but takes the core in slices.
 */
export type MeasuredRun = LoadResult & {
  readonly cpuUsPerRequest: number | null;
  readonly serverWaitMs: number | null;
  readonly settled: Settled;
  readonly settledAfter: Settled;
  readonly snapshotBuilds: SnapshotBuilds | null;
};

export interface ScenarioFigures {
  readonly id: Scenario['id'];
  readonly title: string;
  readonly unit: Scenario['unit'];
  readonly status: 'measured' | 'n/a (404)' | 'failed';
  readonly note?: string;
  readonly subjects: readonly SubjectFigures[];
  /** The machine's own stalls, probed with the servers idle just before the paced rounds (null: not probed). */
  readonly machineStalls?: MachineStalls | null;
}

/** The waits for quiet cores around a run, when they were long enough to say. */
const settledNote = (before: Settled, after: Settled) =>
  (before.waitedMs >= 150 ? `; started after ${(before.waitedMs / 1000).toFixed(1)} s for the cores to quiet down` : '') +
  (after.waitedMs >= 150 ? `; busy ${(after.waitedMs / 1000).toFixed(1)} s after the run` : '');

/** The snapshot builds a gateway finished from the start of a run until it was quiet after it, when there were any. */
const buildsNote = (builds: SnapshotBuilds | null) =>
  builds && builds.count > 0 ? `; ${builds.count} snapshot build${builds.count > 1 ? 's' : ''} (${builds.seconds.toFixed(2)} s)` : '';

/** What every run's log line ends with: the waits around it and the builds within it. */
const runNote = (run: MeasuredRun) => settledNote(run.settled, run.settledAfter) + buildsNote(run.snapshotBuilds);

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** What a scenario's runs ask of the machine around them; each does nothing when left out (tests). */
export interface MeasureHooks {
  /** Probes the cores for stalls with the servers idle, before the paced rounds. */
  readonly probeStalls?: () => Promise<MachineStalls | null>;
  /** Waits for quiet: every process on the cores (no argument), or the given ones. */
  readonly settleCores?: (pids?: readonly number[]) => Promise<Settled>;
  /** Stops every other subject for the length of a run of `subject`; returns what continues them. */
  readonly pauseOthers?: (subject: Subject) => () => void;
}

/**
 * Measures one scenario: `rounds` short peak runs per subject, the subjects taking turns
 * (baseline, embedded, redis; the next round starts one further along) so that a burst of noise on
 * this shared machine lands on all of them rather than on one; then, the same way, paced rounds at
 * half each subject's own peak. Figures are medians over the rounds.
 */
export async function measureScenario(
  scenario: Scenario,
  subjects: readonly Subject[],
  ctx: BenchContext,
  config: BenchConfig,
  load: LoadGenerator,
  log: (line: string) => void,
  hooks: MeasureHooks = {},
): Promise<ScenarioFigures> {
  const probeStalls = hooks.probeStalls ?? (async () => null);
  const settleCores = hooks.settleCores ?? (async () => ({ waitedMs: 0, quiet: true }));
  const pauseOthers = hooks.pauseOthers ?? (() => () => undefined);
  const runs = new Map<Subject['kind'], MeasuredRun[]>(subjects.map((s) => [s.kind, []]));
  const served = new Map<Subject['kind'], { computed: number; reused: number }>(subjects.map((s) => [s.kind, { computed: 0, reused: 0 }]));
  const failures = new Map<Subject['kind'], number>(subjects.map((s) => [s.kind, 0]));
  const tagBase = `${scenario.id}-${Date.now().toString(36)}`;

  // One-shot scenarios: each subject's customers [cursor, staleTo) are stale and not asked for yet.
  const pool = ctx.customers.length;
  const cursor = new Map<Subject['kind'], number>(subjects.map((s) => [s.kind, 0]));
  const staleTo = new Map<Subject['kind'], number>(subjects.map((s) => [s.kind, 0]));
  const lastRate = new Map<Subject['kind'], number>();

  const runOne = async (subject: Subject, job: Omit<LoadJob, 'url' | 'apiKey' | 'plan'>, tag: string): Promise<MeasuredRun> => {
    let slice: { from: number; to: number } | undefined;
    if (scenario.once) {
      // Enough stale customers for 1.5 × what the last run of this subject consumed per second; the
      // first run gets a fixed share and ends early (every connection done) if it needs more.
      const rate = job.mode === 'paced' ? job.rate! : lastRate.get(subject.kind);
      const needed = Math.ceil(rate === undefined ? pool / 3 : rate * job.seconds * 1.5) + 2 * job.connections;
      if (staleTo.get(subject.kind)! - cursor.get(subject.kind)! < needed) {
        let from = staleTo.get(subject.kind)!;
        if (from + needed > pool) {
          // Start again from the first customers: their decisions were recomputed, make them stale again.
          from = 0;
          cursor.set(subject.kind, 0);
        }
        const to = Math.min(pool, from + Math.max(needed, 1_000));
        await scenario.once.refresh(ctx, subject, tag, from, to);
        staleTo.set(subject.kind, to);
      }
      slice = { from: cursor.get(subject.kind)!, to: staleTo.get(subject.kind)! };
    }
    const settled = await settleCores();
    if (!settled.quiet) log(`  ${scenario.id}: ${subject.label} starts while a process on the cores is still busy after ${(settled.waitedMs / 1000).toFixed(1)} s`);
    // Read once the cores are quiet: a build that finished while they quieted down was not the run's.
    const before = subject.kind === 'baseline' ? null : await readCounters(subject.url, ctx.apiKey);
    const cpuBefore = readCpuNs(subject.pid);
    const waitBefore = readRunQueueWaitNs(subject.pid);
    // The others are stopped only for the load itself: the settling before and after needs them running.
    const resume = pauseOthers(subject);
    let result: LoadResult;
    let waitAfter: number | null;
    try {
      result = await load.run({ ...job, url: subject.url, apiKey: ctx.apiKey, plan: scenario.plan(ctx, tag, slice) });
    } finally {
      // Before the others are continued: they would take the core before it is read.
      waitAfter = readRunQueueWaitNs(subject.pid);
      resume();
    }
    if (slice) {
      // The next run starts after every customer this one may have reached.
      cursor.set(subject.kind, Math.min(slice.to, slice.from + result.touched));
      if (job.mode === 'closed') lastRate.set(subject.kind, result.rps);
    }
    // The work a run leaves behind (learning, a major GC) is part of what its requests cost: the CPU
    // per request counts until the subject is quiet again, not just until its last answer. Only
    // the subject is waited for here (the others' idle time is not its cost); the next run waits
    // for all of them.
    const settledAfter = await settleCores([subject.pid]);
    const cpuAfter = readCpuNs(subject.pid);
    let snapshotBuilds: SnapshotBuilds | null = null;
    if (before) {
      const after = await readCounters(subject.url, ctx.apiKey);
      const delta = decisionsBetween(before, after);
      const total = served.get(subject.kind)!;
      if (job.mode === 'closed') served.set(subject.kind, { computed: total.computed + delta.computed, reused: total.reused + delta.reused });
      snapshotBuilds = snapshotBuildsBetween(before, after);
    }
    failures.set(subject.kind, failures.get(subject.kind)! + (result.completed - result.ok) + result.errors);
    const cpuUsPerRequest = cpuBefore !== null && cpuAfter !== null && result.completed > 0 ? (cpuAfter - cpuBefore) / 1000 / result.completed : null;
    const serverWaitMs = waitBefore !== null && waitAfter !== null ? (waitAfter - waitBefore) / 1e6 : null;
    return { ...result, cpuUsPerRequest, serverWaitMs, settled, settledAfter, snapshotBuilds };
  };

  /**
   * The first round of each subject, peak or paced, starts with an unmeasured run of the same job
   * (JIT, caches, sockets; and a subject idle for seconds while the others ran answers its first
   * requests slower than it then keeps up); a one-shot scenario cannot spend customers on one.
   */
  const warmUp = async (round: number, subject: Subject, job: Omit<LoadJob, 'url' | 'apiKey' | 'plan' | 'seconds'>, tag: string) => {
    if (round === 0 && !scenario.once) await runOne(subject, { ...job, seconds: config.warmupSeconds }, tag);
  };

  for (let round = 0; round < config.rounds; round++) {
    for (let k = 0; k < subjects.length; k++) {
      const subject = subjects[(round + k) % subjects.length]!;
      const closed = { mode: 'closed', connections: config.connections, ...(scenario.once ? { once: true } : {}) } as const;
      await warmUp(round, subject, closed, `${tagBase}-${subject.kind}-warmup`);
      const result = await runOne(subject, { ...closed, seconds: config.roundSeconds }, `${tagBase}-${subject.kind}-r${round}`);
      runs.get(subject.kind)!.push(result);
      log(
        `  ${scenario.id} round ${round + 1}/${config.rounds} ${subject.label.padEnd(9)} ${fmtRate(result.rps * scenario.perRequest)} ${scenario.unit}, p99 ${result.latency.p99.toFixed(2)} ms` +
          `${result.cpuUsPerRequest !== null ? `, ${result.cpuUsPerRequest.toFixed(0)} µs CPU/req` : ''}${result.ok < result.completed ? `, ${result.completed - result.ok} non-2xx` : ''}${runNote(result)}`,
      );
    }
  }

  const peaks = new Map(subjects.map((s) => [s.kind, median(runs.get(s.kind)!.map((r) => r.rps))]));
  const machineStalls = await probeStalls();
  if (machineStalls) log(`  ${scenario.id} machine: ${describeStalls(machineStalls)}`);
  // Half the peak, in alternating rounds too: one stall of a neighbour would otherwise decide a p99.
  const paced = new Map<Subject['kind'], MeasuredRun[]>(subjects.map((s) => [s.kind, []]));
  for (let round = 0; round < config.pacedRounds; round++) {
    for (let k = 0; k < subjects.length; k++) {
      const subject = subjects[(round + k) % subjects.length]!;
      const rate = Math.max(1, Math.round(peaks.get(subject.kind)! / 2));
      // A one-shot scenario has as many requests as customers: shorten the run rather than repeat one.
      const seconds = scenario.once ? Math.min(config.pacedSeconds, (0.9 * pool) / rate) : config.pacedSeconds;
      const pacedJob = { mode: 'paced', connections: config.pacedConnections, rate } as const;
      await warmUp(round, subject, pacedJob, `${tagBase}-${subject.kind}-paced-warmup`);
      const result = await runOne(subject, { ...pacedJob, seconds }, `${tagBase}-${subject.kind}-paced${round}`);
      paced.get(subject.kind)!.push(result);
      log(
        `  ${scenario.id} paced round ${round + 1}/${config.pacedRounds} ${subject.label.padEnd(9)} at ${fmtRate(rate * scenario.perRequest)} ${scenario.unit}: p50 ${result.latency.p50.toFixed(2)} ms, p99 ${result.latency.p99.toFixed(2)} ms` +
          `; send lag p99 ${result.sendLag?.p99.toFixed(2) ?? '–'} ms` +
          (result.serverWaitMs !== null ? `; server waited ${result.serverWaitMs.toFixed(0)} ms for its core` : '') +
          (result.generatorWaitMs != null ? `, generator ${result.generatorWaitMs.toFixed(0)} ms` : '') +
          runNote(result),
      );
    }
  }

  const baselinePeak = peaks.get('baseline');
  const cpuOf = (kind: Subject['kind']) => {
    const values = (runs.get(kind) ?? []).map((r) => r.cpuUsPerRequest).filter((v): v is number => v !== null);
    return values.length ? median(values) : null;
  };
  const baselineCpu = cpuOf('baseline');
  return {
    id: scenario.id,
    title: scenario.title,
    unit: scenario.unit,
    status: 'measured',
    machineStalls,
    subjects: subjects.map((subject): SubjectFigures => {
      const own = runs.get(subject.kind)!;
      const peak = peaks.get(subject.kind)!;
      const p = paced.get(subject.kind)!;
      const pMedian = (pick: (r: MeasuredRun) => number | null) => {
        const values = p.map(pick).filter((v): v is number => v !== null);
        return values.length ? median(values) : null;
      };
      const s = served.get(subject.kind)!;
      return {
        subject: subject.kind,
        label: subject.label,
        peak: peak * scenario.perRequest,
        rounds: own.map((r) => r.rps * scenario.perRequest),
        ratio: baselinePeak ? peak / baselinePeak : null,
        p50: median(own.map((r) => r.latency.p50)),
        p99: median(own.map((r) => r.latency.p99)),
        cpuUsPerRequest: cpuOf(subject.kind),
        cpuRatio: baselineCpu !== null && cpuOf(subject.kind) ? baselineCpu / cpuOf(subject.kind)! : null,
        paced: {
          rate: p[0]!.targetRate! * scenario.perRequest,
          achieved: pMedian((r) => r.rps)! * scenario.perRequest,
          p50: pMedian((r) => r.latency.p50)!,
          p99: pMedian((r) => r.latency.p99)!,
          p99Rounds: p.map((r) => r.latency.p99),
          lateShare: pMedian((r) => (r.completed ? (r.lateSends ?? 0) / r.completed : 0))!,
          sendLagP99: pMedian((r) => r.sendLag?.p99 ?? null) ?? NaN,
          loopDelayMaxMs: Math.max(...p.map((r) => r.loopDelayMaxMs ?? 0)),
          serverWaitShare: pMedian((r) => (r.serverWaitMs !== null ? r.serverWaitMs / 1000 / r.seconds : null)),
          generatorWaitShare: pMedian((r) => (r.generatorWaitMs != null ? r.generatorWaitMs / 1000 / r.seconds : null)),
          cpuUsPerRequest: pMedian((r) => r.cpuUsPerRequest),
          snapshotBuildRounds: subject.kind === 'baseline' ? null : p.map((r) => r.snapshotBuilds?.count ?? 0),
        },
        computedShare: subject.kind === 'baseline' || s.computed + s.reused === 0 ? null : s.computed / (s.computed + s.reused),
        failures: failures.get(subject.kind)!,
        runs: [...own, ...p],
      };
    }),
  };
}

/** One line on a stall probe: the floor it puts under a p99, then each core's gaps. */
export function describeStalls(m: MachineStalls): string {
  const cores = m.cores.map((c) => `core ${c.core} lost ${(c.stalledShare * 100).toFixed(1)}% in ${c.gaps} gaps > 1 ms (longest ${c.longestMs.toFixed(1)} ms)`).join(', ');
  return `${(m.lateShare * 100).toFixed(2)}% of requests would be > ${m.thresholdMs} ms late from stalls alone (${m.seconds} s idle probe: ${cores})`;
}

export function fmtRate(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
