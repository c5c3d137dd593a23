import { describe, expect, it } from 'vitest';
import type { PluginStateWriter } from '@omnikernel/sdk';
import { countWrites } from './counted-state.ts';

function memoryState(): PluginStateWriter {
  const values = new Map<string, string>();
  const hashes = new Map<string, Record<string, number>>();
  return {
    get: async (k) => values.get(k) ?? null,
    hgetall: async (k) => ({ ...(hashes.get(k) ?? {}) }),
    ztop: async () => [],
    keys: async (p) => [...values.keys(), ...hashes.keys()].filter((k) => k.startsWith(p)),
    set: async (k, v) => void values.set(k, v),
    incr: async (k, by = 1) => {
      const n = Number(values.get(k) ?? 0) + by;
      values.set(k, String(n));
      return n;
    },
    hincr: async (k, f, by = 1) => {
      const h = hashes.get(k) ?? {};
      h[f] = (h[f] ?? 0) + by;
      hashes.set(k, h);
      return h[f] as number;
    },
    hincrMany: async (k, inc) => {
      const h = hashes.get(k) ?? {};
      for (const [f, by] of Object.entries(inc)) h[f] = (h[f] ?? 0) + by;
      hashes.set(k, h);
    },
    zincr: async () => 0,
    del: async (k) => void (values.delete(k), hashes.delete(k)),
  };
}

describe('a counted plugin state', () => {
  it('counts writes, not reads, and passes both through', async () => {
    const { state, writes } = countWrites(memoryState());
    await state.get('a');
    await state.hgetall('h');
    await state.keys('');
    expect(writes()).toBe(0);
    await state.incr('a', 2);
    await state.hincr('h', 'x', 1.5);
    await state.hincrMany('h', { x: 1, y: 2 });
    await state.set('s', 'v');
    await state.del('s');
    expect(writes()).toBe(5);
    expect(await state.get('a')).toBe('2');
    expect(await state.hgetall('h')).toEqual({ x: 2.5, y: 2 });
  });
});
