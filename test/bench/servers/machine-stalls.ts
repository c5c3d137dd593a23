import { spawn } from 'node:child_process';
import { track } from './children.ts';
import { pinnedCommand, type Pinning } from './cpu-pinning.ts';

/**
 * How often the machine itself takes a core away from a process that wants it: a spinner per core
 * reads the monotonic clock in a loop, and every gap between two readings longer than
 * GAP_NS is time it did not run (the hypervisor ran another guest, or the kernel something else).
 * Run while the servers idle, just before the paced rounds, it gives the floor under their p99: a
 * request due while the server's core or the generator's is taken waits at least until the core
 * comes back, whatever code answers it (ADR 0021).
 */
export interface MachineStalls {
  readonly seconds: number;
  readonly cores: readonly CoreStalls[];
  /**
   * Share of the probe's time at which a request falling due would have waited more than
   * `thresholdMs` for one of the cores (the union over cores of the first `gap - threshold` of each
   * gap longer than the threshold). Above 1%, a p99 within the threshold is out of reach for any
   * server on this machine at that time: more than 1% of requests are late by the machine alone.
   */
  readonly lateShare: number;
  readonly thresholdMs: number;
}

export interface CoreStalls {
  readonly core: number;
  /** Gaps longer than 1 ms, the longest, and the share of the probe they took. */
  readonly gaps: number;
  readonly longestMs: number;
  readonly stalledShare: number;
}

/** Gaps shorter than this are the loop's own jitter (a clock read, an interrupt), not a stall. */
const GAP_NS = 1_000_000;

// Reads the clock for `seconds`, prints the gaps as [start, end] pairs of monotonic ns (the same clock
// in every process, so the parent can line the cores up).
const SPINNER = `
const until = process.hrtime.bigint() + BigInt(Math.round(Number(process.argv[1]) * 1e9));
const gaps = [];
let last = process.hrtime.bigint();
for (;;) {
  const now = process.hrtime.bigint();
  if (now - last > ${GAP_NS}n) gaps.push([String(last), String(now)]);
  last = now;
  if (now > until) break;
}
process.stdout.write(JSON.stringify(gaps));
`;

type Gap = readonly [start: number, end: number];

/** Spins on every core the bench uses at once for `seconds`; null when cores are not pinned. */
export async function probeMachineStalls(pinning: Pinning, seconds: number, thresholdMs = 5): Promise<MachineStalls | null> {
  if (!pinning.enabled) return null;
  const cores = [pinning.serverCore, pinning.loadCore];
  const started = process.hrtime.bigint();
  const perCore = await Promise.all(cores.map((core) => spin(pinning, core, seconds, started)));
  const durationNs = seconds * 1e9;
  const thresholdNs = thresholdMs * 1e6;
  const late: Gap[] = perCore.flat().filter(([a, b]) => b - a > thresholdNs).map(([a, b]) => [a, b - thresholdNs] as const);
  return {
    seconds,
    thresholdMs,
    lateShare: unionLength(late) / durationNs,
    cores: cores.map((core, i) => {
      const gaps = perCore[i]!;
      const lengths = gaps.map(([a, b]) => b - a);
      return { core, gaps: gaps.length, longestMs: Math.max(0, ...lengths) / 1e6, stalledShare: lengths.reduce((s, v) => s + v, 0) / durationNs };
    }),
  };
}

/** One core's gaps, in ns since `origin`. */
function spin(pinning: Pinning, core: number, seconds: number, origin: bigint): Promise<Gap[]> {
  const [command, args] = pinnedCommand(pinning, core, process.execPath, ['-e', SPINNER, String(seconds)]);
  const child = track(spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] }));
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`stall probe on core ${core} exited with ${code}`));
      const pairs = JSON.parse(out) as [string, string][];
      resolve(pairs.map(([a, b]) => [Number(BigInt(a) - origin), Number(BigInt(b) - origin)] as const));
    });
  });
}

/** Total length covered by a set of intervals (overlaps counted once). */
export function unionLength(intervals: readonly Gap[]): number {
  const sorted = [...intervals].sort((x, y) => x[0] - y[0]);
  let total = 0;
  let from = Number.NEGATIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const [a, b] of sorted) {
    if (a > to) {
      if (to > from) total += to - from;
      from = a;
      to = b;
    } else if (b > to) to = b;
  }
  if (to > from) total += to - from;
  return total;
}
