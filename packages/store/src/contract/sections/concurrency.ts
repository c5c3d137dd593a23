import { at, event, uid } from '../fixtures.ts';
import type { ContractContext } from '../fixtures.ts';

/** Concurrent writers of one customer lose no update. */
export function concurrencySection({ t, store }: ContractContext): void {
  const { describe, it, expect } = t;

  describe('concurrency', () => {
    it('counts 200 concurrent ingests for one customer exactly once each', async () => {
      const ids = { email: `busy-${uid()}@example.com` };
      const calls = Array.from({ length: 200 }, (_, i) =>
        store().ingest([event(i % 10 === 0 ? 'cart_updated' : 'product_viewed', ids, i % 10 === 0 ? { items: [] } : { productId: `p${i % 7}` }, { occurredAt: at(i) })]),
      );
      const results = (await Promise.all(calls)).flat();
      expect(results.every((r) => r.status === 'accepted')).toBe(true);
      const customers = new Set(results.map((r) => r.customerId));
      expect(customers.size).toBe(1);
      const p = await store().getProfile([...customers][0] as string);
      expect(p?.eventCount).toBe(200);
      expect(p?.version).toBe(200);
      expect(p?.typeCounts).toEqual({ cart_updated: 20, product_viewed: 180 });
      expect(p?.recentlyViewed).toHaveLength(7);
    });

    it('creates one customer when new identifiers arrive concurrently', async () => {
      const u = uid();
      const results = (
        await Promise.all(Array.from({ length: 20 }, () => store().ingest([event('page_viewed', { deviceId: `d-${u}`, email: `n-${u}@example.com` })])))
      ).flat();
      expect(new Set(results.map((r) => r.customerId)).size).toBe(1);
      expect((await store().getProfile(results[0]?.customerId as string))?.eventCount).toBe(20);
    });
  });
}
