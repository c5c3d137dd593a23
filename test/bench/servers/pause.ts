/**
 * The subjects share the measured core, as separate hosts would not: a gateway left running while
 * another is measured does what its timers ask of it (a snapshot rebuild put off until 5 s after
 * the ingestion that called for it, its 60 s rebuild cadence, a major GC finishing) and takes the
 * core from the subject in the middle of its run. `settle` only waits for that work before a run
 * starts. So for the length of each run the other subjects are stopped (SIGSTOP, which a process
 * cannot catch or ignore) and continued after it (SIGCONT); work that fell due meanwhile runs then,
 * before the next run, which waits for quiet cores again.
 *
 * A stopped process acts on SIGTERM only once continued: every process still stopped is continued
 * before the bench stops its children (`resumeAllPaused`, called by `disposeAll`).
 */

const paused = new Set<number>();

/** Stops each process (one that has ended is skipped); the returned function continues them. */
export function pauseProcesses(pids: readonly number[]): () => void {
  const stopped: number[] = [];
  for (const pid of pids) {
    // 0 and negative pids name process groups, ours among them; stopping ourselves would never end.
    if (pid <= 0 || pid === process.pid || paused.has(pid)) continue;
    if (signal(pid, 'SIGSTOP')) {
      paused.add(pid);
      stopped.push(pid);
    }
  }
  return () => {
    // Only what is still ours to continue: resumeAllPaused may have continued them already.
    for (const pid of stopped) if (paused.delete(pid)) signal(pid, 'SIGCONT');
  };
}

/** Continues every process this module stopped. */
export function resumeAllPaused(): void {
  for (const pid of paused) signal(pid, 'SIGCONT');
  paused.clear();
}

function signal(pid: number, name: NodeJS.Signals): boolean {
  try {
    process.kill(pid, name);
    return true;
  } catch {
    return false; // ESRCH: it ended
  }
}
