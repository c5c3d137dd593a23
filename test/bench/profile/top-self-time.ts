import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { summarizeProfile, type ProfileSummary } from './cpuprofile.ts';

/** Renders a summary: the top functions by self time with file:line, self time by area, then our own code paths by inclusive time. */
export function formatProfile(title: string, summary: ProfileSummary, options: { inclusive: number } = { inclusive: 10 }): string {
  const pct = (v: number) => `${(v * 100).toFixed(1).padStart(5)}%`;
  const lines = [
    `${title}: ${summary.windowMs.toFixed(0)} ms sampled, ${summary.busyMs.toFixed(0)} ms busy (${summary.windowMs > 0 ? Math.round((summary.busyMs / summary.windowMs) * 100) : 0}% of the core)`,
    '   self ms  of busy  function  (file:line)',
  ];
  for (const f of summary.top) lines.push(`  ${f.selfMs.toFixed(1).padStart(8)}  ${pct(f.share)}  ${f.name}  ${f.location ? `(${f.location})` : ''}`);
  lines.push('  by area: ' + summary.areas.slice(0, 10).map((a) => `${a.area} ${pct(a.share).trim()}`).join(', '));
  if (options.inclusive > 0 && summary.ownInclusive.length > 0) {
    lines.push('  our code by inclusive time (self + callees):');
    for (const f of summary.ownInclusive.slice(0, options.inclusive)) lines.push(`  ${f.selfMs.toFixed(1).padStart(8)}  ${pct(f.share)}  ${f.name}  (${f.location})`);
  }
  return lines.join('\n');
}

// CLI: npx tsx test/bench/profile/top-self-time.ts <file.cpuprofile> [--from-ns N --to-ns N] [--top 20] [--inclusive 10]
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'from-ns': { type: 'string' }, 'to-ns': { type: 'string' }, top: { type: 'string', default: '20' }, inclusive: { type: 'string', default: '10' } },
  });
  const file = positionals[0];
  if (!file) {
    process.stderr.write('usage: top-self-time.ts <file.cpuprofile> [--from-ns <hrtime ns>] [--to-ns <hrtime ns>] [--top 20] [--inclusive 10]\n');
    process.exit(2);
  }
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const summary = summarizeProfile(file, {
    root,
    top: Number(values.top),
    inclusiveTop: Number(values.inclusive),
    ...(values['from-ns'] ? { fromUs: Number(BigInt(values['from-ns']) / 1000n) } : {}),
    ...(values['to-ns'] ? { toUs: Number(BigInt(values['to-ns']) / 1000n) } : {}),
  });
  process.stdout.write(`${formatProfile(file, summary, { inclusive: Number(values.inclusive) })}\n`);
}
