import { uid } from '../fixtures.ts';
import type { ContractContext } from '../fixtures.ts';

/** The catalog: upserts, a version bumped by every change, a synchronous view. */
export function catalogSection({ t, store }: ContractContext): void {
  const { describe, it, expect } = t;

  describe('catalog', () => {
    it('upserts products, stores and offers, bumping the version each time', async () => {
      const u = uid();
      const v0 = store().catalog().version;
      expect(await store().upsertProducts([
        { id: `a-${u}`, name: 'A', category: `cat-${u}`, price: 10, currency: 'EUR' },
        { id: `b-${u}`, name: 'B', category: `cat-${u}`, price: 20, currency: 'EUR', stock: { online: 0 } },
      ])).toBe(2);
      const v1 = store().catalog().version;
      expect(v1).toBeGreaterThan(v0);
      await store().upsertStores([{ id: `s-${u}`, name: 'S', lat: 1, lon: 2, timezone: 'Europe/Madrid' }]);
      await store().upsertOffers([{ id: `f-${u}`, title: 'Ten off', value: 10 }]);
      const view = store().catalog();
      expect(view.version).toBeGreaterThan(v1);
      expect(view.product(`b-${u}`)?.stock).toEqual({ online: 0 });
      expect(view.productsInCategory(`cat-${u}`).map((p) => p.id).sort()).toEqual([`a-${u}`, `b-${u}`]);
      expect(view.store(`s-${u}`)?.timezone).toBe('Europe/Madrid');
      expect(view.offer(`f-${u}`)?.title).toBe('Ten off');
      expect([...view.offers()].some((o) => o.id === `f-${u}`)).toBe(true);

      await store().upsertProducts([{ id: `a-${u}`, name: 'A2', category: `cat-${u}`, price: 11, currency: 'EUR' }]);
      expect(store().catalog().product(`a-${u}`)?.price).toBe(11);
      // The view taken before the change still reads the old price: views are immutable.
      expect(view.product(`a-${u}`)?.price).toBe(10);
      const refreshed = await store().refreshCatalog();
      expect(store().catalog().version).toBeGreaterThanOrEqual(refreshed.version);
      expect(refreshed.product(`a-${u}`)?.name).toBe('A2');
    });
  });
}
