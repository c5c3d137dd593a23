import type { PluginStateWriter } from '@omnikernel/sdk';

type Value =
  | { readonly kind: 'string'; value: string }
  | { readonly kind: 'hash'; readonly fields: Map<string, number> }
  | { readonly kind: 'zset'; readonly members: Map<string, number> };

/** Every plugin's state: plugin name → key → value. Owned by one memory store. */
export type PluginStateData = Map<string, Map<string, Value>>;

/**
 * A plugin's learned state in memory, with Redis semantics: a key holds one kind of value, and
 * using it as another fails like Redis' WRONGTYPE (so a plugin tested on memory behaves on Redis).
 */
export function createMemoryPluginState(data: PluginStateData, plugin: string): PluginStateWriter {
  // Looked up once per write would be a second map lookup per increment; the store never drops a
  // plugin's space once made, so the one found (or made) stays valid.
  let mine: Map<string, Value> | undefined;
  const space = (): Map<string, Value> => {
    if (mine !== undefined) return mine;
    mine = data.get(plugin);
    if (mine === undefined) data.set(plugin, (mine = new Map()));
    return mine;
  };
  function typed<K extends Value['kind']>(key: string, kind: K, create: () => Extract<Value, { kind: K }>): Extract<Value, { kind: K }> {
    const map = space();
    const current = map.get(key);
    if (current === undefined) {
      const fresh = create();
      map.set(key, fresh);
      return fresh;
    }
    if (current.kind !== kind) throw wrongType(plugin, key, current.kind, kind);
    return current as Extract<Value, { kind: K }>;
  }
  const hash = (key: string) => typed(key, 'hash', newHash);
  const zset = (key: string) => typed(key, 'zset', newZset);

  return {
    async get(key) {
      const v = space().get(key);
      if (v === undefined) return null;
      if (v.kind !== 'string') throw wrongType(plugin, key, v.kind, 'string');
      return v.value;
    },
    async hgetall(key) {
      const v = space().get(key);
      if (v === undefined) return {};
      if (v.kind !== 'hash') throw wrongType(plugin, key, v.kind, 'hash');
      return Object.fromEntries(v.fields);
    },
    async ztop(key, limit) {
      const v = space().get(key);
      if (v === undefined) return [];
      if (v.kind !== 'zset') throw wrongType(plugin, key, v.kind, 'zset');
      // Redis ZREVRANGE order: score descending, then member descending.
      return [...v.members]
        .sort(([ma, sa], [mb, sb]) => sb - sa || (mb > ma ? 1 : mb < ma ? -1 : 0))
        .slice(0, Math.max(0, limit))
        .map(([member, score]) => ({ member, score }));
    },
    async keys(prefix) {
      return [...space().keys()].filter((k) => k.startsWith(prefix)).sort();
    },
    async set(key, value) {
      const current = space().get(key);
      if (current !== undefined && current.kind !== 'string') space().delete(key); // SET overwrites any kind
      space().set(key, { kind: 'string', value });
    },
    async incr(key, by = 1) {
      const v = typed(key, 'string', newString);
      const n = Number(v.value);
      if (!Number.isFinite(n)) throw new TypeError(`plugin '${plugin}' state key '${key}' is not a number: cannot incr it`);
      v.value = String(n + by);
      return n + by;
    },
    async hincr(key, field, by = 1) {
      const fields = hash(key).fields;
      const next = (fields.get(field) ?? 0) + by;
      fields.set(field, next);
      return next;
    },
    async hincrMany(key, increments) {
      const fields = hash(key).fields;
      for (const field in increments) fields.set(field, (fields.get(field) ?? 0) + (increments[field] as number));
    },
    async zincr(key, member, by = 1) {
      const members = zset(key).members;
      const next = (members.get(member) ?? 0) + by;
      members.set(member, next);
      return next;
    },
    async del(key) {
      space().delete(key);
    },
  };
}

// Module-level, not closures per call: increments are the hot path of learning.
const newHash = (): Extract<Value, { kind: 'hash' }> => ({ kind: 'hash', fields: new Map() });
const newZset = (): Extract<Value, { kind: 'zset' }> => ({ kind: 'zset', members: new Map() });
const newString = (): Extract<Value, { kind: 'string' }> => ({ kind: 'string', value: '0' });

function wrongType(plugin: string, key: string, is: string, wanted: string): Error {
  return new TypeError(`plugin '${plugin}' state key '${key}' holds a ${is}, not a ${wanted} (WRONGTYPE): use another key`);
}
