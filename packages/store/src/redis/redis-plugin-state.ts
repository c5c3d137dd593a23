import type { PluginStateWriter } from '@omnikernel/sdk';
import { guarded } from './connection.ts';
import type { RedisClient } from './connection.ts';
import type { KeyLayout } from './keys.ts';
import { PluginStateBatch } from './plugin-state-batch.ts';

/** Keys known to be in their plugin's index, per plugin, so a hot key costs one command per write. */
export type KnownPluginKeys = Map<string, Set<string>>;

const MAX_KNOWN = 100_000;

/**
 * A plugin's learned state in Redis: keys `ok:{ps:<plugin>}:<key>`, all under one hash tag, and an
 * index of them (`ok:{ps:<plugin>}`, a set) that `keys(prefix)` reads rather than SCANning every
 * node. A key joins the index before its first write from this process (SADD is idempotent, so
 * the index may name a key a crash left empty, never miss one). Writes are group-committed per
 * tick (`PluginStateBatch`), each still atomic; reads see every write made before them. Writes
 * fail at once with `StoreUnavailableError` while Redis is down.
 */
export function createRedisPluginState(client: RedisClient, keys: KeyLayout, plugin: string, known: KnownPluginKeys): PluginStateWriter {
  const key = (k: string) => keys.pluginKey(plugin, k);
  const index = keys.pluginIndex(plugin);
  let indexed = known.get(plugin);
  if (indexed === undefined) known.set(plugin, (indexed = new Set()));
  const batch = new PluginStateBatch({ client, index, redisKey: key, indexed, maxKnown: MAX_KNOWN });
  const read = async <T>(fn: () => Promise<T>): Promise<T> => {
    await batch.settle();
    return guarded(fn);
  };
  return {
    get: (k) => read(() => client.get(key(k))),
    async hgetall(k) {
      const hash = await read(() => client.hgetall(key(k)));
      return Object.fromEntries(Object.entries(hash).map(([field, value]) => [field, Number(value)]));
    },
    async ztop(k, limit) {
      if (limit <= 0) return [];
      const flat = await read(() => client.zrevrange(key(k), 0, limit - 1, 'WITHSCORES'));
      const out: { member: string; score: number }[] = [];
      for (let i = 0; i < flat.length; i += 2) out.push({ member: flat[i] as string, score: Number(flat[i + 1]) });
      return out;
    },
    async keys(prefix) {
      const all = await read(() => client.smembers(index));
      return all.filter((k) => k.startsWith(prefix)).sort();
    },
    async set(k, value) {
      await batch.write('set', k, [value]);
    },
    incr: async (k, by = 1) => Number(await batch.write('incr', k, [by])),
    hincr: async (k, field, by = 1) => Number(await batch.write('hincr', k, [field, by])),
    async hincrMany(k, increments) {
      const args: (string | number)[] = [];
      for (const field in increments) args.push(field, increments[field] as number);
      if (args.length > 0) await batch.write('hmany', k, args);
    },
    zincr: async (k, member, by = 1) => Number(await batch.write('zincr', k, [member, by])),
    async del(k) {
      await batch.write('del', k, [k]);
    },
  };
}
