import { createMemoryPluginState, fixtureCatalog } from '@omnikernel/sdk/testing';
import { describe, expect, it } from 'vitest';
import { recommendationsOptionsSchema } from './options.ts';
import { buildSnapshot } from './snapshot.ts';

const catalog = fixtureCatalog();

describe('buildSnapshot', () => {
  it('turns co-occurrence into cosine similarity, best first, ties by id', async () => {
    const state = createMemoryPluginState();
    await state.hincrMany('co:p-kettle', { 'p-mugs': 2, 'p-beans': 1, 'p-candle': 1 });
    await state.hincrMany('occ', { 'p-kettle': 2, 'p-mugs': 4, 'p-beans': 1, 'p-candle': 1 });
    const { neighbours } = await buildSnapshot({ state, catalog, options: recommendationsOptionsSchema.parse({}) });
    // mugs: 2 / √(2·4) = 0.7071; beans and candle: 1 / √(2·1) = 0.7071 as well; ties by id.
    expect(neighbours['p-kettle']).toEqual({ ids: ['p-beans', 'p-candle', 'p-mugs'], scores: [0.707107, 0.707107, 0.707107] });
  });

  it('keeps the K best neighbours and damps popular ones as configured', async () => {
    const state = createMemoryPluginState();
    await state.hincrMany('co:a', { b: 4, c: 1 });
    await state.hincrMany('occ', { a: 4, b: 16, c: 1 });
    const options = recommendationsOptionsSchema.parse({ neighbours: 1, popularityDamping: 1 });
    const { neighbours } = await buildSnapshot({ state, catalog, options });
    // d = 1: co / occ(b): b = 4/16 = 0.25, c = 1/1 = 1.
    expect(neighbours.a).toEqual({ ids: ['c'], scores: [1] });
  });

  it('weighs each week of sales by half every popularityHalfLifeDays back from the newest', async () => {
    const state = createMemoryPluginState();
    await state.zincr('pop:w100:all', 'p-kettle', 4);
    await state.zincr('pop:w101:all', 'p-beans', 3);
    await state.zincr('pop:w101:country:ES', 'p-beans', 3);
    await state.zincr('pop:w89:all', 'p-candle', 50); // 12 weeks before the newest: outside the window
    const snapshot = await buildSnapshot({ state, catalog, options: recommendationsOptionsSchema.parse({}) });
    // kettle: 4 · 0.5^(7/14) = 2.83 < beans 3.
    expect(snapshot.popular).toEqual({ ids: ['p-beans', 'p-kettle'], scores: [1, 0.942809] });
    expect(snapshot.trend).toEqual({ 'p-beans': 1, 'p-kettle': 0.942809 });
    expect(snapshot.popularByCountry).toEqual({ ES: { ids: ['p-beans'], scores: [1] } });
    expect(snapshot.popularByCategory.coffee?.ids).toEqual(['p-beans']);
  });

  it('gives the same data from the same state, and an empty one from nothing', async () => {
    const state = createMemoryPluginState();
    const options = recommendationsOptionsSchema.parse({});
    const empty = await buildSnapshot({ state, catalog, options });
    expect(empty).toEqual({ generation: 0, neighbours: {}, trend: {}, popular: { ids: [], scores: [] }, popularByCountry: {}, popularByStore: {}, popularByCategory: {} });
    await state.incr('meta:observed', 7);
    expect((await buildSnapshot({ state, catalog, options })).generation).toBe(7);
  });

  it('lets the event loop run during a long build, and builds what an unbroken build would', async () => {
    const state = createMemoryPluginState();
    // Enough learning that the build takes well over one 2 ms slice.
    for (let p = 0; p < 3_000; p++) {
      const others: Record<string, number> = {};
      for (let o = 1; o <= 20; o++) others[`p-${(p * 7 + o * 13) % 3_000}`] = o;
      await state.hincrMany(`co:p-${p}`, others);
      await state.hincrMany('occ', { [`p-${p}`]: 1 + (p % 17) });
    }
    const options = recommendationsOptionsSchema.parse({});
    let turns = 0;
    let counting = true;
    const count = () => {
      turns += 1;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    const started = performance.now();
    const snapshot = await buildSnapshot({ state, catalog, options });
    const took = performance.now() - started;
    counting = false;
    // One turn per slice at least (a build run as one task would give the loop none).
    expect(took).toBeGreaterThan(4);
    expect(turns).toBeGreaterThanOrEqual(2);
    expect(Object.keys(snapshot.neighbours)).toHaveLength(3_000);
    expect(await buildSnapshot({ state, catalog, options })).toEqual(snapshot);
  });
});
