import type { RedisContext } from './context.ts';

// Identity keys live on many slots: in a Cluster each is its own command (sent together, so it
// costs one round trip of latency); on one server MGET and a pipeline save the per-command cost.

/** Who each identity key points to (null: nobody). */
export async function lookupIdentities(ctx: RedisContext, keys: readonly string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  if (keys.length === 0) return out;
  const redisKeys = keys.map((k) => ctx.keys.identity(k));
  const values = ctx.isCluster
    ? await Promise.all(redisKeys.map((k) => ctx.client.get(k)))
    : await ctx.client.mget(...redisKeys);
  keys.forEach((k, i) => out.set(k, values[i] ?? null));
  return out;
}

/** Points identity keys at a customer, whatever they pointed at (after a merge). */
export async function repointIdentities(ctx: RedisContext, keys: readonly string[], customerId: string): Promise<void> {
  if (keys.length === 0) return;
  await Promise.all(keys.map((k) => ctx.client.set(ctx.keys.identity(k), customerId)));
  for (const k of keys) ctx.cache.setIdentity(k, customerId);
}
