import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { loopStallMs } from './paced.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function block(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('the paced generator’s longest loop stall', () => {
  it('is near zero for a loop that was never held up, and the length of a hold-up otherwise', async () => {
    const idle = monitorEventLoopDelay({ resolution: 10 });
    idle.enable();
    await sleep(200);
    idle.disable();
    // The raw maximum is a whole probe interval (~10 ms) even when nothing held the loop.
    expect(idle.max / 1e6).toBeGreaterThan(9);
    // Under 10 ms even with other test workers sharing the cores: the raw figure never is.
    expect(loopStallMs(idle.max)).toBeLessThan(10);

    const held = monitorEventLoopDelay({ resolution: 10 });
    held.enable();
    await sleep(30);
    block(40);
    await sleep(30);
    held.disable();
    expect(loopStallMs(held.max)).toBeGreaterThan(25);
  });
});
