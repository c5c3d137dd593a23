import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { pauseProcesses, resumeAllPaused } from './pause.ts';

/** The state letter of /proc/<pid>/stat: `T` while stopped. */
function state(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
}

/** A child that prints a tick every 10 ms. */
function ticker(): { child: ChildProcess; ticks: () => number } {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => process.stdout.write("."), 10)'], { stdio: ['ignore', 'pipe', 'ignore'] });
  let count = 0;
  child.stdout!.on('data', (d: Buffer) => (count += d.length));
  return { child, ticks: () => count };
}

const children: ChildProcess[] = [];
afterEach(() => {
  resumeAllPaused();
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

describe.runIf(process.platform === 'linux')('pauseProcesses', () => {
  it('stops the processes until resumed, and they carry on after', async () => {
    const a = ticker();
    const b = ticker();
    children.push(a.child, b.child);
    await sleep(200);
    const resume = pauseProcesses([a.child.pid!, b.child.pid!]);
    await sleep(50);
    expect(state(a.child.pid!)).toBe('T');
    expect(state(b.child.pid!)).toBe('T');
    const frozen = a.ticks();
    await sleep(150);
    expect(a.ticks()).toBe(frozen);
    resume();
    await sleep(150);
    expect(state(a.child.pid!)).not.toBe('T');
    expect(a.ticks()).toBeGreaterThan(frozen);
  });

  it('skips processes that have ended, and resumeAllPaused continues whatever is still stopped', async () => {
    const a = ticker();
    children.push(a.child);
    await sleep(100);
    const ended = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => ended.once('exit', r));
    pauseProcesses([ended.pid!, a.child.pid!]);
    await sleep(50);
    expect(state(a.child.pid!)).toBe('T');
    resumeAllPaused();
    await sleep(50);
    expect(state(a.child.pid!)).not.toBe('T');
  });
});
