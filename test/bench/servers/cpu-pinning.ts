import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/**
 * Core 0 runs what is measured (the baseline, the gateways), core 1 the load generator and
 * redis-server. Without pinning, the scheduler moves the load generator onto the server's core
 * and the figures measure the contention instead of the server. Where `taskset` is missing (macOS)
 * or there is a single core, the bench still runs, unpinned, and says so in the report.
 */
export interface Pinning {
  readonly enabled: boolean;
  readonly serverCore: number;
  readonly loadCore: number;
  /** Why pinning is off, for the report. */
  readonly note: string;
}

export function detectPinning(): Pinning {
  const probe = spawnSync('taskset', ['-c', '0', 'true']);
  if (probe.error !== undefined || probe.status !== 0) return { enabled: false, serverCore: 0, loadCore: 1, note: 'taskset not available: processes are not pinned' };
  if (availableParallelism() < 2) return { enabled: false, serverCore: 0, loadCore: 0, note: 'a single CPU: server and load share it' };
  return { enabled: true, serverCore: 0, loadCore: 1, note: 'server on core 0, load generator and redis-server on core 1' };
}

/** `[command, args]` that start `command` pinned to `core` (or a list, `0,1`); taskset execs it, so the pid is the program's. */
export function pinnedCommand(pinning: Pinning, core: number | string, command: string, args: readonly string[]): [string, string[]] {
  return pinning.enabled ? ['taskset', ['-c', String(core), command, ...args]] : [command, [...args]];
}

/**
 * Moves an already running process (all its threads) to `cores` (one core, or a list such as
 * `0,1`). Used for the redis-server we start, and to let the gateways boot and be seeded on both
 * cores at once before they are pinned back to the server core for measuring.
 */
export function pinRunning(pinning: Pinning, pid: number, cores: number | string): boolean {
  if (!pinning.enabled) return false;
  return spawnSync('taskset', ['-a', '-c', '-p', String(cores), String(pid)], { stdio: 'ignore' }).status === 0;
}

/** Every core the bench uses, as a taskset list. */
export function allCores(pinning: Pinning): string {
  return `${pinning.serverCore},${pinning.loadCore}`;
}
