import { describe, expect, inject, it } from 'vitest';
import type { RedisTestContext } from '../../../../test/support/global-setup.ts';
import { at, event, uid } from '../contract/fixtures.ts';
import { createKeyLayout } from './keys.ts';
import { readFresh, storeWithAdmin } from './redis-test-support.ts';

const url: RedisTestContext['redisUrl'] = inject('redisUrl');
const keys = createKeyLayout();

describe('Redis store: idempotency marks of the commit script', () => {
  const redis = storeWithAdmin(url);

  it('undoes the marks of a write that meets an id applied meanwhile, then applies the rest once', async () => {
    const ids = { deviceId: `seen-${uid()}` };
    const [first] = await redis.store.ingest([event('page_viewed', ids, {}, { occurredAt: at(0) })]);
    const customerId = first?.customerId as string;
    // Another writer applied `late` after this instance cached the profile: the write finds its mark.
    const early = event('page_viewed', ids, {}, { occurredAt: at(1) });
    const late = event('page_viewed', ids, {}, { occurredAt: at(2) });
    await redis.admin.zadd(keys.seen(customerId), Date.now() + 60_000, `e:${late.id}`);
    const results = await redis.store.ingest([early, late]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'duplicate']);
    expect((await readFresh(url, customerId))?.eventCount).toBe(2);
    expect(await redis.admin.llen(keys.events(customerId))).toBe(2);
    expect(Number(await redis.admin.zscore(keys.seen(customerId), `e:${early.id}`))).toBeGreaterThan(Date.now());
  });

  it('treats an expired mark as none, and renews it', async () => {
    const ids = { deviceId: `expired-${uid()}` };
    const [first] = await redis.store.ingest([event('page_viewed', ids, {}, { occurredAt: at(0) })]);
    const customerId = first?.customerId as string;
    const again = event('page_viewed', ids, {}, { occurredAt: at(1) });
    await redis.admin.zadd(keys.seen(customerId), Date.now() - 1000, `e:${again.id}`);
    expect((await redis.store.ingest([again]))[0]?.status).toBe('accepted');
    expect(Number(await redis.admin.zscore(keys.seen(customerId), `e:${again.id}`))).toBeGreaterThan(Date.now());
    expect((await redis.store.ingest([again]))[0]?.status).toBe('duplicate');
    expect((await readFresh(url, customerId))?.eventCount).toBe(2);
  });
});
