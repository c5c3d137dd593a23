import { describe, expect, it } from 'vitest';
import { event } from '../contract/fixtures.ts';
import { prepareEvents } from '../ingest/prepare.ts';
import type { PreparedEvent } from '../ingest/prepare.ts';
import { WriteScheduler } from './write-scheduler.ts';
import type { UnitOutcome, WriteUnit } from './write-units.ts';

const prepared = (n: number): PreparedEvent[] => prepareEvents(Array.from({ length: n }, () => event('page_viewed', { deviceId: 'd' })), {});
const accepted = (unit: WriteUnit): UnitOutcome => ({ kind: 'done', outcomes: new Map(unit.events.map((p) => [p, { status: 'accepted', material: false }])) });

/** A scheduler whose writes are recorded and answered by `answer`. */
function harness(answer: (unit: WriteUnit, call: number) => UnitOutcome | Promise<UnitOutcome>) {
  const calls: WriteUnit[][] = [];
  const moved: Array<[string, string]> = [];
  const scheduler = new WriteScheduler({
    write: async (units) => {
      calls.push([...units]);
      const call = calls.length;
      return new Map(await Promise.all(units.map(async (u) => [u, await answer(u, call)] as const)));
    },
    onMoved: async (from, to) => {
      moved.push([from, to]);
    },
  });
  return { scheduler, calls, moved };
}

describe('WriteScheduler', () => {
  it('writes everything submitted together as one flush, one unit per customer', async () => {
    const { scheduler, calls } = harness(accepted);
    const jobs = [...prepared(50).map((p) => scheduler.submit('c1', [p])), scheduler.submit('c2', prepared(1)), scheduler.submit('c3', prepared(2), true)];
    const results = await Promise.all(jobs);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.map((u) => [u.id, u.events.length, u.assumeNew])).toEqual([['c1', 50, false], ['c2', 1, false], ['c3', 2, true]]);
    expect(results.every((r) => r.kind === 'done')).toBe(true);
  });

  it('keeps one write in flight per customer; what arrives meanwhile goes next, together', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { scheduler, calls } = harness(async (unit, call) => {
      if (call === 1) await gate;
      return accepted(unit);
    });
    const first = scheduler.submit('c1', prepared(1));
    await new Promise((resolve) => setImmediate(resolve)); // the first flush is under way
    const later = [scheduler.submit('c1', prepared(1)), scheduler.submit('c1', prepared(1))];
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toHaveLength(1);
    release();
    await Promise.all([first, ...later]);
    expect(calls.map((c) => c.map((u) => u.events.length))).toEqual([[1], [2]]);
  });

  it('retries a customer that lost a race, from a fresh read', async () => {
    const { scheduler, calls } = harness((unit, call) => (call === 1 ? { kind: 'conflict' } : accepted(unit)));
    const result = await scheduler.submit('c1', prepared(3), true);
    expect(result.kind).toBe('done');
    expect(calls.map((c) => c[0]?.assumeNew)).toEqual([true, false]);
  });

  it('follows a merge to the survivor', async () => {
    const { scheduler, calls, moved } = harness((unit) => (unit.id === 'old' ? { kind: 'moved', to: 'new', pending: false } : accepted(unit)));
    const result = await scheduler.submit('old', prepared(1));
    expect(result).toMatchObject({ kind: 'done', customerId: 'new' });
    expect(moved).toEqual([['old', 'new']]);
    expect(calls.map((c) => c[0]?.id)).toEqual(['old', 'new']);
  });

  it('fails every job of a failed flush and frees the customer for the next one', async () => {
    let fail = true;
    const scheduler = new WriteScheduler({
      write: async (units) => {
        if (fail) throw new Error('redis down');
        return new Map(units.map((u) => [u, accepted(u)]));
      },
      onMoved: async () => undefined,
    });
    await expect(Promise.all([scheduler.submit('c1', prepared(1)), scheduler.submit('c1', prepared(1))])).rejects.toThrow('redis down');
    fail = false;
    expect((await scheduler.submit('c1', prepared(1))).kind).toBe('done');
  });

  it('gives up on a merge chain that does not end', async () => {
    const { scheduler } = harness((unit) => ({ kind: 'moved', to: unit.id === 'a' ? 'b' : 'a', pending: false }));
    await expect(scheduler.submit('a', prepared(1))).rejects.toMatchObject({ name: 'StoreConflictError', code: 'OMK_ERR_STORE_UNAVAILABLE', conflict: true });
  });
});
