import { readdirSync, readFileSync } from 'node:fs';

/** Resident memory of a process from /proc (Linux only; null elsewhere), in bytes. */
export interface Memory {
  /** VmRSS: resident now. */
  readonly rss: number;
  /** VmHWM: the peak resident size since the process started. */
  readonly peakRss: number;
}

export function readMemory(pid: number): Memory | null {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peakRss: kb('VmHWM') };
}

/**
 * The fields of /proc/<pid>/stat from the third on (state, ppid, …: `[0]` is the state letter, `T`
 * while stopped), or null when the process is gone or off Linux. They follow the parenthesised
 * command name, which may contain spaces and parentheses.
 */
export function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/**
 * The pid of the redis-server child of this process listening on `port`. redis-server rewrites its
 * process title to `redis-server 127.0.0.1:<port>`; requiring our pid as the parent makes sure we
 * never touch another Redis on the machine.
 */
export function findOwnRedisPid(port: number): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmdline.startsWith('redis-server') || !cmdline.includes(`:${port}`)) continue;
      if (Number(statFields(Number(entry))?.[1]) === process.pid) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  return null;
}

/**
 * CPU time (ns) a process has used so far, all threads together (the JS thread, libuv's pool, the
 * GC helpers), from /proc/<pid>/task/<tid>/schedstat (nanoseconds; /proc/<pid>/stat counts 10 ms
 * ticks). Divided by the requests of a run, it gives CPU per request: on a shared machine, where a
 * neighbour can take the core away in the middle of a run, that figure moves much less than
 * requests per second. Threads that ended during the run are missed (node keeps its threads).
 */
export function readCpuNs(pid: number): number | null {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return null;
  }
  let total = 0;
  for (const tid of tasks) {
    try {
      total += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // the thread ended while we read
    }
  }
  return total;
}

/**
 * Time (ns) the process's JS thread has spent so far ready to run but waiting for a CPU (field 2
 * of /proc/<pid>/task/<pid>/schedstat), or null off Linux. Over a run on a pinned core it is the
 * time someone else had that core: a neighbour's job, or the process's own helper threads (GC).
 * A latency tail that matches it is the machine's, not the code's.
 */
export function readRunQueueWaitNs(pid: number): number | null {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[1]);
  } catch {
    return null;
  }
}
