import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pauseProcesses, resumeAllPaused } from './pause.ts';
import { statFields } from './proc-status.ts';

const state = (pid: number) => statFields(pid)?.[0];

/** A child that prints a tick every 10 ms; resolves once it has printed the first. */
async function ticker(): Promise<{ child: ChildProcess; ticks: () => number }> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => process.stdout.write("."), 10)'], { stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(child);
  let count = 0;
  child.stdout!.on('data', (d: Buffer) => (count += d.length));
  await new Promise((resolve) => child.stdout!.once('data', resolve));
  return { child, ticks: () => count };
}

/** Waits until `check` holds, for at most `ms` (a loaded machine schedules a continued child late). */
async function eventually(check: () => boolean, ms = 5_000): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; await sleep(10)) if (check()) return true;
  return check();
}

const children: ChildProcess[] = [];
afterEach(() => {
  resumeAllPaused();
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

describe.runIf(process.platform === 'linux')('pauseProcesses', () => {
  it('stops the processes until resumed, and they carry on after', async () => {
    const a = await ticker();
    const b = await ticker();
    const resume = pauseProcesses([a.child.pid!, b.child.pid!]);
    expect(await eventually(() => state(a.child.pid!) === 'T' && state(b.child.pid!) === 'T')).toBe(true);
    const frozen = a.ticks();
    await sleep(150);
    expect(a.ticks()).toBe(frozen);
    resume();
    expect(await eventually(() => a.ticks() > frozen)).toBe(true);
    expect(state(a.child.pid!)).not.toBe('T');
  });

  it('skips processes that have ended and never stops this one; resumeAllPaused continues whatever is still stopped', async () => {
    const a = await ticker();
    const ended = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => ended.once('exit', r));
    const resume = pauseProcesses([ended.pid!, a.child.pid!]);
    expect(await eventually(() => state(a.child.pid!) === 'T')).toBe(true);
    resumeAllPaused();
    expect(await eventually(() => state(a.child.pid!) !== 'T')).toBe(true);
    // The run's own resume after a cleanup's: nothing left to continue, and no error.
    expect(() => resume()).not.toThrow();
  });

  it('never signals this process or a process group (pid 0 or below)', () => {
    // Spied, not sent: a real SIGSTOP to either would stop the test run itself.
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
    try {
      pauseProcesses([0, -1, process.pid])();
      expect(kill).not.toHaveBeenCalled();
    } finally {
      kill.mockRestore();
    }
  });
});
