import { resolve } from 'node:path';
import { GATEWAY_NODE_FLAGS } from './servers/gateway.ts';

/**
 * The bench's knobs. Defaults aim at a whole run under five minutes on a 2-core machine: about
 * 4 s of peak load per subject and scenario (3 rounds of 1.2 s after a 0.4 s warm-up) and 4 s at
 * half the peak (3 rounds of 1.2 s after a 0.4 s warm-up). Seeding 10,000 customers per store
 * takes what the gateway's ingestion and decision rates make it take. Override with environment
 * variables (README.md).
 */
export interface BenchConfig {
  readonly customers: number;
  readonly rounds: number;
  /** Seconds of each closed-loop (peak) round. */
  readonly roundSeconds: number;
  /** Unmeasured seconds before the first round of each subject in each scenario. */
  readonly warmupSeconds: number;
  /** Paced rounds per subject at half the peak, and seconds of each. */
  readonly pacedRounds: number;
  readonly pacedSeconds: number;
  readonly connections: number;
  /** Paced runs: the most requests in flight (a stalled server queues behind these). */
  readonly pacedConnections: number;
  /** Seconds of the idle stall probe before each scenario's paced rounds (BENCH_STALL_PROBE_SECONDS). */
  readonly stallProbeSeconds: number;
  readonly redis: boolean;
  /**
   * Start the Redis gateway with OMNIKERNEL_DEMO=1 (BENCH_REDIS_DEMO=1) instead of copying the
   * demo catalog into it through the API: ~45 s more, and fragile on a busy machine.
   */
  readonly redisDemo: boolean;
  readonly profile: boolean;
  /** Seconds of load per profiled workload, and customers seeded for it. */
  readonly profileSeconds: number;
  readonly profileCustomers: number;
  /** Only these scenarios (BENCH_ONLY=warm-decision,ingestion); empty: all. */
  readonly only: readonly string[];
  /**
   * Another gateway bundle to measure instead of gateway/dist/main.js (BENCH_GATEWAY_BUNDLE): the
   * bundle of a scratch copy with a candidate fix, for an A/B against the same baseline.
   */
  readonly gatewayBundle: string | null;
  /**
   * The gateway's node flags (BENCH_GATEWAY_NODE_FLAGS, space-separated; empty: V8's defaults).
   * Default: the production flags of gateway/README.md.
   */
  readonly gatewayNodeFlags: readonly string[];
  /**
   * A folder for each gateway's own output (BENCH_GATEWAY_LOG_DIR; `gateway-<port>.log`), e.g.
   * the lines of `--trace-gc` given in BENCH_GATEWAY_NODE_FLAGS. null: only its tail is kept, for
   * the error when it fails to start.
   */
  readonly gatewayLogDir: string | null;
}

function number(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not ${JSON.stringify(raw)}`);
  return value;
}

const flag = (name: string, fallback: boolean) => (process.env[name] === undefined ? fallback : !['0', 'false', 'no'].includes(process.env[name]!.toLowerCase()));

export function loadConfig(): BenchConfig {
  return {
    customers: Math.round(number('BENCH_CUSTOMERS', 10_000)),
    rounds: Math.round(number('BENCH_ROUNDS', 3)),
    roundSeconds: number('BENCH_ROUND_SECONDS', 1.2),
    warmupSeconds: number('BENCH_WARMUP_SECONDS', 0.4),
    pacedRounds: Math.round(number('BENCH_PACED_ROUNDS', 3)),
    pacedSeconds: number('BENCH_PACED_SECONDS', 1.2),
    connections: Math.round(number('BENCH_CONNECTIONS', 10)),
    pacedConnections: Math.round(number('BENCH_PACED_CONNECTIONS', 64)),
    stallProbeSeconds: number('BENCH_STALL_PROBE_SECONDS', 1),
    redis: flag('BENCH_REDIS', true),
    redisDemo: flag('BENCH_REDIS_DEMO', false),
    profile: flag('BENCH_PROFILE', true),
    profileSeconds: number('BENCH_PROFILE_SECONDS', 3),
    profileCustomers: Math.round(number('BENCH_PROFILE_CUSTOMERS', 500)),
    only: (process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    gatewayBundle: process.env.BENCH_GATEWAY_BUNDLE ? resolve(process.env.BENCH_GATEWAY_BUNDLE) : null,
    gatewayNodeFlags: process.env.BENCH_GATEWAY_NODE_FLAGS === undefined ? GATEWAY_NODE_FLAGS : process.env.BENCH_GATEWAY_NODE_FLAGS.split(/\s+/).filter(Boolean),
    gatewayLogDir: process.env.BENCH_GATEWAY_LOG_DIR ? resolve(process.env.BENCH_GATEWAY_LOG_DIR) : null,
  };
}

/** The key the bench gives its gateways (admin scope); it never leaves loopback. */
export const BENCH_API_KEY = 'omnikernel-bench-admin-key-0001';

/** How the bench's config starts a gateway process: which bundle, with which node flags, its output where. */
export function gatewayProcessOptions(config: BenchConfig): { bundle: string | null; v8Flags: readonly string[]; logDir: string | null } {
  return { bundle: config.gatewayBundle, v8Flags: config.gatewayNodeFlags, logDir: config.gatewayLogDir };
}
