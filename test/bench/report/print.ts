import { cpus } from 'node:os';
import type { BenchConfig } from '../config.ts';
import type { ProfileResult } from '../profile/profile-phase.ts';
import { formatProfile } from '../profile/top-self-time.ts';
import { describeStalls, type ScenarioFigures } from '../scenarios/measure.ts';
import type { Pinning } from '../servers/cpu-pinning.ts';
import type { BudgetLine } from './budget.ts';
import type { MemoryFigures } from './memory.ts';
import { budgetTable, memoryTable, resultsTable } from './table.ts';

export interface Report {
  readonly config: BenchConfig;
  readonly pinning: Pinning;
  readonly customers: number;
  readonly redisNote: string;
  readonly decisionBytes: number | null;
  readonly scenarios: readonly ScenarioFigures[];
  readonly budget: readonly BudgetLine[];
  readonly memory: readonly MemoryFigures[];
  readonly profile: ProfileResult | null;
  readonly profileNote: string;
  readonly resultsFile: string;
  readonly seconds: number;
}

/** The text a run prints: context, the results table, budget verdicts, memory, profile summaries. */
export function printReport(r: Report): string {
  const { config } = r;
  const out: string[] = [];
  out.push('', `omnikernel bench — ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}, ${r.pinning.note}`);
  out.push(
    `${r.customers.toLocaleString('en-US')} customers per store; ${config.rounds} rounds × ${config.roundSeconds} s at peak (${config.connections} connections), ` +
      `${config.pacedRounds} × ${config.pacedSeconds} s paced at half the peak; Redis: ${r.redisNote}`,
  );
  out.push(`gateway node flags: ${config.gatewayNodeFlags.join(' ') || "none (V8's defaults)"}`);
  if (r.decisionBytes !== null) out.push(`decision envelope: ${r.decisionBytes.toLocaleString('en-US')} bytes (the baseline answers the same bytes on each path)`);
  out.push('', resultsTable(r.scenarios));
  const probed = r.scenarios.filter((s) => s.machineStalls);
  if (probed.length > 0) {
    out.push('', 'machine stalls, probed with the servers idle before each scenario\'s paced rounds (a floor under its p99 @ ½ peak):');
    for (const s of probed) out.push(`  ${s.id}: ${describeStalls(s.machineStalls!)}`);
  }
  out.push('', budgetTable(r.budget), '', memoryTable(r.memory));
  if (r.profile) {
    out.push('', `CPU profile (embedded store, profiler on): ${r.profile.file}`);
    for (const w of r.profile.workloads) out.push('', formatProfile(`${w.name} at ${Math.round(w.rps).toLocaleString('en-US')} req/s`, w.summary));
  } else out.push('', `CPU profile: ${r.profileNote}`);
  out.push('', `figures: ${r.resultsFile} — whole run ${r.seconds.toFixed(0)} s`, '');
  return out.join('\n');
}
