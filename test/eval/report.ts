import type { ItemCandidate } from '@omnikernel/sdk';
import type { Scores } from './metrics.ts';

interface Report {
  readonly store: string;
  readonly trainInvoices: number;
  readonly catalogSize: number;
  readonly trainMs: number;
  readonly totalMs: number;
  readonly baselines: Readonly<Record<string, Scores>>;
  readonly plugin: Scores;
  readonly pluginNovel: Scores;
  /** decide latencies (ms), sorted. */
  readonly timings: readonly number[];
  readonly example: readonly [string, readonly ItemCandidate[]] | undefined;
  readonly options: unknown;
}

const f = (x: number) => x.toFixed(4);

/** Prints the table, an example, the latencies and, last, one JSON line with every number. */
export function printReport(r: Report): void {
  const rows: [string, Scores][] = [
    ['POP', r.baselines.POP!],
    ['REPEAT', r.baselines.REPEAT!],
    ['recommendations (defaults)', r.plugin],
    ['POP novel (skips owned)', r.baselines['POP novel']!],
    ['recommendations novel (exclude)', r.pluginNovel],
  ];
  console.log(`protocol B, cutoff 2011-11-01, K=10; store: ${r.store}; ${r.trainInvoices} training invoices; ${r.catalogSize} products`);
  console.log(`${'recommender'.padEnd(34)} ${'customers'.padStart(9)} ${'HR@10'.padStart(7)} ${'Recall@10'.padStart(9)} ${'coverage'.padStart(8)}`);
  for (const [name, s] of rows) console.log(`${name.padEnd(34)} ${String(s.customers).padStart(9)} ${f(s.hr).padStart(7)} ${f(s.recall).padStart(9)} ${f(s.coverage).padStart(8)}`);
  const pct = (p: number) => r.timings[Math.min(r.timings.length - 1, Math.floor(p * r.timings.length))] ?? 0;
  const decide = { p50Ms: round(pct(0.5)), p99Ms: round(pct(0.99)), maxMs: round(r.timings.at(-1) ?? 0) };
  console.log(`decide latency (warm pass, this process): p50 ${decide.p50Ms} ms, p99 ${decide.p99Ms} ms, max ${decide.maxMs} ms; training ${Math.round(r.trainMs)} ms; total ${Math.round(r.totalMs)} ms`);
  if (r.example) {
    console.log(`example, customer ${r.example[0]}:`);
    for (const item of r.example[1].slice(0, 5)) console.log(`  ${item.productId.padEnd(8)} ${item.score.toFixed(3)} ${item.repeat ? 'repeat' : 'new   '} ${item.reasons.join(' · ')}`);
  }
  const json = {
    protocol: 'B',
    k: 10,
    store: r.store,
    targets: { hr: 0.785, novelHr: 0.309 },
    baselines: Object.fromEntries(Object.entries(r.baselines).map(([k, s]) => [k, clean(s)])),
    plugin: clean(r.plugin),
    pluginNovel: clean(r.pluginNovel),
    passed: r.plugin.hr >= 0.785 && r.pluginNovel.hr >= 0.309,
    decide,
    trainMs: Math.round(r.trainMs),
    totalMs: Math.round(r.totalMs),
  };
  console.log(JSON.stringify(json));
}

function clean(s: Scores) {
  return { customers: s.customers, hr: round(s.hr), recall: round(s.recall), coverage: round(s.coverage) };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
