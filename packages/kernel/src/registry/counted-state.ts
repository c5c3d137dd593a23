import type { PluginStateWriter } from '@omnikernel/sdk';

/** A plugin's state writer that counts the writes made through it. */
export interface CountedState {
  readonly state: PluginStateWriter;
  /** Writes so far. */
  writes(): number;
}

/**
 * Counts a plugin's writes, so an observation that taught the plugin nothing (most plugins learn
 * from a few event types only) does not count toward its next snapshot rebuild: a rebuild reads the
 * whole learned state and, on an embedded store, holds the event loop while it does.
 */
export function countWrites(inner: PluginStateWriter): CountedState {
  let writes = 0;
  const state: PluginStateWriter = {
    get: (key) => inner.get(key),
    hgetall: (key) => inner.hgetall(key),
    ztop: (key, limit) => inner.ztop(key, limit),
    keys: (prefix) => inner.keys(prefix),
    set: (key, value) => (writes++, inner.set(key, value)),
    incr: (key, by) => (writes++, inner.incr(key, by)),
    hincr: (key, field, by) => (writes++, inner.hincr(key, field, by)),
    hincrMany: (key, increments) => (writes++, inner.hincrMany(key, increments)),
    zincr: (key, member, by) => (writes++, inner.zincr(key, member, by)),
    del: (key) => (writes++, inner.del(key)),
  };
  return { state, writes: () => writes };
}
