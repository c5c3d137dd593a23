import type { ScenarioFigures, SubjectFigures } from '../scenarios/measure.ts';
import type { BudgetLine } from './budget.ts';
import type { MemoryFigures } from './memory.ts';

const rate = (v: number) => Math.round(v).toLocaleString('en-US');
const ms = (v: number) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms` : '–');
const mb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1_048_576).toFixed(0)} MB` : '–');

/** Left-aligned text columns, widths from the content. */
function columns(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}

function notes(f: SubjectFigures): string {
  const out: string[] = [];
  if (f.computedShare !== null) out.push(`${Math.round(f.computedShare * 100)}% computed`);
  if (f.failures > 0) out.push(`${f.failures} non-2xx/errors`);
  if (f.paced) out.push(...pacedNoise(f.paced));
  if (f.paced && f.paced.achieved < f.paced.rate * 0.95) out.push(`paced: reached ${rate(f.paced.achieved)}`);
  return out.join('; ');
}

const share = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)}%`);

/**
 * What the machine and the tool added to a p99 at half the peak (every latency counts from its due
 * time, so both are in it): the generator's lateness when its send-lag p99 passes 1 ms, and the
 * share of the run the server's and the generator's JS threads waited for their cores when either
 * passes 2% — someone else had the core then, and requests queued meanwhile — and the gateway's
 * own snapshot builds, in the rounds that had any.
 */
function pacedNoise(p: NonNullable<SubjectFigures['paced']>): string[] {
  const out: string[] = [];
  if (p.sendLagP99 > 1) out.push(`generator late p99 ${ms(p.sendLagP99)}, stalled up to ${ms(p.loopDelayMaxMs)}`);
  if ((p.serverWaitShare ?? 0) > 0.02 || (p.generatorWaitShare ?? 0) > 0.02) out.push(`waited for their cores: server ${share(p.serverWaitShare)}, generator ${share(p.generatorWaitShare)}`);
  // A build yields to requests every ~2 ms, but a round it lands in is the gateway's own noise.
  const builds = p.snapshotBuildRounds ?? [];
  if (builds.some((n) => n > 0)) out.push(`snapshot builds per round ${builds.join('/')}`);
  return out.length ? [`paced: ${out.join(', ')}`] : [];
}

/** The main table: one row per scenario and subject. */
export function resultsTable(scenarios: readonly ScenarioFigures[]): string {
  const rows: string[][] = [['scenario', 'subject', 'peak', 'unit', '× base', 'p50', 'p99', 'p99 @ ½ peak', '(rate)', 'CPU/req', '× base CPU', 'notes']];
  for (const s of scenarios) {
    if (s.status !== 'measured') {
      rows.push([s.title, '–', s.status, '', '', '', '', '', '', '', '', s.note ?? '']);
      continue;
    }
    s.subjects.forEach((f, i) => {
      rows.push([
        i === 0 ? s.title : '',
        f.label,
        rate(f.peak),
        s.unit,
        f.ratio === null ? '–' : f.ratio.toFixed(2),
        ms(f.p50),
        ms(f.p99),
        f.paced ? ms(f.paced.p99) : '–',
        f.paced ? `@ ${rate(f.paced.rate)}/s` : '',
        f.cpuUsPerRequest === null ? '–' : `${f.cpuUsPerRequest.toFixed(0)} µs`,
        f.cpuRatio === null ? '–' : f.cpuRatio.toFixed(2),
        notes(f),
      ]);
    });
  }
  return columns(rows);
}

export function budgetTable(lines: readonly BudgetLine[]): string {
  return columns([['budget', 'measured', 'verdict'], ...lines.map((l) => [l.rule, l.measured, l.pass === null ? 'n/a' : l.pass ? 'PASS' : 'FAIL'])]);
}

export function memoryTable(memory: readonly MemoryFigures[]): string {
  const rows = [['gateway', 'peak RSS (VmHWM)', 'RSS before seeding', 'RSS after warm-up', 'RSS Δ per customer', 'Redis Δ per customer', 'store cache bytes/entry']];
  for (const m of memory) {
    rows.push([
      m.label,
      mb(m.peakRss),
      mb(m.rssBeforeSeeding),
      mb(m.rssAfterWarmup),
      Number.isFinite(m.rssPerCustomer) ? `${rate(m.rssPerCustomer)} B` : '–',
      m.redisBytesPerCustomer === null ? '–' : `${rate(m.redisBytesPerCustomer)} B`,
      m.cacheBytesPerEntry.length ? m.cacheBytesPerEntry.map((c) => `${c.name}: ${rate(c.bytesPerEntry)} B × ${rate(c.entries)}`).join(', ') : 'not reported by the store',
    ]);
  }
  return columns(rows);
}
