import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer } from '../../../../test/support/redis-server.ts';
import type { RedisServer } from '../../../../test/support/redis-server.ts';
import { at, event, uid } from '../contract/fixtures.ts';
import type { CustomerStore } from '../store.ts';
import { createRedisStore } from './redis-store.ts';

const TTL_MS = 100;
const HEARTBEAT_MS = 40;

async function until(check: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Redis store: held versions trusted while change notices are known to arrive', () => {
  // A server of its own: the test drops every subscriber on it.
  let redis: RedisServer;
  let admin: Redis;
  let a: CustomerStore;
  let b: CustomerStore;
  const options = { cache: { ttlMs: TTL_MS, trustedMs: 60_000 }, noticeHeartbeatMs: HEARTBEAT_MS };
  const hmgets = async () => Number(/cmdstat_hmget:calls=(\d+)/.exec(await admin.info('commandstats'))?.[1] ?? 0);

  beforeAll(async () => {
    redis = await startRedisServer();
    admin = new Redis(redis.url);
    a = await createRedisStore({ url: redis.url }, options);
    b = await createRedisStore({ url: redis.url }, options);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    admin?.disconnect();
    await redis?.dispose();
  });

  it('answers past the TTL without a round trip, and a change made elsewhere still reaches it at once', async () => {
    const ids = { deviceId: `trust-${uid()}` };
    const [first] = await a.ingest([event('page_viewed', ids, {}, { occurredAt: at(0) })]);
    const id = first?.customerId as string;
    const before = await a.profileVersions(id);
    await sleep(3 * TTL_MS);
    const reads = await hmgets();
    expect(await a.profileVersions(id)).toEqual(before);
    expect(await hmgets()).toBe(reads);

    const [other] = await b.ingest([event('purchase', ids, { orderId: `o-${uid()}`, items: [{ productId: 'p1', quantity: 1, price: 10 }] }, { occurredAt: at(1) })]);
    expect(other?.material).toBe(true);
    await until(async () => (await a.profileVersions(id))?.materialVersion !== before?.materialVersion);
    expect((await a.profileVersions(id))?.version).toBe((await b.getProfile(id))?.version);
  });

  it('goes back to the TTL as soon as its subscription drops, until it is back', async () => {
    const ids = { deviceId: `drop-${uid()}` };
    const [first] = await a.ingest([event('page_viewed', ids, {}, { occurredAt: at(0) })]);
    const id = first?.customerId as string;
    await a.profileVersions(id);
    await sleep(3 * TTL_MS);
    await admin.call('CLIENT', 'KILL', 'TYPE', 'pubsub');
    await sleep(20); // the close reaches the store
    // Past the TTL and with notices possibly missed: Redis is asked.
    const reads = await hmgets();
    expect(await a.profileVersions(id)).not.toBeNull();
    expect(await hmgets()).toBe(reads + 1);
    // Back: the subscription is proven again, what is read from now on is trusted again.
    await sleep(5 * HEARTBEAT_MS);
    await a.profileVersions(id);
    await sleep(3 * TTL_MS);
    const later = await hmgets();
    await a.profileVersions(id);
    expect(await hmgets()).toBe(later);
  });

  it('goes back to the TTL when the subscription stops answering, without a disconnect', async () => {
    const ids = { deviceId: `hang-${uid()}` };
    const [first] = await a.ingest([event('page_viewed', ids, {}, { occurredAt: at(0) })]);
    const id = first?.customerId as string;
    const held = await a.profileVersions(id);
    await sleep(3 * TTL_MS);
    expect(await a.profileVersions(id)).toEqual(held); // trusted
    // Every client held, the PINGs too, for longer than two heartbeats and a command timeout.
    await admin.call('CLIENT', 'PAUSE', '700', 'ALL');
    await sleep(4 * HEARTBEAT_MS);
    // Not proven live any more: Redis is asked, and it does not answer within the timeout.
    expect(await a.profileVersions(id)).toBeNull();
    await until(async () => (await a.profileVersions(id)) !== null);
  });
});
