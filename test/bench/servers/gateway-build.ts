import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Folders whose sources end up in the esbuild bundle `gateway/dist/main.js`. */
const BUNDLED_ROOTS = ['gateway/src', 'packages', 'plugins'];

/** The newest modification time (ms) of a bundled source under `dir` (tests excluded: they are not bundled). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|json|js|mjs)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The bench measures the gateway as it runs in production: the esbuild bundle under plain node.
 * A fresh clone has no bundle, and a stale one would measure yesterday's code, so it is rebuilt
 * whenever a bundled source or the lockfile is newer than it. Returns what it did, for the report.
 */
export function ensureGatewayBuild(root: string): 'fresh' | 'built' {
  const bundle = join(root, 'gateway/dist/main.js');
  const sources = Math.max(...BUNDLED_ROOTS.map((d) => newestSource(join(root, d))), statSync(join(root, 'package-lock.json')).mtimeMs);
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= sources) return 'fresh';
  const build = spawnSync('npm', ['run', 'build', '-w', '@omnikernel/gateway'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) {
    throw new Error(`building the gateway failed (npm run build -w @omnikernel/gateway):\n${build.stdout}\n${build.stderr}`);
  }
  return 'built';
}
