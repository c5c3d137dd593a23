import { describe, expect, it } from 'vitest';
import { detectPinning } from './cpu-pinning.ts';
import { probeMachineStalls, unionLength } from './machine-stalls.ts';

describe('unionLength', () => {
  it('counts overlapping intervals once and disjoint ones fully', () => {
    expect(unionLength([])).toBe(0);
    expect(unionLength([[0, 10]])).toBe(10);
    expect(unionLength([[0, 10], [5, 15]])).toBe(15);
    expect(unionLength([[20, 30], [0, 10]])).toBe(20);
    expect(unionLength([[0, 30], [5, 10], [12, 20]])).toBe(30);
    expect(unionLength([[0, 10], [10, 12]])).toBe(12);
  });
});

describe('probeMachineStalls', () => {
  const pinning = detectPinning();

  it.runIf(pinning.enabled)('spins on both cores and reports shares of the probe between 0 and 1', async () => {
    const stalls = await probeMachineStalls(pinning, 0.2);
    expect(stalls).not.toBeNull();
    expect(stalls!.cores.map((c) => c.core)).toEqual([pinning.serverCore, pinning.loadCore]);
    for (const core of stalls!.cores) {
      expect(core.stalledShare).toBeGreaterThanOrEqual(0);
      expect(core.stalledShare).toBeLessThan(1);
      expect(core.gaps === 0 ? core.longestMs === 0 : core.longestMs > 1).toBe(true);
    }
    expect(stalls!.lateShare).toBeGreaterThanOrEqual(0);
    expect(stalls!.lateShare).toBeLessThanOrEqual(Math.max(...stalls!.cores.map((c) => c.stalledShare)) * 2);
  });

  it('is not run without pinning (the gaps would be the scheduler moving the spinners)', async () => {
    expect(await probeMachineStalls({ ...pinning, enabled: false }, 0.2)).toBeNull();
  });
});
