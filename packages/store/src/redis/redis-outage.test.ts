import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer } from '../../../../test/support/redis-server.ts';
import type { RedisServer } from '../../../../test/support/redis-server.ts';
import { at, event, uid } from '../contract/fixtures.ts';
import { StoreUnavailableError } from '../store.ts';
import type { CustomerStore } from '../store.ts';
import { createRedisStore } from './redis-store.ts';

/** Polls until `check` holds (for what only a reconnect can bring), at most `ms`. */
async function until(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('Redis store: Redis goes away and comes back', () => {
  let redis: RedisServer;
  let store: CustomerStore;
  beforeAll(async () => {
    // A server of its own, persisted, so a restart keeps what was acknowledged.
    redis = await startRedisServer({ persist: true });
    // Cache entries go stale at once, so reads below really try Redis before falling back.
    store = await createRedisStore({ url: redis.url }, { commandTimeoutMs: 100, cache: { ttlMs: 1, identityTtlMs: 1 } });
  });
  afterAll(async () => {
    await store?.close();
    await redis?.dispose();
  });

  it('fails writes fast, serves reads from cache, recovers by itself and accepts the same events', async () => {
    const ids = { email: `outage-${uid()}@example.com` };
    const before = [event('page_viewed', ids, {}, { occurredAt: at(0) }), event('product_viewed', ids, { productId: 'p1' }, { occurredAt: at(1) })];
    const [r] = await store.ingest(before);
    const id = r?.customerId as string;
    expect((await store.getProfile(id))?.eventCount).toBe(2);
    expect(await store.resolve(ids)).toBe(id);

    await redis.stop();
    const during = [event('purchase', ids, { items: [{ productId: 'p1', quantity: 1, price: 20 }] }, { occurredAt: at(2) })];
    const started = performance.now();
    await expect(store.ingest(during)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(performance.now() - started).toBeLessThan(500);
    await until(() => store.health() !== 'ok');
    // The breaker: no round trip while down.
    const again = performance.now();
    await expect(store.ingest(during)).rejects.toMatchObject({ code: 'OMK_ERR_STORE_UNAVAILABLE', retryAfterSeconds: 1 });
    expect(performance.now() - again).toBeLessThan(20);
    expect(store.health()).toBe('degraded');
    expect((await store.getProfile(id))?.eventCount).toBe(2);
    expect(await store.resolve(ids)).toBe(id);
    await expect(store.getProfile(`never-${uid()}`)).rejects.toBeInstanceOf(StoreUnavailableError);

    await redis.restart();
    await until(() => store.health() === 'ok');
    const [after] = await store.ingest(during);
    expect(after).toMatchObject({ status: 'accepted', customerId: id });
    const p = await store.getProfile(id);
    expect(p?.eventCount).toBe(3);
    expect(p?.orderCount).toBe(1);
    // What was acknowledged before the outage is still known: a resend is a duplicate.
    expect((await store.ingest([before[0] as (typeof before)[0]]))[0]?.status).toBe('duplicate');
  });

  it('treats a Redis that stops answering like one that is gone, within the command timeout', async () => {
    const ids = { deviceId: `hang-${uid()}` };
    const [r] = await store.ingest([event('page_viewed', ids)]);
    await store.getProfile(r?.customerId as string);
    const admin = new Redis(redis.url);
    // CLIENT PAUSE answers once the server holds every other client's commands: no guessing.
    await admin.call('CLIENT', 'PAUSE', '400', 'ALL');
    const started = performance.now();
    await expect(store.ingest([event('page_viewed', ids)])).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(performance.now() - started).toBeLessThan(400);
    // Reads fall back to the (stale) cache rather than fail.
    const read = performance.now();
    expect((await store.getProfile(r?.customerId as string))?.eventCount).toBe(1);
    expect(performance.now() - read).toBeLessThan(400);
    await admin.call('CLIENT', 'UNPAUSE');
    admin.disconnect();
  });
});
