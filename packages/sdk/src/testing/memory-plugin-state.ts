import type { PluginStateWriter } from '../types/state.ts';

/** An in-memory plugin state, with a `clear()` for tests. */
export interface MemoryPluginState extends PluginStateWriter {
  /** Forget everything. */
  clear(): void;
}

type Kind = 'string' | 'hash' | 'zset';

/**
 * A simple, single-process implementation of the plugin-state writer: what `observe` writes
 * in tests and in offline evaluations. Like Redis, a key holds one kind of value (string,
 * hash or sorted set) and using it as another kind throws, so a plugin's key mix-ups show up
 * in its own tests rather than in production.
 *
 * @example
 * const state = createMemoryPluginState();
 * await state.hincrMany('co:p-1', { 'p-2': 1, 'p-3': 0.5 });
 * await state.hgetall('co:p-1'); // { 'p-2': 1, 'p-3': 0.5 }
 */
export function createMemoryPluginState(): MemoryPluginState {
  const strings = new Map<string, string>();
  const hashes = new Map<string, Map<string, number>>();
  const zsets = new Map<string, Map<string, number>>();

  const kindOf = (key: string): Kind | undefined =>
    strings.has(key) ? 'string' : hashes.has(key) ? 'hash' : zsets.has(key) ? 'zset' : undefined;
  const expect = (key: string, kind: Kind): void => {
    const actual = kindOf(key);
    if (actual !== undefined && actual !== kind) {
      throw new TypeError(`plugin state: key '${key}' holds a ${actual}, not a ${kind}`);
    }
  };
  const table = (store: Map<string, Map<string, number>>, key: string, kind: Kind): Map<string, number> => {
    expect(key, kind);
    let map = store.get(key);
    if (!map) store.set(key, (map = new Map()));
    return map;
  };
  const bump = (map: Map<string, number>, field: string, by: number): number => {
    const next = (map.get(field) ?? 0) + by;
    map.set(field, next);
    return next;
  };

  return {
    async get(key) {
      expect(key, 'string');
      return strings.get(key) ?? null;
    },
    async set(key, value) {
      expect(key, 'string');
      strings.set(key, value);
    },
    async incr(key, by = 1) {
      expect(key, 'string');
      const current = Number(strings.get(key) ?? 0);
      if (!Number.isFinite(current)) throw new TypeError(`plugin state: key '${key}' is not a number`);
      const next = current + by;
      strings.set(key, String(next));
      return next;
    },
    async hincr(key, field, by = 1) {
      return bump(table(hashes, key, 'hash'), field, by);
    },
    async hincrMany(key, increments) {
      const map = table(hashes, key, 'hash');
      for (const [field, by] of Object.entries(increments)) bump(map, field, by);
    },
    async hgetall(key) {
      expect(key, 'hash');
      return Object.fromEntries(hashes.get(key) ?? []);
    },
    async zincr(key, member, by = 1) {
      return bump(table(zsets, key, 'zset'), member, by);
    },
    async ztop(key, limit) {
      expect(key, 'zset');
      const entries = [...(zsets.get(key) ?? [])];
      // Highest score first; ties by member so the order is stable (as Redis orders them).
      entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0));
      return entries.slice(0, Math.max(0, limit)).map(([member, score]) => ({ member, score }));
    },
    async keys(prefix) {
      const all = [...strings.keys(), ...hashes.keys(), ...zsets.keys()];
      return all.filter((key) => key.startsWith(prefix)).sort();
    },
    async del(key) {
      strings.delete(key);
      hashes.delete(key);
      zsets.delete(key);
    },
    clear() {
      strings.clear();
      hashes.clear();
      zsets.clear();
    },
  };
}
