import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { LOOP_PROBE_MS, loopStallMs } from './paced.ts';

function block(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('the paced generator’s longest loop stall', () => {
  it('is near zero for a loop that was never held up, and the length of a hold-up otherwise', async () => {
    const idle = monitorEventLoopDelay({ resolution: LOOP_PROBE_MS });
    idle.enable();
    await sleep(200);
    idle.disable();
    // The raw maximum is at least a whole probe interval even when nothing held the loop.
    expect(idle.max / 1e6).toBeGreaterThanOrEqual(LOOP_PROBE_MS * 0.9);
    // Loose: other test workers share the cores.
    expect(loopStallMs(idle.max)).toBeLessThan(10);

    const held = monitorEventLoopDelay({ resolution: LOOP_PROBE_MS });
    held.enable();
    await sleep(30);
    block(40);
    await sleep(30);
    held.disable();
    expect(loopStallMs(held.max)).toBeGreaterThan(38);
  });
});
