import { uid } from '../fixtures.ts';
import type { ContractContext } from '../fixtures.ts';

/** Plugin-scoped learned state: strings, counters, hashes, sorted sets, key listing, isolation. */
export function pluginStateSection({ t, store }: ContractContext): void {
  const { describe, it, expect } = t;

  describe('plugin state', () => {
    it('keeps strings, counters, hashes and sorted sets per plugin', async () => {
      const plugin = `plug-${uid()}`;
      const s = store().pluginState(plugin);
      expect(await s.get('missing')).toBeNull();
      await s.set('model:version', 'v3');
      expect(await s.get('model:version')).toBe('v3');
      expect(await s.incr('count')).toBe(1);
      expect(await s.incr('count', 4)).toBe(5);
      expect(await s.incr('count', 0.5)).toBe(5.5);
      expect(await s.hincr('co:p1', 'p2')).toBe(1);
      expect(await s.hincr('co:p1', 'p2', 2)).toBe(3);
      await s.hincrMany('co:p1', { p3: 1, p4: 2.5 });
      expect(await s.hgetall('co:p1')).toEqual({ p2: 3, p3: 1, p4: 2.5 });
      expect(await s.hgetall('none')).toEqual({});
      await s.zincr('top', 'a', 1);
      await s.zincr('top', 'b', 5);
      expect(await s.zincr('top', 'c', 3)).toBe(3);
      expect(await s.zincr('top', 'a', 1.5)).toBe(2.5);
      expect(await s.ztop('top', 2)).toEqual([
        { member: 'b', score: 5 },
        { member: 'c', score: 3 },
      ]);
      expect(await s.ztop('top', 10)).toHaveLength(3);
      expect(await s.keys('co:')).toEqual(['co:p1']);
      expect(await s.keys('')).toEqual(['co:p1', 'count', 'model:version', 'top']);
      await s.del('co:p1');
      expect(await s.hgetall('co:p1')).toEqual({});
      expect(await s.keys('co:')).toEqual([]);
    });

    it('applies concurrent writes each once, in call order, and fails only a write of the wrong kind', async () => {
      const s = store().pluginState(`conc-${uid()}`);
      await s.set('word', 'text');
      const writes = await Promise.allSettled([
        ...Array.from({ length: 50 }, (_, i) => s.hincrMany(`co:p${i % 5}`, { a: 1, b: 0.5 })),
        s.hincr('word', 'f'),
        ...Array.from({ length: 20 }, () => s.zincr('top', 'x', 2)),
        s.set('later', 'v1'),
        s.set('later', 'v2'),
        s.incr('n', 3),
      ]);
      expect(writes.filter((w) => w.status === 'rejected')).toHaveLength(1);
      expect(writes[50]?.status).toBe('rejected');
      expect(await s.hgetall('co:p0')).toEqual({ a: 10, b: 5 });
      expect(await s.ztop('top', 1)).toEqual([{ member: 'x', score: 40 }]);
      expect(await s.get('later')).toBe('v2');
      expect(await s.get('word')).toBe('text');
      expect(await s.keys('co:')).toEqual(['co:p0', 'co:p1', 'co:p2', 'co:p3', 'co:p4']);
    });

    it('isolates plugins from one another', async () => {
      const a = store().pluginState(`a-${uid()}`);
      const b = store().pluginState(`b-${uid()}`);
      await a.set('k', 'from-a');
      await a.zincr('z', 'm', 1);
      expect(await b.get('k')).toBeNull();
      expect(await b.ztop('z', 5)).toEqual([]);
      expect(await b.keys('')).toEqual([]);
    });
  });
}
