import { runClosedLoop } from './closed-loop.ts';
import type { LoadJob, LoadResult } from './job.ts';
import { runPaced } from './paced.ts';

/**
 * The load-generator process, pinned to the load core by its parent (load/generator.ts). It lives
 * for the whole bench and runs one job at a time from IPC messages: one process start instead of
 * dozens, and a load generator whose own JIT is warm after the first job.
 */
type Request = { readonly id: number; readonly job: LoadJob };
type Reply = { readonly id: number; readonly result?: LoadResult; readonly error?: string };

if (!process.send) throw new Error('load/worker.ts runs as a child process with an IPC channel');

let queue = Promise.resolve();
process.on('message', (message: Request) => {
  queue = queue.then(async () => {
    let reply: Reply;
    try {
      const result = message.job.mode === 'paced' ? await runPaced(message.job) : await runClosedLoop(message.job);
      reply = { id: message.id, result };
    } catch (error) {
      reply = { id: message.id, error: (error as Error).stack ?? String(error) };
    }
    process.send!(reply);
  });
});
// The parent's exit closes the channel: leave with it rather than linger.
process.on('disconnect', () => process.exit(0));
