import { describe, expect, inject, it } from 'vitest';
import type { RedisTestContext } from '../../../../test/support/global-setup.ts';
import { at, event, uid } from '../contract/fixtures.ts';
import { createKeyLayout } from './keys.ts';
import { createRedisStore } from './redis-store.ts';
import { readFresh, storeWithAdmin } from './redis-test-support.ts';

const url: RedisTestContext['redisUrl'] = inject('redisUrl');

describe('Redis store: profile lists written as deltas', () => {
  const redis = storeWithAdmin(url);

  it('stores what the writer computed, event after event, including out-of-order ones', async () => {
    const ids = { deviceId: `delta-${uid()}` };
    const [first] = await redis.store.ingest([event('page_viewed', ids, {}, { occurredAt: at(0) })]);
    const id = first?.customerId as string;
    // One call per event: each write starts from the cached profile and sends list deltas.
    for (let i = 1; i <= 60; i++) {
      const minute = i % 7 === 0 ? i - 5 : i; // now and then an event older than the head
      const e =
        i % 10 === 0
          ? event('purchase', ids, { items: [{ productId: `p${i % 4}`, quantity: 1, price: 10 }] }, { occurredAt: at(minute) })
          : i % 3 === 0
            ? event('page_viewed', ids, { url: `https://shop.example.com/${i}` }, { occurredAt: at(minute * 40) })
            : event('product_viewed', ids, { productId: `p${i % 5}` }, { occurredAt: at(minute) });
      await redis.store.ingest([e]);
    }
    const written = await redis.store.getProfile(id);
    expect(written?.eventCount).toBe(61);
    expect(await readFresh(url, id)).toEqual(written);
    const raw = await redis.admin.hget(createKeyLayout().profile(id), 'f:recentEvents');
    expect(raw?.split(',\n')).toHaveLength(50);
    // Kept ranges are cut from the stored text whole: byte for byte what a full rewrite would store.
    for (const name of ['recentEvents', 'recentlyViewed', 'visits', 'purchases'] as const) {
      const stored = await redis.admin.hget(createKeyLayout().profile(id), `f:${name}`);
      expect(stored).toBe(`[${(written?.[name] ?? []).map((entry) => JSON.stringify(entry)).join(',\n')}]`);
    }
  });

  it('rewrites a list stored before one-entry-per-line whole, then goes on with deltas', async () => {
    const ids = { deviceId: `legacy-${uid()}` };
    const [first] = await redis.store.ingest([
      event('product_viewed', ids, { productId: 'p1' }, { occurredAt: at(0) }),
      event('product_viewed', ids, { productId: 'p2' }, { occurredAt: at(1) }),
    ]);
    const id = first?.customerId as string;
    const key = createKeyLayout().profile(id);
    // The form earlier versions wrote: compact JSON, no line breaks.
    for (const field of ['f:recentEvents', 'f:recentlyViewed']) {
      await redis.admin.hset(key, field, JSON.stringify(JSON.parse((await redis.admin.hget(key, field)) as string)));
    }
    const other = await createRedisStore({ url });
    try {
      await other.ingest([event('product_viewed', ids, { productId: 'p3' }, { occurredAt: at(2) })]);
      await other.ingest([event('product_viewed', ids, { productId: 'p1' }, { occurredAt: at(3) })]);
      const written = await other.getProfile(id);
      expect(written?.recentlyViewed.map((v) => v.productId)).toEqual(['p1', 'p3', 'p2']);
      expect(written?.recentEvents).toHaveLength(4);
      expect(await readFresh(url, id)).toEqual(written);
    } finally {
      await other.close();
    }
  });
});
