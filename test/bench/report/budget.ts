import type { ScenarioFigures, SubjectFigures } from '../scenarios/measure.ts';

/** One line of the issue's performance budget, checked against one run's figures. */
export interface BudgetLine {
  readonly rule: string;
  readonly measured: string;
  /** null: could not be checked (scenario n/a, subject not run). */
  readonly pass: boolean | null;
}

/**
 * The budget, as ratios to the bare Hono baseline of the same run (throughput) or absolute
 * (ingestion rate, latency). Each gateway store is checked on its own line.
 */
export function checkBudget(scenarios: readonly ScenarioFigures[]): BudgetLine[] {
  const find = (id: ScenarioFigures['id'], subject: SubjectFigures['subject']) => {
    const scenario = scenarios.find((s) => s.id === id);
    return scenario?.status === 'measured' ? scenario.subjects.find((s) => s.subject === subject) : undefined;
  };
  const lines: BudgetLine[] = [];
  const ratio = (id: ScenarioFigures['id'], name: string, min: number) => {
    for (const store of ['embedded', 'redis'] as const) {
      const f = find(id, store);
      // The verdict is on throughput, as the budget says; the CPU-based ratio is shown beside it
      // because on a shared machine it is the steadier of the two.
      const measured = f?.ratio != null ? `${f.ratio.toFixed(2)}${f.cpuRatio != null ? ` (CPU-based ${f.cpuRatio.toFixed(2)})` : ''}` : 'n/a';
      lines.push({ rule: `${name} ≥ ${min} × baseline (${store})`, measured, pass: f?.ratio != null ? f.ratio >= min : null });
    }
  };
  ratio('warm-decision', 'warm decision', 0.7);
  ratio('recomputed-decision', 'recomputed decision', 0.2);
  for (const [store, min] of [['embedded', 30_000], ['redis', 15_000]] as const) {
    const f = find('ingestion', store);
    lines.push({ rule: `ingestion ≥ ${min.toLocaleString('en-US')} events/s (${store})`, measured: f ? `${Math.round(f.peak).toLocaleString('en-US')} events/s` : 'n/a', pass: f ? f.peak >= min : null });
  }
  // The baseline's own p99 at half its peak is shown beside each: when it is above 5 ms too, the
  // machine (a neighbour taking the core), not the gateway, set the tail of this run.
  const floor = find('warm-decision', 'baseline')?.paced;
  // And how much of the run the gateway's JS thread waited for its core: time a neighbour had it.
  const waited = (share: number | null) => (share !== null && share > 0.02 ? `, waited ${Math.round(share * 100)}% of the run for its core` : '');
  // And the floor the machine's own stalls put under any p99 (probed idle just before the paced
  // rounds): when more than 1% of requests would be over 5 ms late from them alone, no server can
  // meet the budget on this machine at that time (ADR 0021).
  const stalls = scenarios.find((s) => s.id === 'warm-decision')?.machineStalls;
  const machine = stalls ? `; machine stalls alone: ${(stalls.lateShare * 100).toFixed(2)}% of requests > 5 ms late${stalls.lateShare > 0.01 ? ' (out of reach on this machine now)' : ''}` : '';
  for (const store of ['embedded', 'redis'] as const) {
    const f = find('warm-decision', store);
    lines.push({
      rule: `warm decision p99 ≤ 5 ms at half its peak (${store})`,
      measured: f?.paced ? `${f.paced.p99.toFixed(2)} ms at ${Math.round(f.paced.rate).toLocaleString('en-US')} req/s${floor ? ` (baseline ${floor.p99.toFixed(2)} ms)` : ''}${waited(f.paced.serverWaitShare)}${machine}` : 'n/a',
      pass: f?.paced ? f.paced.p99 <= 5 : null,
    });
  }
  return lines;
}
