import type { PluginStateWriter } from '@omnikernel/sdk';
import { assertReady, guarded } from './connection.ts';
import type { RedisClient } from './connection.ts';
import type { KeyLayout } from './keys.ts';
import { HINCR_MANY } from './record-scripts.ts';
import { runScript } from './scripts.ts';

/** Keys known to be in their plugin's index, per plugin, so a hot key costs one command per write. */
export type KnownPluginKeys = Map<string, Set<string>>;

const MAX_KNOWN = 100_000;

/**
 * A plugin's learned state in Redis: keys `ok:{ps:<plugin>}:<key>`, all under one hash tag, and an
 * index of them (`ok:{ps:<plugin>}`, a set) that `keys(prefix)` reads rather than SCANning every
 * node. A key joins the index before its first write from this process (SADD is idempotent, so
 * the index may name a key a crash left empty, never miss one); after that a write is one atomic
 * command. Writes fail at once with `StoreUnavailableError` while Redis is down.
 */
export function createRedisPluginState(client: RedisClient, keys: KeyLayout, plugin: string, known: KnownPluginKeys): PluginStateWriter {
  const key = (k: string) => keys.pluginKey(plugin, k);
  const index = keys.pluginIndex(plugin);
  let mine = known.get(plugin);
  if (mine === undefined) known.set(plugin, (mine = new Set()));
  const indexed = mine;
  async function write<T>(k: string, command: () => Promise<T>): Promise<T> {
    assertReady(client);
    return guarded(async () => {
      if (!indexed.has(k)) {
        await client.sadd(index, k);
        if (indexed.size < MAX_KNOWN) indexed.add(k);
      }
      return command();
    });
  }
  return {
    get: (k) => guarded(() => client.get(key(k))),
    async hgetall(k) {
      const hash = await guarded(() => client.hgetall(key(k)));
      return Object.fromEntries(Object.entries(hash).map(([field, value]) => [field, Number(value)]));
    },
    async ztop(k, limit) {
      if (limit <= 0) return [];
      const flat = await guarded(() => client.zrevrange(key(k), 0, limit - 1, 'WITHSCORES'));
      const out: { member: string; score: number }[] = [];
      for (let i = 0; i < flat.length; i += 2) out.push({ member: flat[i] as string, score: Number(flat[i + 1]) });
      return out;
    },
    async keys(prefix) {
      const all = await guarded(() => client.smembers(index));
      return all.filter((k) => k.startsWith(prefix)).sort();
    },
    async set(k, value) {
      await write(k, () => client.set(key(k), value));
    },
    incr: async (k, by = 1) => Number(await write(k, () => client.incrbyfloat(key(k), by))),
    hincr: async (k, field, by = 1) => Number(await write(k, () => client.hincrbyfloat(key(k), field, by))),
    async hincrMany(k, increments) {
      const args = Object.entries(increments).flatMap(([field, by]) => [field, by]);
      if (args.length > 0) await write(k, () => runScript(client, HINCR_MANY, [key(k)], args));
    },
    zincr: async (k, member, by = 1) => Number(await write(k, () => client.zincrby(key(k), by, member))),
    async del(k) {
      assertReady(client);
      indexed.delete(k);
      await guarded(() => client.multi().del(key(k)).srem(index, k).exec());
    },
  };
}
