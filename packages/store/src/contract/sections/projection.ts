import { at, event, uid } from '../fixtures.ts';
import type { ContractContext } from '../fixtures.ts';

/** The profile as a projection of events from every channel. */
export function projectionSection({ t, store }: ContractContext): void {
  const { describe, it, expect } = t;

  describe('projection', () => {
    it('projects a customer journey across channels into one profile', async () => {
      const u = uid();
      const shoes = `shoes-${u}`;
      await store().upsertProducts([
        { id: `p1-${u}`, name: 'Runner', category: shoes, price: 80, currency: 'EUR' },
        { id: `p2-${u}`, name: 'Trail', category: shoes, price: 120, currency: 'EUR' },
      ]);
      await store().upsertStores([{ id: `s-${u}`, name: 'Madrid', lat: 40.4168, lon: -3.7038, timezone: 'Europe/Madrid' }]);
      const ids = { deviceId: `d-${u}` };
      const results = await store().ingest([
        event('page_viewed', ids, { url: '/', timezone: 'Europe/Madrid', country: 'es' }, { occurredAt: at(0) }),
        event('product_viewed', ids, { productId: `p1-${u}` }, { occurredAt: at(1) }),
        event('product_viewed', ids, { productId: `p2-${u}` }, { occurredAt: at(2) }),
        event('product_viewed', ids, { productId: `p1-${u}` }, { occurredAt: at(3) }),
        event('cart_updated', ids, { items: [{ productId: `p1-${u}`, quantity: 1, price: 80 }] }, { occurredAt: at(4) }),
        event('purchase', ids, { orderId: `o1-${u}`, items: [{ productId: `p1-${u}`, quantity: 2, price: 80 }] }, { occurredAt: at(5) }),
        event('purchase', ids, { storeId: `s-${u}`, items: [{ productId: `p2-${u}`, quantity: 1, price: 120 }] }, { occurredAt: at(60), channel: 'store' }),
        event('consent_updated', ids, { consent: { marketing: true, email: false } }, { occurredAt: at(61) }),
        event('email_opened', ids, { campaignId: 'c1' }, { occurredAt: at(62), channel: 'email' }),
      ]);
      expect(results.every((r) => r.status === 'accepted')).toBe(true);
      expect(results.map((r) => r.material)).toEqual([true, false, false, false, true, true, true, true, false]);
      const p = await store().getProfile(results[0]?.customerId as string);
      expect(p).not.toBeNull();
      if (p === null) return;
      expect(p.eventCount).toBe(9);
      expect(p.version).toBe(9);
      expect(p.materialVersion).toBe(8);
      expect(p.channelCounts).toEqual({ web: 7, store: 1, email: 1 });
      expect(p.typeCounts.product_viewed).toBe(3);
      expect(p.firstSeen).toBe(at(0));
      expect(p.lastSeen).toBe(at(62));
      expect(p.recentlyViewed.map((v) => v.productId)).toEqual([`p1-${u}`, `p2-${u}`]);
      expect(p.purchases.map((o) => [o.online, o.total])).toEqual([[false, 120], [true, 160]]);
      expect(p.lifetimeValue).toBe(280);
      expect(p.orderCount).toBe(2);
      expect(p.cart).toBeNull();
      expect(p.lastStoreId).toBe(`s-${u}`);
      expect(p.consent).toEqual({ marketing: true, email: false });
      expect(p.timezone).toBe('Europe/Madrid');
      expect(p.country).toBe('ES');
      expect(p.emailOpens).toBe(1);
      expect(p.segments).toEqual(['repeat']);
      expect(p.recentEvents).toHaveLength(9);
      expect(p.recentEvents[0]?.type).toBe('email_opened');
      // Web visits: one at 0 (views within 30 min join it); the store purchase is no visit.
      expect(p.visits.map((v) => v.channel)).toEqual(['web']);
      // 3 views (1 each) + a cart (3) + two purchases (5 each) = 16 in one category, decayed by at
      // most an hour of a 30-day half-life (a factor > 0.999), as of the last purchase.
      expect(p.categoryAffinity[shoes]?.at).toBe(at(60));
      expect(p.categoryAffinity[shoes]?.score).toBeGreaterThan(15.98);
      expect(p.categoryAffinity[shoes]?.score).toBeLessThan(16);
    });

    it('uses occurredAt, not arrival order, for what is latest', async () => {
      const ids = { deviceId: `d-${uid()}` };
      const [r] = await store().ingest([event('consent_updated', ids, { purpose: 'marketing', granted: false }, { occurredAt: at(10) })]);
      await store().ingest([event('consent_updated', ids, { purpose: 'marketing', granted: true }, { occurredAt: at(5) })]);
      await store().ingest([event('page_viewed', ids, {}, { occurredAt: at(1) })]);
      const p = await store().getProfile(r?.customerId as string);
      expect(p?.consent.marketing).toBe(false);
      expect(p?.firstSeen).toBe(at(1));
      expect(p?.lastSeen).toBe(at(10));
    });

    it('keeps a cart until a purchase and an abandoned cart until a later purchase', async () => {
      const ids = { email: `cart-${uid()}@example.com` };
      const items = [{ productId: 'x', quantity: 1, price: 10 }];
      const [r] = await store().ingest([
        event('cart_updated', ids, { items }, { occurredAt: at(0) }),
        event('cart_abandoned', ids, {}, { occurredAt: at(30) }),
      ]);
      let p = await store().getProfile(r?.customerId as string);
      expect(p?.cart?.items).toEqual(items);
      expect(p?.abandonedCart).toMatchObject({ items, abandonedAt: at(30) });
      expect(p?.segments).toContain('cart_abandoner');
      await store().ingest([event('purchase', ids, { items }, { occurredAt: at(40) })]);
      p = await store().getProfile(r?.customerId as string);
      expect(p?.cart).toBeNull();
      expect(p?.abandonedCart).toBeNull();
    });
  });
}
