import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { onDispose, stopChild, track } from '../servers/children.ts';
import { pinnedCommand, type Pinning } from '../servers/cpu-pinning.ts';
import type { LoadJob, LoadResult } from './job.ts';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * `--expose-gc`: a paced run collects earlier runs' garbage before its clock starts rather than in
 * the middle of it. `--single-threaded-gc`: the generator has one core, and V8's GC helper threads
 * only take it from the thread that sends; with them, the paced client's send-lag p99 was 8–14 ms
 * at ~6,000 req/s and the embedded gateway's warm p99 at half its peak 15–22 ms; without, 2–4 ms
 * and 4.3–6.5 ms (four runs alternating, same machine, same hour).
 */
const GENERATOR_NODE_FLAGS = ['--expose-gc', '--single-threaded-gc'];

/** The parent's handle on the load-generator process. */
export interface LoadGenerator {
  run(job: LoadJob): Promise<LoadResult>;
  stop(): Promise<void>;
}

/**
 * Starts the load generator as its own node process on the load core (taskset execs node, which
 * keeps the IPC channel node set up): the bench's orchestration, fetches and bookkeeping never
 * share a core or an event loop with the requests being timed.
 */
export function startLoadGenerator(pinning: Pinning): LoadGenerator {
  const [command, args] = pinnedCommand(pinning, pinning.loadCore, process.execPath, [...GENERATOR_NODE_FLAGS, '--import', 'tsx', WORKER]);
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const child: ChildProcess = track(spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  let nextId = 1;
  const pending = new Map<number, { resolve: (r: LoadResult) => void; reject: (e: Error) => void }>();
  child.on('message', (reply: { id: number; result?: LoadResult; error?: string }) => {
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.result) waiter?.resolve(reply.result);
    else waiter?.reject(new Error(`load generator: ${reply.error}`));
  });
  child.once('exit', (code, signal) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`the load generator exited (${code ?? signal})`));
    pending.clear();
  });
  const stop = async () => {
    if (child.connected) child.disconnect();
    await stopChild(child, 2_000);
  };
  const unregister = onDispose('load generator', stop);
  return {
    run(job) {
      return new Promise((resolve, reject) => {
        if (child.exitCode !== null || !child.connected) return reject(new Error('the load generator is not running'));
        const id = nextId++;
        pending.set(id, { resolve, reject });
        child.send({ id, job });
      });
    },
    async stop() {
      await stop();
      unregister();
    },
  };
}
