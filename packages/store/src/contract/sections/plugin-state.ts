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
