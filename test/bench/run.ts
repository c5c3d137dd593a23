import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_API_KEY, loadConfig } from './config.ts';
import { startLoadGenerator } from './load/generator.ts';
import { profileGateway, type ProfileResult } from './profile/profile-phase.ts';
import { checkBudget } from './report/budget.ts';
import { cacheBytesPerEntry, type MemoryFigures } from './report/memory.ts';
import { printReport } from './report/print.ts';
import { writeResults } from './report/results-file.ts';
import { benchCustomers } from './scenarios/customers.ts';
import { RUN_ORDER, SCENARIOS, type ScenarioId } from './scenarios/definitions.ts';
import { startGatewaysUnderTest } from './scenarios/gateways-under-test.ts';
import { measureScenario, type ScenarioFigures } from './scenarios/measure.ts';
import { probeScenario, type ProbeOutcome } from './scenarios/probe.ts';
import type { BenchContext, Subject } from './scenarios/subjects.ts';
import { startBaseline, type BaselineRoute } from './servers/baseline.ts';
import { pauseProcesses } from './servers/pause.ts';
import { disposeAll, installCleanupHooks, onDispose } from './servers/children.ts';
import { detectPinning, pinRunning } from './servers/cpu-pinning.ts';
import { probeMachineStalls } from './servers/machine-stalls.ts';
import { ensureGatewayBuild } from './servers/gateway-build.ts';
import { readMemory } from './servers/proc-status.ts';
import { settle } from './servers/settle.ts';

/**
 * `npm run bench`: starts a bare Hono baseline, the production gateway bundle on the embedded store
 * and on a redis-server of its own, and a load generator on the other core; measures the five
 * scenarios with baseline and gateways taking turns; profiles the hot paths; prints the table and
 * the budget verdicts and writes bench/results/latest.json. Everything it starts, it stops.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RESULTS_FILE = join(ROOT, 'bench/results/latest.json');
const t0 = performance.now();
const log = (line: string) => process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);

async function main(): Promise<void> {
  installCleanupHooks();
  const config = loadConfig();
  const pinning = detectPinning();
  // The orchestrator's own work (seeding, /metrics reads) stays off the measured core too.
  if (pinning.enabled) pinRunning(pinning, process.pid, pinning.loadCore);
  log(`pinning: ${pinning.note}`);
  if (config.gatewayBundle) log(`gateway bundle: ${config.gatewayBundle} (BENCH_GATEWAY_BUNDLE)`);
  else log(`gateway bundle: ${ensureGatewayBuild(ROOT) === 'built' ? 'rebuilt (sources were newer)' : 'up to date'}`);
  log(`gateway node flags: ${config.gatewayNodeFlags.join(' ') || "none (V8's defaults)"}`);
  if (config.gatewayLogDir) log(`gateway output: ${config.gatewayLogDir}/gateway-<port>.log (BENCH_GATEWAY_LOG_DIR)`);
  const workDir = mkdtempSync(join(tmpdir(), 'omk-bench-'));
  onDispose('work folder', async () => rmSync(workDir, { recursive: true, force: true }));

  // The gateways, seeded; then one probe per scenario, whose answers the baseline will repeat.
  const customers = benchCustomers(config.customers);
  const { gateways, products, redisNote, redisPid } = await startGatewaysUnderTest({ root: ROOT, config, pinning, apiKey: BENCH_API_KEY, customers, log });
  const ctx: BenchContext = { apiKey: BENCH_API_KEY, customers, products };
  const selected = SCENARIOS.filter((s) => config.only.length === 0 || config.only.includes(s.id));
  const probes = new Map<ScenarioId, ProbeOutcome>();
  const routes = new Map<string, BaselineRoute>();
  for (const scenario of selected) {
    const probe = await probeScenario(scenario, gateways[0]!.subject.url, ctx);
    probes.set(scenario.id, probe);
    if (probe.ok) routes.set(`${probe.route.method} ${probe.route.path}`, probe.route);
    log(`probe ${scenario.id}: ${probe.ok ? `${probe.bytes.toLocaleString('en-US')} bytes (${probe.route.contentType})` : `${probe.status}: ${probe.note}`}`);
  }

  const baseline = await startBaseline({ pinning, routes: [...routes.values()], workDir });
  const load = startLoadGenerator(pinning);
  const subjects: Subject[] = [{ kind: 'baseline', label: 'baseline', url: baseline.url, pid: baseline.pid }, ...gateways.map((g) => g.subject)];
  // Every run starts once the servers are done with the previous one (ADR 0024). A gateway under
  // V8's profiler is never quiet (its sampling thread runs on): no waits then.
  const profiled = config.gatewayNodeFlags.some((f) => f.startsWith('--cpu-prof') || f === '--prof');
  if (profiled) log('gateway node flags profile the gateways: runs start without waiting for quiet cores');
  const quietPids = [...subjects.map((s) => s.pid), ...(redisPid !== null ? [redisPid] : [])];
  const settleCores = (pids?: readonly number[]) => settle(profiled ? [] : (pids ?? quietPids));
  // Each subject is measured alone on its core: the others are stopped for the length of its runs (servers/pause.ts).
  const pauseOthers = (subject: Subject) => pauseProcesses(subjects.filter((s) => s.pid !== subject.pid).map((s) => s.pid));
  const figures = new Map<ScenarioId, ScenarioFigures>();
  for (const id of RUN_ORDER) {
    const scenario = selected.find((s) => s.id === id);
    if (!scenario) continue;
    const probe = probes.get(id)!;
    if (!probe.ok) {
      figures.set(id, { id, title: scenario.title, unit: scenario.unit, status: probe.status, note: probe.note, subjects: [] });
      continue;
    }
    log(`measuring ${scenario.title}`);
    try {
      figures.set(id, await measureScenario(scenario, subjects, ctx, config, load, log, { probeStalls: () => probeMachineStalls(pinning, config.stallProbeSeconds), settleCores, pauseOthers }));
    } catch (error) {
      log(`  ${id} failed: ${(error as Error).message}`);
      figures.set(id, { id, title: scenario.title, unit: scenario.unit, status: 'failed', note: (error as Error).message.split('\n')[0]!, subjects: [] });
    }
  }

  const memory: MemoryFigures[] = gateways.map(({ subject, preparation: p }) => ({
    label: subject.label,
    peakRss: readMemory(subject.pid)?.peakRss ?? NaN,
    rssBeforeSeeding: p.rssBefore,
    rssAfterWarmup: p.rssAfter,
    rssPerCustomer: (p.rssAfter - p.rssBefore) / customers.length,
    redisBytesPerCustomer: p.redisBefore !== null && p.redisAfter !== null ? (p.redisAfter - p.redisBefore) / customers.length : null,
    cacheBytesPerEntry: cacheBytesPerEntry(p.storeStats),
    storeStats: p.storeStats,
  }));
  // Free the measured core before profiling: only the profiled gateway runs there then.
  await baseline.stop();
  for (const g of gateways) await g.gateway.stop();

  let profile: ProfileResult | null = null;
  let profileNote = 'skipped (BENCH_PROFILE=0)';
  if (config.profile) {
    log('profiling the embedded gateway (node --cpu-prof): warm decision, recomputed decision, ingestion');
    try {
      profile = await profileGateway({ root: ROOT, pinning, ctx, config, load, workDir, resultsDir: join(ROOT, 'bench/results'), log });
      profileNote = profile.file;
    } catch (error) {
      profileNote = `failed: ${(error as Error).message}`;
      log(`  profile ${profileNote}`);
    }
  }
  await load.stop();

  const scenarios = SCENARIOS.map((s) => figures.get(s.id)).filter((f): f is ScenarioFigures => f !== undefined);
  const budget = checkBudget(scenarios);
  const seconds = (performance.now() - t0) / 1000;
  const decision = probes.get('warm-decision');
  const decisionBytes = decision?.ok ? decision.bytes : null;
  process.stdout.write(printReport({ config, pinning, customers: customers.length, redisNote, decisionBytes, scenarios, budget, memory, profile, profileNote, resultsFile: RESULTS_FILE, seconds }));
  writeResults(RESULTS_FILE, {
    startedAt: new Date(Date.now() - seconds * 1000).toISOString(),
    seconds,
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, pinning },
    config,
    redis: redisNote,
    bodies: Object.fromEntries([...probes].map(([id, p]) => [id, p.ok ? { bytes: p.bytes, contentType: p.route.contentType } : { status: p.status, note: p.note }])),
    preparation: Object.fromEntries(gateways.map((g) => [g.subject.kind, g.preparation])),
    scenarios,
    budget,
    memory,
    profile: profile ?? profileNote,
  });
}

main()
  .then(() => disposeAll())
  .then(() => process.exit(0))
  .catch(async (error: Error) => {
    process.stderr.write(`\nbench failed: ${error.stack ?? error.message}\n`);
    await disposeAll();
    process.exit(1);
  });
