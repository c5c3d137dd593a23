import { describe, expect, it } from 'vitest';
import { createCatalogView } from './create-catalog-view.ts';
import { fixtureCatalog } from './fixture-catalog.ts';

describe('createCatalogView', () => {
  const kettle = { id: 'p-1', name: 'Kettle', category: 'kitchen', price: 39, currency: 'EUR' };

  it('looks things up by id and lists products by category', () => {
    const catalog = createCatalogView({ products: [kettle, { ...kettle, id: 'p-2', category: 'tea' }], version: 3 });
    expect(catalog.version).toBe(3);
    expect(catalog.product('p-1')?.name).toBe('Kettle');
    expect(catalog.productsInCategory('kitchen').map((p) => p.id)).toEqual(['p-1']);
    expect(catalog.productsInCategory('nothing')).toEqual([]);
    expect([...catalog.products()]).toHaveLength(2);
    expect(catalog.store('s')).toBeUndefined();
    expect([...catalog.offers()]).toEqual([]);
  });

  it('replaces an entry by a later one with the same id', () => {
    const catalog = createCatalogView({ products: [kettle, { ...kettle, price: 41 }] });
    expect(catalog.product('p-1')?.price).toBe(41);
    expect(catalog.version).toBe(1);
  });

  it('hands out frozen data, and copies what it was given', () => {
    const given = { ...kettle };
    const catalog = createCatalogView({ products: [given, { ...kettle, id: 'p-0' }] });
    given.price = 1;
    expect(catalog.product('p-1')?.price).toBe(39);
    const list = catalog.productsInCategory('kitchen') as unknown as { id: string }[];
    expect(() => list.sort()).toThrow(TypeError);
    expect(Object.isFrozen(catalog.product('p-1'))).toBe(true);
  });

  it('builds the fixture catalog: 12 products, 3 stores, 7 offers, one default', () => {
    const catalog = fixtureCatalog();
    expect([...catalog.products()]).toHaveLength(12);
    expect([...catalog.stores()].map((s) => s.timezone)).toEqual(['Europe/Madrid', 'Europe/Madrid', 'Europe/London']);
    expect([...catalog.offers()].filter((o) => o.isDefault).map((o) => o.id)).toEqual(['o-welcome']);
  });
});
