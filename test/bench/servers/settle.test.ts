import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { settle } from './settle.ts';

const onLinux = process.platform === 'linux';

/** Runs `use` with a node child that spins for `busyMs`, then idles (its event loop kept alive); kills it after. */
async function withBusyChild<T>(busyMs: number, use: (pid: number) => Promise<T>): Promise<T> {
  const child = spawn(process.execPath, ['-e', `const end = Date.now() + ${busyMs}; while (Date.now() < end); setInterval(() => {}, 1000);`], { stdio: 'ignore' });
  try {
    return await use(child.pid!);
  } finally {
    child.kill();
  }
}

describe('settle', () => {
  it.runIf(onLinux)('waits while a process is busy and returns once it is quiet', async () => {
    const settled = await withBusyChild(600, (pid) => settle([pid], { windowMs: 50, maxMs: 5_000 }));
    expect(settled.quiet).toBe(true);
    // It spun for 600 ms from its start: the wait covers most of that.
    expect(settled.waitedMs).toBeGreaterThan(300);
  });

  it.runIf(onLinux)('gives up after maxMs and says the process was still busy', async () => {
    const settled = await withBusyChild(5_000, (pid) => settle([pid], { windowMs: 50, maxMs: 200 }));
    expect(settled.quiet).toBe(false);
    expect(settled.waitedMs).toBeGreaterThanOrEqual(200);
  });

  it('returns at once for no process, or only processes it cannot read', async () => {
    for (const pids of [[], [2 ** 22 + 12_345]]) {
      const settled = await settle(pids);
      expect(settled.quiet).toBe(true);
      expect(settled.waitedMs).toBeLessThan(50);
    }
  });

  it.runIf(onLinux)('still waits for a busy process beside one it cannot read', async () => {
    const settled = await withBusyChild(600, (pid) => settle([2 ** 22 + 12_345, pid], { windowMs: 50, maxMs: 5_000 }));
    expect(settled.quiet).toBe(true);
    expect(settled.waitedMs).toBeGreaterThan(300);
  });
});
