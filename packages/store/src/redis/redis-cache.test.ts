import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { RedisTestContext } from '../../../../test/support/global-setup.ts';
import { at, event, uid } from '../contract/fixtures.ts';
import type { ChangeNotice, CustomerStore } from '../store.ts';
import { createRedisStore } from './redis-store.ts';
import { readFresh } from './redis-test-support.ts';
import { Redis } from 'ioredis';
import { createKeyLayout } from './keys.ts';
import { TOMBSTONE } from './merge-scripts.ts';
import { runScript } from './scripts.ts';

const url: RedisTestContext['redisUrl'] = inject('redisUrl');

/** Resolves with the first notice `store` hears that matches. */
function nextNotice(store: CustomerStore, match: (n: ChangeNotice) => boolean): Promise<ChangeNotice> {
  return new Promise((resolve) => {
    const off = store.onChange((n) => {
      if (!match(n)) return;
      off();
      resolve(n);
    });
  });
}

describe('Redis store: cache and change notices across instances', () => {
  let a: CustomerStore;
  let b: CustomerStore;
  beforeEach(async () => {
    [a, b] = await Promise.all([createRedisStore({ url }), createRedisStore({ url })]);
  });
  afterEach(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  it('evicts the other instance\u2019s cached profile within 100 ms of a write', async () => {
    const ids = { deviceId: `d-${uid()}` };
    const [r] = await a.ingest([event('page_viewed', ids, {}, { occurredAt: at(0) })]);
    const id = r?.customerId as string;
    expect((await b.getProfile(id))?.version).toBe(1);
    const missesBefore = b.stats().misses as number;
    expect((await b.getProfile(id))?.version).toBe(1); // served by B's cache
    expect(b.stats().misses).toBe(missesBefore);
    expect(b.stats().hits).toBeGreaterThan(0);

    const heard = nextNotice(b, (n) => n.customerId === id);
    await a.ingest([event('purchase', ids, { items: [{ productId: 'p', quantity: 1, price: 9 }] }, { occurredAt: at(1) })]);
    const written = performance.now();
    const notice = await heard;
    expect(performance.now() - written).toBeLessThan(100);
    expect(notice).toEqual({ kind: 'profile', customerId: id, material: true });
    const fresh = await b.getProfile(id);
    expect(fresh?.version).toBe(2);
    expect(fresh?.orderCount).toBe(1);
  });

  it('refreshes the other instance\u2019s catalog before telling its listeners', async () => {
    const productId = `p-${uid()}`;
    const heard = nextNotice(b, (n) => n.kind === 'catalog');
    await a.upsertProducts([{ id: productId, name: 'P', category: 'c', price: 5, currency: 'EUR' }]);
    await heard;
    expect(b.catalog().product(productId)?.price).toBe(5);
    expect(b.catalog().version).toBe(a.catalog().version);
  });

  it('drops identity lookups that a merge on another instance made wrong', async () => {
    const u = uid();
    await a.ingest([event('page_viewed', { deviceId: `d-${u}` }, {}, { occurredAt: at(0) })]);
    const [younger] = await a.ingest([event('page_viewed', { email: `y-${u}@example.com` }, {}, { occurredAt: at(5) })]);
    expect(await b.resolve({ email: `y-${u}@example.com` })).toBe(younger?.customerId); // now cached in B
    const heard = nextNotice(b, (n) => n.reason === 'merged');
    const [link] = await a.ingest([event('identify', { deviceId: `d-${u}`, email: `y-${u}@example.com` }, {}, { occurredAt: at(6) })]);
    await heard;
    expect(await b.resolve({ email: `y-${u}@example.com` })).toBe(link?.customerId);
    expect(link?.customerId).not.toBe(younger?.customerId);
  });

  it('loses no update when two instances write one customer at once', async () => {
    const ids = { email: `both-${uid()}@example.com` };
    const calls = Array.from({ length: 100 }, (_, i) => [a, b].map((s, k) => s.ingest([event('product_viewed', ids, { productId: `p${i}` }, { occurredAt: at(2 * i + k) })])));
    const results = (await Promise.all(calls.flat())).flat();
    expect(results.every((r) => r.status === 'accepted')).toBe(true);
    const customers = new Set(results.map((r) => r.customerId));
    expect(customers.size).toBe(1);
    // Read what Redis holds: A's cache may not have heard B's last notice yet.
    const p = await readFresh(url, [...customers][0] as string);
    expect(p?.eventCount).toBe(200);
    expect(p?.version).toBe(200);
  });

  it('merges once when two instances link the same customers at once', async () => {
    const u = uid();
    const [first] = await a.ingest([event('page_viewed', { deviceId: `d-${u}` }, {}, { occurredAt: at(0) })]);
    await b.ingest([event('page_viewed', { email: `m-${u}@example.com` }, {}, { occurredAt: at(1) })]);
    const linking = [a, b].map((s, k) => s.ingest([event('identify', { deviceId: `d-${u}`, email: `m-${u}@example.com` }, {}, { occurredAt: at(2 + k) })]));
    const [ra, rb] = (await Promise.all(linking)).map((r) => r[0]);
    expect(ra?.customerId).toBe(first?.customerId);
    expect(rb?.customerId).toBe(first?.customerId);
    const p = await readFresh(url, first?.customerId as string);
    expect(p?.eventCount).toBe(4);
    expect(p?.aliases).toHaveLength(1);
  });

  it('announces an outcome recorded under a merged-away id for the survivor, whose profile it changed', async () => {
    const u = uid();
    const [older] = await a.ingest([event('page_viewed', { deviceId: `d-${u}` }, {}, { occurredAt: at(0) })]);
    const [younger] = await a.ingest([event('page_viewed', { email: `o-${u}@example.com` }, {}, { occurredAt: at(1) })]);
    const survivor = older?.customerId as string;
    await a.ingest([event('identify', { deviceId: `d-${u}`, email: `o-${u}@example.com` }, {}, { occurredAt: at(2) })]);
    const held = await b.getProfile(survivor);
    const heard = nextNotice(b, (n) => n.kind === 'profile' && n.customerId === survivor);
    const outcome = { id: `o-${u}`, type: 'accepted' as const, decisionId: 'dec-1', channel: 'contact_center' as const, occurredAt: at(3), offerId: 'x', customerId: younger?.customerId as string };
    expect(await a.recordOutcome(outcome, { material: true })).toBe('accepted');
    await heard;
    expect((await b.getProfile(survivor))?.materialVersion).toBeGreaterThan(held?.materialVersion as number);
  });

  it('finishes a merge cut short after its tombstone, and announces it to the other instances', async () => {
    const u = uid();
    const [l] = await a.ingest([event('page_viewed', { deviceId: `cut-${u}` }, {}, { occurredAt: at(0) }), event('page_viewed', { deviceId: `cut-${u}` }, {}, { occurredAt: at(1) })]);
    const [s] = await a.ingest([event('page_viewed', { email: `cut-${u}@example.com` }, {}, { occurredAt: at(2) })]);
    const loser = l?.customerId as string;
    const survivor = s?.customerId as string;
    expect((await b.getProfile(survivor))?.eventCount).toBe(1); // held by B
    // A merging instance that stopped right after step 1: the loser is marked, its data still there.
    const admin = new Redis(url);
    await runScript(admin, TOMBSTONE, [createKeyLayout().profile(loser)], [survivor]);
    admin.disconnect();
    const merged = nextNotice(b, (n) => n.customerId === loser && n.reason === 'merged');
    // The next write for the loser meets the tombstone, finishes the merge, and lands on the survivor.
    const [r] = await a.ingest([event('page_viewed', { deviceId: `cut-${u}` }, {}, { occurredAt: at(3) })]);
    expect(r).toMatchObject({ status: 'accepted', customerId: survivor });
    await merged;
    const seen = await b.getProfile(survivor);
    expect(seen?.eventCount).toBe(4);
    expect(seen?.aliases).toEqual([loser]);
    expect(await b.resolve({ deviceId: `cut-${u}` })).toBe(survivor);
  });
});
