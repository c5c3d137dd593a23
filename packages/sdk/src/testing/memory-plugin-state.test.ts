import { describe, expect, it } from 'vitest';
import { createMemoryPluginState } from './memory-plugin-state.ts';

describe('createMemoryPluginState', () => {
  it('counts in hashes, one field or many at once', async () => {
    const state = createMemoryPluginState();
    expect(await state.hincr('co:a', 'b')).toBe(1);
    expect(await state.hincr('co:a', 'b', 2.5)).toBe(3.5);
    await state.hincrMany('co:a', { b: 1, c: 0.5 });
    expect(await state.hgetall('co:a')).toEqual({ b: 4.5, c: 0.5 });
    expect(await state.hgetall('co:missing')).toEqual({});
  });

  it('keeps sorted sets highest first, ties in reverse member order like ZREVRANGE', async () => {
    const state = createMemoryPluginState();
    await state.zincr('pop', 'x', 2);
    await state.zincr('pop', 'y', 5);
    await state.zincr('pop', 'a', 2);
    expect(await state.ztop('pop', 2)).toEqual([
      { member: 'y', score: 5 },
      { member: 'x', score: 2 },
    ]);
    expect(await state.ztop('pop', 10)).toHaveLength(3);
  });

  it('stores strings and counters, lists keys by prefix and deletes', async () => {
    const state = createMemoryPluginState();
    await state.set('model:version', 'v1');
    expect(await state.incr('n')).toBe(1);
    expect(await state.incr('n', 4)).toBe(5);
    await state.hincr('co:p1', 'p2');
    await state.zincr('pop:all', 'p1');
    expect(await state.keys('co:')).toEqual(['co:p1']);
    expect(await state.keys('')).toEqual(['co:p1', 'model:version', 'n', 'pop:all']);
    await state.del('co:p1');
    expect(await state.keys('co:')).toEqual([]);
    expect(await state.get('model:version')).toBe('v1');
    expect(await state.get('nothing')).toBeNull();
  });

  it('refuses to use a key as another kind of value, as Redis does', async () => {
    const state = createMemoryPluginState();
    await state.hincr('k', 'f');
    await expect(state.zincr('k', 'm')).rejects.toThrow(/holds a hash, not a zset/);
    await expect(state.get('k')).rejects.toThrow(TypeError);
  });

  it('forgets everything on clear()', async () => {
    const state = createMemoryPluginState();
    await state.set('a', '1');
    state.clear();
    expect(await state.keys('')).toEqual([]);
  });
});
