import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gatewayProcessOptions, type BenchConfig } from '../config.ts';
import type { LoadGenerator } from '../load/generator.ts';
import type { LoadResult } from '../load/job.ts';
import type { BenchContext } from '../scenarios/subjects.ts';
import { ingestCustomers, prewarmDecisions } from '../scenarios/seed.ts';
import { invalidateDecisions } from '../scenarios/invalidate.ts';
import { allCores, pinRunning, type Pinning } from '../servers/cpu-pinning.ts';
import { benchCustomers } from '../scenarios/customers.ts';
import { startGateway } from '../servers/gateway.ts';
import { summarizeProfile, type ProfileSummary } from './cpuprofile.ts';

export interface ProfileResult {
  /** Where the .cpuprofile was kept (open it in Chrome DevTools or speedscope for the call tree). */
  readonly file: string;
  /** Each workload's hrtime window (ns), for `top-self-time.ts --from-ns --to-ns`. */
  readonly workloads: readonly { readonly name: string; readonly rps: number; readonly windowNs: readonly [string, string]; readonly summary: ProfileSummary }[];
}

/**
 * Profiles the embedded gateway under three workloads with `node --cpu-prof`: the warm decision,
 * the recomputed decision and ingestion. The profile covers the whole process (boot, demo load, seeding), so each workload's
 * summary is cut to the window of its load run: V8 stamps samples with CLOCK_MONOTONIC
 * microseconds, the clock of process.hrtime in the load generator. The profiler costs some
 * throughput; these runs explain where time goes, the measured runs say how much there is.
 */
export async function profileGateway(options: { root: string; pinning: Pinning; ctx: BenchContext; config: BenchConfig; load: LoadGenerator; workDir: string; resultsDir: string; log: (l: string) => void }): Promise<ProfileResult> {
  const { ctx, config, load, log, pinning } = options;
  // Fewer customers than the measured runs: the hot path per request is the same, and seeding is
  // the slow part of this phase.
  const customers = benchCustomers(Math.min(config.profileCustomers, ctx.customers.length));
  const dir = join(options.workDir, 'cpu-profile');
  mkdirSync(dir, { recursive: true });
  const gateway = await startGateway({ root: options.root, ...gatewayProcessOptions(config), pinning, apiKey: ctx.apiKey, nodeArgs: ['--cpu-prof', '--cpu-prof-dir', dir], cores: allCores(pinning) });
  const runs: { name: string; result: LoadResult }[] = [];
  try {
    log(`  profile: seeding ${customers.length.toLocaleString('en-US')} customers and computing their decisions`);
    await ingestCustomers(gateway.url, ctx.apiKey, customers, ctx.products);
    await prewarmDecisions(gateway.url, ctx.apiKey, customers);
    pinRunning(pinning, gateway.pid, pinning.serverCore);
    const base = { url: gateway.url, apiKey: ctx.apiKey, seconds: config.profileSeconds, connections: config.connections } as const;
    runs.push({ name: 'warm decision', result: await load.run({ ...base, mode: 'closed', plan: { kind: 'decisions', customers: customers.length }, warmupSeconds: config.warmupSeconds }) });
    // The costliest request per unit, though the budget does not ask for its profile: each customer
    // once, after a cart change made its decision stale.
    await invalidateDecisions(gateway.url, ctx.apiKey, customers, ctx.products, `profile-${Date.now().toString(36)}`);
    runs.push({ name: 'recomputed decision', result: await load.run({ ...base, mode: 'closed', once: true, plan: { kind: 'decisions', customers: customers.length } }) });
    runs.push({ name: 'ingestion (100 per batch)', result: await load.run({ ...base, mode: 'closed', plan: { kind: 'events', customers: customers.length, products: ctx.products, tag: `profile-${Date.now().toString(36)}`, batchSize: 100 } }) });
  } finally {
    const code = await gateway.stop();
    if (code !== 0) log(`  profile: the gateway exited with ${code}; the profile may be missing`);
  }
  const written = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (written.length === 0) throw new Error(`node --cpu-prof wrote no profile in ${dir} (the gateway must exit normally on SIGTERM)`);
  mkdirSync(options.resultsDir, { recursive: true });
  const kept = join(options.resultsDir, 'gateway.cpuprofile');
  copyFileSync(join(dir, written[0]!), kept);
  return {
    file: kept,
    workloads: runs.map(({ name, result }) => ({
      name,
      rps: result.rps,
      windowNs: result.windowNs,
      summary: summarizeProfile(kept, { root: options.root, top: 20, fromUs: Number(BigInt(result.windowNs[0]) / 1000n), toUs: Number(BigInt(result.windowNs[1]) / 1000n) }),
    })),
  };
}
